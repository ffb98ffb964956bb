package io.stancewire.streams.nlp.en;

import java.util.List;
import java.util.function.Predicate;

/**
 * Relative clauses around speech verbs. A source in a non-restrictive relative clause speaks ("Senator Ruth Adams, who
 * said last week that the bill was dead, voted for it": the relative pronoun is the source mention, as PARC annotates
 * it, and the antecedent the speaker).
 */
final class RelativeClauses {
    private RelativeClauses() {}

    /**
     * The index of the relative pronoun after a comma that is the subject of the verb at {@code v} (", who said",
     * ", who has long argued", ", which alleges"), or -1.
     */
    static int pronoun(List<Tok> s, int v) {
        int k = v - 1;
        while (k > 0 && (s.get(k).tag().startsWith("RB") || s.get(k).lemma().equals("have"))) {
            k--;
        }
        if (k < 2) {
            return -1;
        }
        String w = s.get(k).word().toLowerCase();
        return (w.equals("who") || w.equals("which")) && s.get(k - 1).word().equals(",") ? k : -1;
    }

    /**
     * A speech verb inside a relative clause that is the subject of what follows ("…, which they say will increase
     * the cost", "…, who officials said had fled"): a relative pronoun, one pronoun or noun as the speaker, the verb,
     * then a finite verb at once.
     */
    static boolean embedded(List<Tok> s, int v, int last) {
        if (v < 3 || v + 1 > last || !SpeechVerbs.REPORTING.contains(s.get(v).lemma()) || !Phrases.finite(s.get(v + 1))) {
            return false;
        }
        Tok speaker = s.get(v - 1);
        String w = s.get(v - 2).word().toLowerCase();
        return (speaker.tag().equals("PRP") || speaker.tag().equals("NNS")) && (w.equals("which") || w.equals("who"))
                && s.get(v - 3).word().equals(",");
    }

    /**
     * The last token of a relative clause's content starting at {@code from}: before the comma after which the main
     * clause resumes with its finite verb ("…, who said the bill was dead, voted for it"; a closing quote mark may come
     * between: 'who said he backs the plan, but “not blindly,” said …'), else {@code last}.
     */
    static int contentEnd(List<Tok> s, int from, int last, Predicate<Tok> mark) {
        for (int k = from + 1; k < last; k++) {
            if (s.get(k).word().equals(",")) {
                int m = k + 1;
                while (m <= last && (s.get(m).tag().startsWith("RB") || mark.test(s.get(m)))) {
                    m++;
                }
                if (m <= last && Phrases.finite(s.get(m))) {
                    return k - 1;
                }
            }
        }
        return last;
    }
}
