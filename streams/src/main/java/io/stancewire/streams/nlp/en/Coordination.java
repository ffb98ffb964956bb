package io.stancewire.streams.nlp.en;

import java.util.List;
import java.util.Set;

/**
 * A speech verb coordinated after another verb of the same subject ("Lopez praised the schedule and said it …",
 * "Trump later attacked Tillis publicly and called for him to …"): the subject stands before the first verb, so the
 * speech verb is judged by where that verb is.
 */
final class Coordination {
    private Coordination() {}

    private static final Set<String> CONJUNCTIONS = Set.of("and", "but");

    /**
     * The index of the finite verb that the speech verb at {@code v} is coordinated with, or -1 when {@code v} does
     * not follow "and"/"but" (an adverb may come between: "and then said") or no finite verb of the same clause
     * stands before the conjunction (a comma-free stretch of at most 20 tokens).
     */
    static int firstConjunct(List<Tok> sentence, int v) {
        int k = v - 1;
        while (k > 0 && sentence.get(k).tag().startsWith("RB")) {
            k--;
        }
        if (k < 2 || !CONJUNCTIONS.contains(sentence.get(k).word().toLowerCase())) {
            return -1;
        }
        for (int u = k - 1; u >= 0 && k - u <= 20; u--) {
            Tok t = sentence.get(u);
            if (t.word().equals(",") || t.word().equals(";") || t.word().equals(":") || t.tag().startsWith("W")
                    || t.word().equalsIgnoreCase("that")) {
                // another clause: its verb is not this one's first conjunct
                return -1;
            }
            if (Phrases.finite(t) && !t.tag().equals("MD") || t.tag().equals("VBN") && Phrases.perfect(sentence, u)) {
                return u;
            }
        }
        return -1;
    }
}
