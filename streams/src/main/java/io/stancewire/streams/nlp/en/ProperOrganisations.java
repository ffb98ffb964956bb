package io.stancewire.streams.nlp.en;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Organisations the 3-class NER model leaves untagged ("St. Rose Hospital", "the U.S. Department of Labor's Bureau of
 * Labor Statistics", "Fort Smith Police Department"): a run of capitalised proper nouns, joined by "of"/"for"/"and"/"&",
 * whose words include an institutional head noun. News names most of its sources this way, and an untagged source is
 * no source at all for the rules.
 */
final class ProperOrganisations {
    private ProperOrganisations() {}

    static final Set<String> HEADS = Set.of(
            "department", "bureau", "agency", "administration", "commission", "committee", "council", "association",
            "institute", "institution", "university", "college", "hospital", "center", "centre", "service", "office",
            "board", "court", "bank", "fund", "foundation", "corporation", "corp.", "inc.", "company", "co.", "group",
            "party", "union", "police", "authority", "ministry", "organization", "organisation", "network", "system",
            "church", "school", "academy", "federation", "coalition", "alliance", "society", "club", "reserve",
            "caucus", "guard", "patrol", "house", "senate", "congress", "journal", "times", "post", "tribune", "herald",
            "press");

    /** A run of tokens [first, last]. */
    record Run(int first, int last) {}

    /** Runs of at least two proper-noun words with an institutional head, in token order. */
    static List<Run> find(List<Tok> toks) {
        List<Run> out = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            if (!proper(toks.get(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < toks.size() && toks.get(j + 1).sentence() == toks.get(i).sentence()) {
                Tok next = toks.get(j + 1);
                if (proper(next)) {
                    j++;
                } else if (joiner(next) && j + 2 < toks.size() && proper(toks.get(j + 2))
                        && toks.get(j + 2).sentence() == toks.get(i).sentence()) {
                    j += 2;
                } else {
                    break;
                }
            }
            boolean headed = false;
            int words = 0;
            for (int k = i; k <= j; k++) {
                words += proper(toks.get(k)) ? 1 : 0;
                headed |= HEADS.contains(toks.get(k).word().toLowerCase());
            }
            // One word alone is not enough: "the House voted", "Post" at a sentence start.
            if (headed && words >= 2) {
                out.add(new Run(i, j));
            }
            i = j + 1;
        }
        return out;
    }

    private static boolean proper(Tok t) {
        return (t.tag().equals("NNP") || t.tag().equals("NNPS")) && t.capitalised();
    }

    private static boolean joiner(Tok t) {
        String w = t.word();
        return w.equals("of") || w.equals("for") || w.equals("and") || w.equals("&");
    }
}
