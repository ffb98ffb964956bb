package io.stancewire.streams.nlp.marks;

import java.util.List;

/**
 * A passage between quote marks, possibly running over several paragraphs.
 *
 * @param open  offset of the opening mark
 * @param close offset of the closing mark
 * @param parts the content of each paragraph, without marks (one part unless the quote continues over paragraphs)
 */
public record QuoteSpan(int open, int close, List<Part> parts) {
    public record Part(int begin, int end) {}

    public QuoteSpan {
        parts = List.copyOf(parts);
    }

    public int begin() {
        return open + 1;
    }

    public int end() {
        return close;
    }

    /** The quoted words, paragraphs joined by a newline, continuation marks left out. */
    public String text(String input) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(input, part.begin(), part.end());
        }
        return out.toString().strip();
    }
}
