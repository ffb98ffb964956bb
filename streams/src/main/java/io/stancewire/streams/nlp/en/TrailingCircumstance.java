package io.stancewire.streams.nlp.en;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What may follow a closing attribution ("…, he said at a news conference in the Red Sea resort of Sharm el-Sheikh,
 * where Arab leaders meet this week"): a circumstance (a prepositional phrase or a time) and a relative clause that
 * describes its place or occasion. The relative clause has verbs of its own, which otherwise make the sentence look
 * like the writer's.
 */
final class TrailingCircumstance {
    private TrailingCircumstance() {}

    private static final Set<String> RELATIVES = Set.of("where", "which", "when", "who");

    /**
     * The tokens after the verb at {@code v} are a verb-free circumstance of at least two words, then a comma and a
     * relative clause to the sentence's end.
     */
    static boolean closes(List<Tok> s, int v, int last, Predicate<Tok> mark) {
        if (v + 1 > last || !(s.get(v + 1).tag().equals("IN") || Subjects.WHEN.contains(s.get(v + 1).word().toLowerCase()))) {
            return false;
        }
        for (int k = v + 1; k <= last && k - v <= 20; k++) {
            Tok t = s.get(k);
            if (t.isVerb() || mark.test(t)) {
                return false;
            }
            if (t.word().equals(",")) {
                return k - v >= 3 && k + 1 <= last && RELATIVES.contains(s.get(k + 1).word().toLowerCase());
            }
        }
        return false;
    }
}
