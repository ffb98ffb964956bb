package io.stancewire.streams.nlp.en;

import io.stancewire.model.Speaker;

import java.util.List;

/**
 * What "they" stands for when no group or organisation has just been speaking: people named together ("Residents
 * Paul Green and Lisa Brown wrote to the council. They said …") or a plural group noun that was a sentence's subject
 * ("Nurses walked out on Monday. They said …"), in the pronoun's sentence or the one before. The nearest wins. Failing
 * those, a group noun anywhere before the pronoun in its own sentence.
 */
final class PluralAntecedents {
    private PluralAntecedents() {}

    static Speaker before(List<Tok> toks, List<Named> names, Tok pronoun) {
        int p = pronoun.index();
        int earliest = pronoun.sentence() - 1;
        int bestEnd = -1;
        String best = null;
        for (int i = 0; i + 1 < names.size(); i++) {
            Named a = names.get(i);
            Named b = names.get(i + 1);
            boolean together = a.type().equals("PERSON") && b.type().equals("PERSON") && !a.inQuote() && !b.inQuote()
                    && b.first() == a.last() + 2 && toks.get(a.last() + 1).word().equalsIgnoreCase("and");
            if (together && b.last() < p && toks.get(a.first()).sentence() >= earliest && b.last() > bestEnd) {
                bestEnd = b.last();
                best = a.text() + " and " + b.text();
            }
        }
        for (int k = p - 1; k > bestEnd && k >= 0 && toks.get(k).sentence() >= earliest; k--) {
            Tok t = toks.get(k);
            if (t.tag().startsWith("NN") && SpeechVerbs.GROUP_NOUNS.contains(t.word().toLowerCase()) && subjectOfItsSentence(toks, k)) {
                return new Speaker(null, t.word(), null, null, null, "GROUP");
            }
        }
        if (best != null) {
            return new Speaker(null, best, null, null, null, "GROUP");
        }
        // "groups representing carmakers imploring Trump to …, which they say will …": failing those, a group noun
        // earlier in the pronoun's own sentence, wherever it stands in it.
        for (int k = p - 1; k >= 0 && toks.get(k).sentence() == pronoun.sentence(); k--) {
            Tok t = toks.get(k);
            if (t.tag().startsWith("NNS") && SpeechVerbs.GROUP_NOUNS.contains(t.word().toLowerCase())) {
                return new Speaker(null, t.word(), null, null, null, "GROUP");
            }
        }
        return null;
    }

    /** No verb and no preposition between the sentence's start and the noun: it is (the head of) the subject. */
    private static boolean subjectOfItsSentence(List<Tok> toks, int k) {
        int sentence = toks.get(k).sentence();
        for (int i = k - 1; i >= 0 && toks.get(i).sentence() == sentence; i--) {
            Tok t = toks.get(i);
            if (t.isVerb() || t.tag().equals("IN") || t.tag().equals("TO")) {
                return false;
            }
        }
        return true;
    }
}
