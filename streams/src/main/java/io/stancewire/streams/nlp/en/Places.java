package io.stancewire.streams.nlp.en;

import java.util.List;

/**
 * A country or city as the subject of a speech verb ("South Korea said on Tuesday that …", "Canada warned …"):
 * news names governments by their capital or country. Only right before the verb: elsewhere a place is a place.
 */
final class Places {
    private Places() {}

    /** The last token of a LOCATION run starting at {@code i} that a speech verb follows, or -1. */
    static int speakingPlace(List<Tok> window, int i, int limit) {
        if (!window.get(i).ner().equals("LOCATION") || i > 0 && window.get(i - 1).ner().equals("LOCATION")) {
            return -1;
        }
        int j = i;
        while (j + 1 < limit && window.get(j + 1).ner().equals("LOCATION")) {
            j++;
        }
        int k = j + 1;
        while (k < window.size() && Subjects.betweenSubjectAndVerb(window.get(k))) {
            k++;
        }
        if (k >= window.size()) {
            return -1;
        }
        Tok verb = window.get(k);
        boolean speaks = verb.isVerb() && !verb.tag().equals("VBG") && !verb.tag().equals("VBN")
                && (SpeechVerbs.QUOTING.contains(verb.lemma()) || SpeechVerbs.REPORTING.contains(verb.lemma()));
        return speaks ? j : -1;
    }
}
