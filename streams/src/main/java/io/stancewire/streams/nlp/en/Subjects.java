package io.stancewire.streams.nlp.en;

import java.util.List;
import java.util.Set;

/** Where a subject can stand relative to its speech verb: the geometry rules of {@link EnglishQuoteExtractor}. */
final class Subjects {
    private Subjects() {}

    /** Words between a subject and its verb that do not separate them ("Johnson on Sunday said"). */
    static final Set<String> WHEN = Set.of("on", "last", "this", "earlier", "later", "also", "again",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year",
            "today", "yesterday", "has", "have", "had", "previously", "repeatedly", "recently");

    /**
     * A name closing an apposition with its comma and a time phrase before the verb, the second comma left out
     * ("The Minister of Information, Mohammed Idris, on Friday posited"): the name is the subject.
     */
    static boolean timeAfterApposition(List<Tok> s, int subjectLast, int v) {
        int gap = v - subjectLast - 2;
        return gap >= 1 && gap <= 3 && s.get(subjectLast + 1).word().equals(",") && subjectLast >= 1
                && s.subList(0, subjectLast).stream().anyMatch(t -> t.word().equals(","))
                && s.subList(subjectLast + 2, v).stream().allMatch(t -> WHEN.contains(t.word().toLowerCase()) || t.tag().startsWith("RB"));
    }

    static boolean betweenSubjectAndVerb(Tok t) {
        return t.tag().startsWith("RB") || t.tag().equals("MD") || t.lemma().equals("do")
                || WHEN.contains(t.word().toLowerCase());
    }

    /**
     * The index of the comma that opens a participial or prepositional phrase ending in a comma right before the verb
     * at {@code v} ("Musk, speaking to reporters …, said", "Smith, asked about the deal, said"), or -1.
     */
    static int openingOfInterjectedPhrase(List<Tok> window, int v) {
        // "The company, blaming weak sales in Asia, also said": an adverb may stand between the phrase and the verb.
        int close = v - 1;
        while (close > 0 && betweenSubjectAndVerb(window.get(close)) && !window.get(close).lemma().equals("have")) {
            close--;
        }
        if (close < 2 || !window.get(close).word().equals(",")) {
            return -1;
        }
        v = close + 1;
        int open = v - 2;
        while (open >= 0 && !window.get(open).word().equals(",")) {
            open--;
        }
        if (open < 1 || open + 1 >= v - 1) {
            return -1;
        }
        Tok opener = window.get(open + 1);
        boolean participle = opener.tag().equals("VBG") || opener.tag().equals("VBN");
        return participle ? open : -1;
    }

    /** Only adverbs, a time or a short parenthesis ("(R)", "(D-N.Y.)") between {@code last} and the verb. */
    static boolean rightBeforeVerb(List<Tok> window, int last, int v) {
        int i = Parentheticals.skip(window, last + 1);
        while (i < v && betweenSubjectAndVerb(window.get(i))) {
            i++;
        }
        return i == v;
    }

    /** The noun phrase starting at {@code first} follows a comma (", the union said", ", her spokesman said"). */
    static boolean afterComma(List<Tok> window, int first) {
        int k = first - 1;
        while (k >= 0 && (window.get(k).tag().equals("DT") || window.get(k).tag().startsWith("JJ")
                || window.get(k).tag().equals("PRP$") || window.get(k).tag().equals("POS") || window.get(k).tag().startsWith("NNP"))) {
            k--;
        }
        return k >= 0 && window.get(k).word().equals(",");
    }

    /**
     * Where the noun phrase ending in {@code first} starts, walking back over its determiner, adjectives, noun
     * modifiers ("the cabinet spokesman") and a possessor ("the U.S. Department of Labor's Bureau of Labor
     * Statistics", "her spokesman"), at most eight tokens.
     */
    static int nounPhraseStart(List<Tok> sentence, int first) {
        int k = first - 1;
        while (k >= 0 && first - k <= 8) {
            Tok t = sentence.get(k);
            // "…, her spokesman said": a possessive pronoun opens the phrase like a determiner
            boolean inside = t.tag().equals("DT") || t.tag().startsWith("JJ") || t.tag().startsWith("NNP")
                    || t.tag().equals("NN") || t.tag().equals("POS") || t.tag().equals("CD") || t.tag().equals("PRP$")
                    || t.word().equals("of") && k + 1 < sentence.size() && sentence.get(k + 1).tag().startsWith("NNP")
                    && k > 0 && sentence.get(k - 1).tag().startsWith("NNP");
            if (!inside) {
                break;
            }
            k--;
        }
        return k + 1;
    }

    /** "the Justice Department and state attorneys general": two conjuncts, joined by "and" and modifiers only. */
    static boolean coordinated(List<Tok> window, int bestLast, int cFirst) {
        if (cFirst - bestLast < 2 || cFirst - bestLast > 4) {
            return false;
        }
        if (!window.get(bestLast + 1).word().equalsIgnoreCase("and")) {
            return false;
        }
        for (int k = bestLast + 2; k < cFirst; k++) {
            Tok t = window.get(k);
            if (!(t.tag().startsWith("JJ") || t.tag().startsWith("NN") || t.tag().equals("DT"))) {
                return false;
            }
        }
        return true;
    }

    /** Where a coordination ending in the noun phrase at {@code first} starts ("the Justice Department and …"). */
    static int coordinationStart(List<Tok> window, int first) {
        if (first < 2 || !window.get(first - 1).word().equalsIgnoreCase("and")) {
            return first;
        }
        int k = first - 2;
        int start = first;
        while (k >= 0 && first - k <= 6 && (window.get(k).tag().startsWith("NN") || window.get(k).tag().startsWith("JJ")
                || window.get(k).tag().equals("DT"))) {
            start = k;
            k--;
        }
        return start <= first - 2 ? start : first;
    }

    /** Nouns that, after a possessive pronoun and before a colon, introduce what the person said ("His answer:"). */
    private static final Set<String> ANSWER_NOUNS = Set.of("answer", "response", "reply", "message", "advice",
            "verdict", "take", "explanation", "warning", "argument", "view", "assessment", "conclusion", "reaction");

    /** 'His answer: "…"', "Her response:": a possessive pronoun, an answer noun, the colon. */
    static boolean possessiveAnswer(List<Tok> window) {
        int n = window.size();
        if (n < 3 || n > 5 || !window.get(0).tag().equals("PRP$")) {
            return false;
        }
        return ANSWER_NOUNS.contains(window.get(n - 2).word().toLowerCase())
                && window.subList(1, n - 2).stream().allMatch(t -> t.tag().startsWith("JJ"));
    }
}
