package io.stancewire.streams.nlp.speakers;

import java.text.Normalizer;

/** Name normalisation shared by the registry and the in-article resolution. */
public final class Names {
    private Names() {}

    /**
     * Folds one character to its matching form without changing the length, so that offsets found in a folded text
     * are offsets in the original: Arabic-script letter variants to their Urdu forms (Urdu sites mix the Arabic
     * ي/ك/ه with the Urdu ی/ک/ہ), typographic apostrophes to the ASCII one. Case is kept: "Sun" the name and "sun"
     * the word differ.
     */
    public static char fold(char c) {
        return switch (c) {
            case 'ي', 'ى' -> 'ی';
            case 'ك' -> 'ک';
            case 'ه' -> 'ہ';
            case '’', '‘', 'ʼ' -> '\'';
            default -> c;
        };
    }

    public static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    /** The key two spellings of the same name share: folded, NFC, single spaces, no possessive, no edge punctuation. */
    public static String key(String name) {
        String s = fold(Normalizer.normalize(name, Normalizer.Form.NFC)).strip().replaceAll("\\s+", " ");
        s = s.replaceAll("'s$", "");
        s = s.replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "");
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    public static String lastToken(String name) {
        String[] tokens = name.strip().split("\\s+");
        return tokens[tokens.length - 1];
    }
}
