package io.stancewire.streams.nlp.en;

import java.util.List;
import java.util.Set;

/**
 * A second attribution in a clause that opens with "as" or "while" ("…, the spokesman said Monday even as he
 * reiterated the leadership's stance that …", "The minister said the talks would continue, as she reiterated …"):
 * the first relation ends before it and the clause is read as a sentence of its own, with its own subject.
 */
final class SubordinateSpeech {
    private SubordinateSpeech() {}

    private static final Set<String> SUBORDINATORS = Set.of("as", "while", "whereas");

    /**
     * The index of the subordinator (or of "even" before it) that follows the speech verb at {@code v} after at most
     * a time ("said Monday even as he reiterated …"), when its clause has a speech verb of its own; else -1.
     */
    static int afterVerb(List<Tok> sentence, int v, int last) {
        int k = v + 1;
        while (k <= last && k - v <= 3 && (Subjects.WHEN.contains(sentence.get(k).word().toLowerCase())
                || sentence.get(k).tag().startsWith("RB") && !SUBORDINATORS.contains(sentence.get(k).word().toLowerCase()))) {
            k++;
        }
        int start = opening(sentence, k, last);
        return start == k || start == k - 1 ? start : -1;
    }

    /** The first such subordinate clause between {@code from} and {@code to}, after a comma or "even"; else -1. */
    static int within(List<Tok> sentence, int from, int to) {
        for (int k = from + 1; k <= to; k++) {
            String before = sentence.get(k - 1).word();
            if ((before.equals(",") || before.equalsIgnoreCase("even")) && opening(sentence, k, to) >= 0) {
                return before.equalsIgnoreCase("even") ? k - 1 : k;
            }
        }
        return -1;
    }

    /**
     * If {@code k} is "as"/"while" followed by a pronoun or a short proper name and (after adverbs) a reporting verb,
     * where its clause starts ("even" included); else -1.
     */
    private static int opening(List<Tok> sentence, int k, int last) {
        if (k > last || !SUBORDINATORS.contains(sentence.get(k).word().toLowerCase())) {
            return -1;
        }
        int i = k + 1;
        if (i <= last && sentence.get(i).tag().equals("PRP")) {
            i++;
        } else {
            int name = i;
            while (i <= last && i - name < 4 && sentence.get(i).tag().startsWith("NNP")) {
                i++;
            }
            if (i == name) {
                return -1;
            }
        }
        while (i <= last && sentence.get(i).tag().startsWith("RB")) {
            i++;
        }
        if (i > last || !Phrases.finite(sentence.get(i)) || !SpeechVerbs.REPORTING.contains(sentence.get(i).lemma())) {
            return -1;
        }
        return k > 0 && sentence.get(k - 1).word().equalsIgnoreCase("even") ? k - 1 : k;
    }
}
