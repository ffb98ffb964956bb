package io.stancewire.streams.nlp.en;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CoreNLP's tagger reads a typographic apostrophe after a pronoun ("it’s too early", news sites' usual spelling) as a
 * possessive, where it reads "it's" as a verb. Reported speech then has no finite verb and is dropped
 * ("Streck says it’s too early to …"). This gives such a token back its verb tag.
 */
final class Contractions {
    private Contractions() {}

    /** Words that take no possessive 's, so an 's after them is "is" or "has". */
    private static final Set<String> PRONOUNS = Set.of(
            "it", "he", "she", "that", "there", "here", "what", "who", "where", "this", "everyone", "nobody");

    static List<Tok> repair(List<Tok> toks) {
        List<Tok> out = new ArrayList<>(toks.size());
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            boolean contraction = i > 0 && t.tag().equals("POS") && t.word().equalsIgnoreCase("’s")
                    && PRONOUNS.contains(toks.get(i - 1).word().toLowerCase())
                    && toks.get(i - 1).sentence() == t.sentence();
            if (contraction) {
                // "he’s said" is "has said"; otherwise "is".
                boolean perfect = i + 1 < toks.size() && toks.get(i + 1).tag().equals("VBN");
                t = new Tok(t.index(), t.word(), perfect ? "have" : "be", "VBZ", t.ner(), t.begin(), t.end(), t.sentence());
            }
            out.add(t);
        }
        return out;
    }
}
