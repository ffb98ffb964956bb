package io.stancewire.streams.nlp.marks;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds passages between double quote marks: straight {@code "…"}, curly {@code “…”}, low-high {@code „…“} and
 * guillemets {@code «…»}. Language-independent, so the English and the Urdu paths share it.
 *
 * <p>News style lets a quote run over several paragraphs: each paragraph opens with a mark and only the last one
 * closes. So an opening mark left open at the end of a paragraph continues when the next paragraph begins with an
 * opening mark; otherwise it was a stray mark and is dropped. Single quotes are not looked at: in running text they
 * are mostly apostrophes.
 */
public final class QuoteMarks {
    private QuoteMarks() {}

    public static boolean isMark(char c) {
        return c == '"' || c == '“' || c == '”' || c == '„' || c == '«' || c == '»';
    }

    private static boolean opens(char c) {
        return c == '"' || c == '“' || c == '„' || c == '«';
    }

    /** Curly and low quotes are often mixed up by editors and translators; any closing-capable mark closes. */
    private static boolean closes(char open, char c) {
        return switch (open) {
            case '«' -> c == '»';
            case '„' -> c == '“' || c == '”' || c == '"';
            default -> c == '"' || c == '”' || (c == '“' && open == '"');
        };
    }

    public static List<QuoteSpan> find(String text) {
        List<QuoteSpan> spans = new ArrayList<>();
        int n = text.length();
        int open = -1;
        char openMark = 0;
        int partBegin = -1;
        List<QuoteSpan.Part> parts = new ArrayList<>();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' && open >= 0) {
                int next = nextParagraphStart(text, i);
                if (next < n && opens(text.charAt(next)) && partBegin < i) {
                    parts.add(new QuoteSpan.Part(partBegin, trimEnd(text, partBegin, i)));
                    openMark = text.charAt(next);
                    partBegin = next + 1;
                    i = next + 1;
                    continue;
                }
                int partEnd = trimEnd(text, partBegin, i);
                if (opensSentence(text, open) && partEnd > partBegin && ".!?".indexOf(text.charAt(partEnd - 1)) >= 0) {
                    // '… Fain said. "This isn't just about the UAW. … equity.' and the paragraph ends: the closing
                    // mark was forgotten; the quoted sentences end with the paragraph.
                    parts.add(new QuoteSpan.Part(partBegin, partEnd));
                    spans.add(new QuoteSpan(open, partEnd, parts));
                    parts = new ArrayList<>();
                }
                // Otherwise a mark left open at a paragraph end with no continuation is a stray mark, not a quote.
                open = -1;
                parts.clear();
                i = next;
                continue;
            }
            if (open < 0) {
                if (opens(c)) {
                    open = i;
                    openMark = c;
                    partBegin = i + 1;
                }
            } else if (closes(openMark, c)) {
                if (i > partBegin) {
                    parts.add(new QuoteSpan.Part(partBegin, i));
                    if (parts.stream().anyMatch(p -> !text.substring(p.begin(), p.end()).isBlank())) {
                        spans.add(new QuoteSpan(open, i, parts));
                    }
                }
                open = -1;
                parts = new ArrayList<>();
            }
            i++;
        }
        return spans;
    }

    /** The mark starts a sentence inside its paragraph: right after a sentence's end and a space. */
    private static boolean opensSentence(String text, int mark) {
        int k = mark - 1;
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        return k > 0 && k < mark - 1 && ".!?".indexOf(text.charAt(k)) >= 0
                || k > 1 && k < mark - 1 && isMark(text.charAt(k)) && ".!?".indexOf(text.charAt(k - 1)) >= 0;
    }

    private static int nextParagraphStart(String text, int newline) {
        int j = newline;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static int trimEnd(String text, int begin, int end) {
        while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
