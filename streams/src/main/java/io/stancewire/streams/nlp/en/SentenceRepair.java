package io.stancewire.streams.nlp.en;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CoreNLP does not end a sentence after an abbreviation that ends it ("… back to the U.S. Economist Danielle
 * DiMartino Booth warns …"), which merges two attributions into one sentence. This splits there when what follows
 * reads as a new sentence: a run of proper nouns (not an institution such as "U.S. Department of Labor") directly
 * followed by a finite verb, after a preposition and "the".
 */
final class SentenceRepair {
    private SentenceRepair() {}

    private static final Set<String> ABBREVIATIONS = Set.of("U.S.", "U.K.", "D.C.", "U.N.", "E.U.");

    /** Words that continue "the U.S. …" as one name. */
    private static final Set<String> COMPOUND_HEADS = Set.of("chamber", "army", "navy", "military", "treasury",
            "embassy", "capitol", "constitution", "attorney", "marshals", "census", "postal", "open", "supreme",
            "president", "secretary", "ambassador", "envoy", "trade", "representative", "forces", "troops", "economy");

    static List<Tok> splitAfterAbbreviations(List<Tok> toks) {
        List<Tok> out = new ArrayList<>(toks.size());
        int shift = 0;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (i > 0 && endsSentence(toks, i - 1)) {
                shift++;
            }
            out.add(shift == 0 ? t : new Tok(t.index(), t.word(), t.lemma(), t.tag(), t.ner(), t.begin(), t.end(),
                    t.sentence() + shift));
        }
        return out;
    }

    private static boolean endsSentence(List<Tok> toks, int a) {
        Tok abbreviation = toks.get(a);
        if (!ABBREVIATIONS.contains(abbreviation.word()) || a < 2 || a + 2 >= toks.size()) {
            return false;
        }
        int sentence = abbreviation.sentence();
        if (!toks.get(a - 1).word().equalsIgnoreCase("the") || !isPreposition(toks.get(a - 2))) {
            return false;
        }
        int k = a + 1;
        // "Economist Danielle DiMartino Booth warns": the tagger may call a capitalised title a common noun.
        while (k < toks.size() && toks.get(k).sentence() == sentence && toks.get(k).tag().startsWith("NN")
                && toks.get(k).capitalised()) {
            if (COMPOUND_HEADS.contains(toks.get(k).word().toLowerCase())
                    || ProperOrganisations.HEADS.contains(toks.get(k).word().toLowerCase())) {
                return false;
            }
            k++;
        }
        if (k == a + 1 || k >= toks.size() || toks.get(k).sentence() != sentence) {
            return false;
        }
        String tag = toks.get(k).tag();
        return tag.equals("VBZ") || tag.equals("VBD") || tag.equals("VBP") || tag.equals("MD");
    }

    private static boolean isPreposition(Tok t) {
        return t.tag().equals("IN") || t.tag().equals("TO");
    }
}
