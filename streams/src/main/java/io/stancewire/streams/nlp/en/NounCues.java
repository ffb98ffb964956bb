package io.stancewire.streams.nlp.en;

import java.util.List;
import java.util.Set;

/**
 * A proposition noun that names its own source and has a "that" clause: a possessor ("Modi’s claim that …", "his
 * warning that …") or a "from"/"by" phrase ("predictions from at least one analyst that …", "a request by defense
 * attorneys that …"). PARC-style annotation counts these when no speech verb of the sentence frames them; the verb a
 * noun phrase is the object of ("responded to", "questioned") is the writer's and has no content of its own.
 */
final class NounCues {
    private NounCues() {}

    /** Nouns whose "that" clause someone holds or says (lemmas). Not "fact", "idea", "news": those are the writer's. */
    private static final Set<String> NOUNS = Set.of(
            "claim", "warning", "prediction", "statement", "request", "demand", "assertion", "allegation", "assurance",
            "promise", "pledge", "insistence", "argument", "contention", "suggestion", "accusation", "complaint",
            "belief", "view", "threat", "admission", "denial", "recommendation", "proposal", "forecast");

    /** Possessive pronouns that name a source (their referent is resolved like "he"/"she"/"they"). */
    private static final Set<String> POSSESSIVE_PRONOUNS = Set.of("his", "her", "their");

    /**
     * @param noun       the proposition noun (the cue)
     * @param sourceFrom first token where the source may be found (the possessor, or the phrase after "from"/"by")
     * @param sourceTo   last such token
     * @param that       the "that" that opens the content
     * @param pronoun    the source is a possessive pronoun at {@code sourceFrom}
     */
    record Found(int noun, int sourceFrom, int sourceTo, int that, boolean pronoun) {}

    /** The first such noun in the sentence (tokens up to {@code last}), or null. */
    static Found find(List<Tok> s, int last) {
        for (int k = 1; k + 2 <= last; k++) {
            Tok t = s.get(k);
            if (!t.tag().startsWith("NN") || !NOUNS.contains(t.lemma().toLowerCase())) {
                continue;
            }
            int j = k - 1;
            while (j > 0 && s.get(j).tag().startsWith("JJ")) {
                j--;
            }
            if (opensClause(s, k + 1, last)) {
                Tok p = s.get(j);
                if (p.tag().equals("PRP$") && POSSESSIVE_PRONOUNS.contains(p.word().toLowerCase())) {
                    return new Found(k, j, j, k + 1, true);
                }
                if (p.tag().equals("POS") && j > 0) {
                    // "the prime minister’s", "Prime Minister Narendra Modi’s": the noun phrase before the 's
                    int from = j - 1;
                    while (from > 0 && j - from < 6 && (s.get(from - 1).tag().startsWith("NN") || s.get(from - 1).tag().startsWith("JJ")
                            || s.get(from - 1).tag().equals("DT"))) {
                        from--;
                    }
                    return new Found(k, from, j - 1, k + 1, false);
                }
                continue;
            }
            String next = s.get(k + 1).word().toLowerCase();
            if (next.equals("from") || next.equals("by")) {
                // "predictions from at least one industry analyst that …": a short phrase, no verb or comma inside
                for (int m = k + 3; m <= last && m - k <= 10; m++) {
                    Tok w = s.get(m);
                    if (w.word().equalsIgnoreCase("that")) {
                        if (opensClause(s, m, last)) {
                            return new Found(k, k + 2, m - 1, m, false);
                        }
                        break;
                    }
                    if (w.isVerb() || w.isPunct()) {
                        break;
                    }
                }
            }
        }
        return null;
    }

    /**
     * "that" at {@code i} opens a content clause: a subject and a verb follow, not a verb right away ("the claim that
     * was rejected" is a relative clause).
     */
    static boolean opensClause(List<Tok> s, int i, int last) {
        if (i + 2 > last || !s.get(i).word().equalsIgnoreCase("that")) {
            return false;
        }
        Tok after = s.get(i + 1);
        if (after.isVerb() || after.tag().equals("MD")) {
            return false;
        }
        return s.subList(i + 2, last + 1).stream().anyMatch(Tok::isVerb);
    }
}
