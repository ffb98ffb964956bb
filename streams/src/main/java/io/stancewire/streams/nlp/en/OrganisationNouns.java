package io.stancewire.streams.nlp.en;

import java.util.List;
import java.util.Set;

/**
 * An organisation noun with modifiers or a possessor before it: "the Cabinet spokesman", "the defence ministry",
 * "her spokesman", "Yoon's office", "South Korea's defence ministry". Plain "the company" is the older rule.
 */
final class OrganisationNouns {
    private OrganisationNouns() {}

    /**
     * Nouns that speak for their possessor ("her spokesman", "the president's office"); not "the nation's biggest
     * bank" or "Apple's largest supplier", which are appositions describing an organisation.
     */
    private static final Set<String> SPEAKING_FOR = Set.of("spokesman", "spokeswoman", "spokesperson", "representative",
            "office", "ministry", "department", "government", "administration", "campaign", "embassy");

    /** How the noun at {@code i} is introduced: "the" (possibly after modifiers), a possessor, or neither (null). */
    static String determiner(List<Tok> window, int i) {
        Tok t = window.get(i);
        if (!t.tag().startsWith("NN") || !SpeechVerbs.ORGANISATION_NOUNS.contains(t.word().toLowerCase())) {
            return null;
        }
        int k = i - 1;
        while (k >= 0 && i - k <= 3 && (window.get(k).tag().startsWith("JJ") || window.get(k).tag().startsWith("NN"))
                && !window.get(k).ner().equals("PERSON")) {
            k--;
        }
        if (k < 0) {
            return null;
        }
        Tok d = window.get(k);
        if (d.word().equalsIgnoreCase("the")) {
            return "the";
        }
        boolean possessor = d.tag().equals("PRP$") || d.tag().equals("POS") || d.word().equals("'s") || d.word().equals("’s");
        return possessor && SPEAKING_FOR.contains(t.word().toLowerCase()) ? "possessor" : null;
    }

    /** Where the noun phrase of an owned organisation noun starts, its possessor included ("South Korea's defence ministry"). */
    static int phraseStart(List<Tok> window, int i) {
        int k = i;
        while (k > 0 && i - k < 6) {
            Tok t = window.get(k - 1);
            if (!(t.tag().startsWith("JJ") || t.tag().startsWith("NN") || t.tag().equals("POS") || t.tag().equals("PRP$")
                    || t.word().equals("'s") || t.word().equals("’s"))) {
                break;
            }
            k--;
            if (t.tag().equals("PRP$")) {
                break;
            }
        }
        return k;
    }
}
