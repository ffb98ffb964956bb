package io.stancewire.streams.stance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into words and clause punctuation for English and Urdu alike (Unicode letters and marks, so Urdu
 * script with its diacritics stays whole). Contractions are split so that negation is one token: "isn't" gives
 * "is" + "not", "can't" gives "can" + "not", "won't" gives "will" + "not".
 */
final class Tokenizer {

    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{M}\\p{N}]+(?:[.'’\\-][\\p{L}\\p{M}\\p{N}]+)*\\.?|[.,;:!?۔،؟—–]");

    private Tokenizer() {}

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String raw = m.group();
            int begin = m.start();
            int end = m.end();
            if (raw.length() == 1 && !Character.isLetterOrDigit(raw.charAt(0))) {
                tokens.add(new Token(raw, raw, begin, end, true));
                continue;
            }
            // A trailing dot belongs to abbreviations such as "U.S." only; otherwise it ends the sentence.
            if (raw.endsWith(".") && raw.indexOf('.') == raw.length() - 1) {
                raw = raw.substring(0, raw.length() - 1);
                end--;
                addWord(tokens, raw, begin, end);
                tokens.add(new Token(".", ".", end, end + 1, true));
                continue;
            }
            addWord(tokens, raw, begin, end);
        }
        return tokens;
    }

    /**
     * Lower case, one apostrophe, and Urdu written the same way whatever the keyboard: Arabic yeh/kaf/heh become
     * their Urdu forms and short-vowel diacritics go, so lexicon entries match text typed either way.
     */
    static String normalise(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (char ch : raw.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (ch) {
                case '’', '‘' -> sb.append('\'');
                case 'ي', 'ى' -> sb.append('ی');
                case 'ك' -> sb.append('ک');
                case 'ه' -> sb.append('ہ');
                default -> {
                    if (!(ch >= '\u064B' && ch <= '\u065F') && ch != '\u0670') {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void addWord(List<Token> tokens, String raw, int begin, int end) {
        String norm = normalise(raw);
        if (norm.endsWith("n't") && norm.length() > 3) {
            String stem = switch (norm) {
                case "can't" -> "can";
                case "won't" -> "will";
                case "shan't" -> "shall";
                default -> norm.substring(0, norm.length() - 3);
            };
            int split = end - 3;
            tokens.add(new Token(raw.substring(0, raw.length() - 3), stem, begin, split, false));
            tokens.add(new Token(raw.substring(raw.length() - 3), "not", split, end, false));
            return;
        }
        if (norm.endsWith("'s") && norm.length() > 2) {
            norm = norm.substring(0, norm.length() - 2);
        }
        tokens.add(new Token(raw, norm, begin, end, false));
    }
}
