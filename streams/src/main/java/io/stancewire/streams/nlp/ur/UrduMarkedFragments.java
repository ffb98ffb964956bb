package io.stancewire.streams.nlp.ur;

import io.stancewire.streams.nlp.FoundQuote;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fragment in single marks inside the writer's sentence, with no کہ clause: {@code X نے اسے ’غیر ذمہ دارانہ‘ قرار
 * دیا}, {@code X نے ‘ایک یورپی یوکرین کے مستقبل’ کے لئے جدوجہد کی اپیل کی}. The fragment is the source's words, so
 * it is a {@code partial} relation of the agent, with the span inside the marks (the seed's convention for fragments
 * in double marks). Only verbs that put words in the agent's mouth count: calling, appealing, demanding, insisting,
 * saying; not "اعلان کیا" or "تصدیق کی", whose marked object is usually a name ("’آپریشن عزم استحکام‘ کا اعلان").
 * The verb ends the sentence or a clause coordinated with اور. One-word passages are left out: single marks also
 * set off a single word for emphasis ("‘یوکرین ‘").
 */
final class UrduMarkedFragments {
    private static final Pattern AGENT_VERB = Pattern.compile(
            "^(?<subj>[^“”\"«»„’‘]{1,160}?)\\s+(?<agent>نے)\\s+.*?(?<verb>قرار\\s+دیا|اپیل\\s+کی|مطالبہ\\s+کیا|زور\\s+دیا"
                    + "|تعبیر\\s+کیا|کہا)(?:\\s*(?:ہے|ہیں|تھا|تھی|تھے))*(?=\\s*(?:[۔.!؟?،,]|اور\\s|$))");
    private static final int MIN_WORDS = 2;

    private UrduMarkedFragments() {}

    /** The fragment relation of the sentence [begin, end), or null. */
    static UrduReportedSpeech.Clause find(String text, int begin, int end) {
        String sentence = text.substring(begin, end);
        Matcher m = AGENT_VERB.matcher(sentence);
        if (!m.find()) {
            return null;
        }
        int from = begin + m.end("agent");
        int to = begin + m.start("verb");
        List<int[]> passages = UrduReportedSpeech.singleMarked(text, from, to);
        for (int[] p : passages) {
            String passage = text.substring(p[0], p[1]).strip();
            if (passage.split("\\s+").length >= MIN_WORDS) {
                String cue = "نے " + m.group("verb").replaceAll("\\s+", " ");
                return new UrduReportedSpeech.Clause(p[0], p[1], FoundQuote.PARTIAL, begin + m.start("subj"),
                        m.group("subj"), cue, begin + m.start("verb"));
            }
        }
        return null;
    }
}
