package io.stancewire.streams.nlp.en;

import java.util.List;
import java.util.Set;

/**
 * A speech verb in the infinitive after a verb that only orders the telling in time ("He went on to say that …",
 * "She continued to insist …", "they were quick to add …"): the subject belongs to the first verb, the cue is the
 * speech verb (as PARC annotates it).
 */
final class VerbChains {
    private VerbChains() {}

    /** Verbs whose "to" infinitive is what the subject did next; not "declined to say", "refused to comment". */
    private static final Set<String> SEQUENCE = Set.of("continue", "proceed");

    /**
     * Where the chain ending in the infinitive at {@code v} starts ("went" in "went on to say", "was" in "was quick
     * to add"), or {@code v} itself when there is no such chain.
     */
    static int head(List<Tok> sentence, int v) {
        if (v < 2 || !sentence.get(v).tag().equals("VB") || !sentence.get(v - 1).tag().equals("TO")) {
            return v;
        }
        Tok before = sentence.get(v - 2);
        if (SEQUENCE.contains(before.lemma()) && before.isVerb()) {
            return v - 2;
        }
        if (v >= 3 && before.word().equalsIgnoreCase("on") && sentence.get(v - 3).lemma().equals("go")) {
            return v - 3;
        }
        if (v >= 3 && before.word().equalsIgnoreCase("quick") && sentence.get(v - 3).lemma().equals("be")) {
            return v - 3;
        }
        return v;
    }
}
