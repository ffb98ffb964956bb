package io.stancewire.streams.nlp.ur;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plural or honorific pronoun ("انہوں نے کہا") refers to when nobody has spoken before it: the subject of
 * the sentence before, or of its own sentence up to the pronoun. Urdu news often introduces a speaker through an act
 * that is not speech ("شُولز نے … تقریب سے خطاب کیا۔ خطاب میں انہوں نے کہا …") or through an interview or statement
 * ("… قاسم اور سلیمان کا پہلا انٹرویو منظرعام پر آگیا۔ … انہوں نے کہا کہ …"). The agent is the phrase before نے, or
 * the possessor before کا/کی/کے + an interview, speech or statement noun; the nearest one before the pronoun wins.
 */
final class UrduAntecedents {

    /** A subject phrase as printed and where it starts in the text. */
    record Antecedent(int begin, String phrase) {}

    private static final String SENTENCE_END = "۔؟!?\n";
    private static final Pattern AGENT = Pattern.compile(
            "\\sنے\\s|\\s(?:کا|کی|کے)\\s+(?:\\S+\\s+)?(?:انٹرویو|بیان|خطاب|گفتگو|پیغام|ردعمل|ردِعمل|پریس)(?=[\\s،,۔])");

    private static final Pattern KE = Pattern.compile("(?:^|\\s)کہ(?:\\s|$)");

    private UrduAntecedents() {}

    /** The nearest agent phrase before {@code position}, in its sentence or the one before; null if none. */
    static Antecedent before(String text, int position) {
        int previousEnd = sentenceStart(text, position);
        // Skip the run of ends and spaces between the sentences ("۔\n"), so the sentence before is not empty.
        while (previousEnd > 0 && (SENTENCE_END.indexOf(text.charAt(previousEnd - 1)) >= 0
                || Character.isWhitespace(text.charAt(previousEnd - 1)))) {
            previousEnd--;
        }
        int windowStart = sentenceStart(text, previousEnd);
        String window = text.substring(windowStart, position);
        Matcher m = AGENT.matcher(window);
        int agentAt = -1;
        while (m.find()) {
            if (!insideReportedClause(window, m.start())) {
                agentAt = m.start();
            }
        }
        if (agentAt <= 0) {
            return null;
        }
        int phraseStart = sentenceStart(text, windowStart + agentAt);
        String phrase = text.substring(phraseStart, windowStart + agentAt);
        return phrase.isBlank() ? null : new Antecedent(phraseStart, phrase);
    }

    /**
     * An agent after کہ in its sentence belongs to someone's reported words ("ان کا کہنا تھا کہ … وزیر داخلہ نے پریس
     * کانفرنس کی"), not to the narrative a later pronoun continues.
     */
    private static boolean insideReportedClause(String window, int at) {
        int sentence = 0;
        for (int i = at - 1; i >= 0; i--) {
            if (SENTENCE_END.indexOf(window.charAt(i)) >= 0) {
                sentence = i + 1;
                break;
            }
        }
        return KE.matcher(window.substring(sentence, at)).find();
    }

    /** The first offset of the sentence holding {@code position} (0 for the first sentence). */
    private static int sentenceStart(String text, int position) {
        for (int i = Math.min(position, text.length()) - 1; i >= 0; i--) {
            if (SENTENCE_END.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }
}
