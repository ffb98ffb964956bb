package io.stancewire.streams.nlp.en;

import java.util.List;
import java.util.Set;

/** Shapes of English noun phrases and clauses that the attribution rules test, from part-of-speech tags alone. */
final class Phrases {
    private Phrases() {}

    static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "with", "at", "by", "is", "are", "from");

    static boolean titleLike(String quoted) {
        String q = quoted.strip();
        if (q.isEmpty() || q.matches(".*[.!?,;:…]$")) {
            return false;
        }
        String[] words = q.split("\\s+");
        if (words.length > 10) {
            return false;
        }
        int content = 0;
        int capital = 0;
        for (String w : words) {
            if (FUNCTION_WORDS.contains(w)) {
                continue;
            }
            content++;
            if (Character.isUpperCase(w.codePointAt(0)) || Character.isDigit(w.codePointAt(0))) {
                capital++;
            }
        }
        return content > 0 && capital == content && words.length >= 2;
    }

    /** Words tagged IN that open a clause rather than a prepositional phrase ("After Trump said …"). */
    static final Set<String> SUBORDINATORS = Set.of("that", "as", "because", "if", "while", "although",
            "though", "since", "whether", "after", "before", "when", "once", "until", "so", "unless", "than");

    /** "He thanked the lawyers … and then added": a noun phrase right after a verb is its object. */
    static boolean objectOfVerb(List<Tok> window, int first) {
        int k = first - 1;
        while (k >= 0 && (window.get(k).tag().equals("DT") || window.get(k).tag().startsWith("JJ")
                || window.get(k).tag().equals("CD") || window.get(k).tag().equals("PRP$"))) {
            k--;
        }
        return k >= 0 && window.get(k).tag().startsWith("VB") && !window.get(k).lemma().equals("be");
    }

    /** "a senior administration official", "one person", "another aide". */
    static boolean indefinite(List<Tok> window, int i) {
        int k = i - 1;
        while (k >= 0 && i - k <= 4 && (window.get(k).tag().startsWith("JJ") || window.get(k).tag().startsWith("NN"))) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        String w = window.get(k).word().toLowerCase();
        return w.equals("a") || w.equals("an") || w.equals("another") || w.equals("one");
    }

    /** "the earnings report", "a statement", "Tesla's earnings announcement". */
    static boolean determined(List<Tok> window, int i) {
        int k = i - 1;
        while (k >= 0 && i - k <= 3 && (window.get(k).tag().startsWith("JJ") || window.get(k).tag().startsWith("NN"))) {
            k--;
        }
        return k >= 0 && (window.get(k).tag().equals("DT") || window.get(k).tag().equals("POS")
                || window.get(k).tag().equals("PRP$"));
    }

    /**
     * "the president", "the former president", "the Fed chair", "the finance minister", "the opposition senator": a
     * role the article's reader can resolve.
     */
    static boolean definite(List<Tok> window, int i) {
        int k = i - 1;
        while (k >= 0 && i - k <= 3 && (window.get(k).tag().startsWith("JJ") || window.get(k).tag().equals("NN")
                || window.get(k).tag().startsWith("NNP"))) {
            k--;
        }
        return k >= 0 && window.get(k).word().equalsIgnoreCase("the");
    }

    static boolean finite(Tok t) {
        return t.tag().equals("VBD") || t.tag().equals("VBZ") || t.tag().equals("VBP") || t.tag().equals("MD");
    }

    /** "has said", "had repeatedly warned": a participle after a form of "have" is a finite speech verb. */
    static boolean perfect(List<Tok> sentence, int v) {
        int k = v - 1;
        while (k >= 0 && sentence.get(k).tag().startsWith("RB")) {
            k--;
        }
        return k >= 0 && sentence.get(k).lemma().equals("have");
    }

    /** Headlines ("Hannity Announces Fox Has Hired Gorka") are not reported speech and confuse the tagger. */
    static boolean headline(List<Tok> sentence) {
        int words = 0;
        int capitalised = 0;
        for (Tok t : sentence) {
            if (t.isPunct() || FUNCTION_WORDS.contains(t.word())) {
                continue;
            }
            words++;
            if (t.capitalised()) {
                capitalised++;
            }
        }
        return words >= 4 && capitalised >= 0.8 * words;
    }
}
