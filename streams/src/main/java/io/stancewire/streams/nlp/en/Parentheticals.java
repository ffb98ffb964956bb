package io.stancewire.streams.nlp.en;

import java.util.List;

/** Short parentheses that news puts between a name and its verb: "Ron DeSantis (R) says", "the BLS (BLS) reported". */
final class Parentheticals {
    private Parentheticals() {}

    private static final int MAX_TOKENS = 8;

    /** The index after a short parenthesis opening at {@code i}, or {@code i} when none opens there. */
    static int skip(List<Tok> tokens, int i) {
        if (i >= tokens.size() || !opens(tokens.get(i))) {
            return i;
        }
        for (int k = i + 1; k < tokens.size() && k <= i + MAX_TOKENS; k++) {
            if (closes(tokens.get(k))) {
                return k + 1;
            }
        }
        return i;
    }

    private static boolean opens(Tok t) {
        return t.word().equals("(") || t.tag().equals("-LRB-");
    }

    private static boolean closes(Tok t) {
        return t.word().equals(")") || t.tag().equals("-RRB-");
    }
}
