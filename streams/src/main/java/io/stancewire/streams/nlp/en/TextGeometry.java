package io.stancewire.streams.nlp.en;

import io.stancewire.streams.nlp.marks.QuoteMarks;
import io.stancewire.streams.nlp.marks.QuoteSpan;

import java.util.ArrayList;
import java.util.List;

/** Where tokens, sentences, paragraphs and quote marks lie in one article's text. */
final class TextGeometry {
    private final String text;
    private final List<Tok> toks;
    private final List<QuoteSpan> spans;
    /** Offsets where paragraphs start, for counting paragraphs by binary search. */
    private final int[] paragraphStarts;

    TextGeometry(String text, List<Tok> toks, List<QuoteSpan> spans) {
        this.text = text;
        this.toks = toks;
        this.spans = spans;
        this.paragraphStarts = java.util.stream.IntStream.range(0, text.length())
                .filter(i -> text.charAt(i) == '\n' && (i == 0 || text.charAt(i - 1) != '\n')).map(i -> i + 1).toArray();
    }

    boolean insideQuote(int offset) {
        for (QuoteSpan s : spans) {
            if (s.open() < offset && offset < s.close()) {
                return true;
            }
        }
        return false;
    }

    boolean isMarkToken(Tok t) {
        return t.end() - t.begin() == 1 && QuoteMarks.isMark(text.charAt(t.begin()));
    }

    boolean paragraphBreakBetween(int a, int b) {
        int newline = text.indexOf('\n', toks.get(a).end());
        return newline >= 0 && newline < toks.get(b).begin();
    }

    int lastTokenBefore(int offset) {
        int lo = 0;
        int hi = toks.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (toks.get(mid).end() <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    int firstTokenAtOrAfter(int offset) {
        int i = lastTokenBefore(offset) + 1;
        while (i < toks.size() && toks.get(i).begin() < offset) {
            i++;
        }
        return i;
    }

    List<Tok> tokensIn(int begin, int end) {
        List<Tok> out = new ArrayList<>();
        for (int i = firstTokenAtOrAfter(begin); i < toks.size() && toks.get(i).end() <= end; i++) {
            out.add(toks.get(i));
        }
        return out;
    }

    boolean sameSentence(int a, int b) {
        String between = text.substring(a + 1, b);
        int before = lastTokenBefore(a + 1);
        int after = firstTokenAtOrAfter(b);
        // '…"between two major growth waves." Those waves …': the period inside the marks ended the sentence.
        boolean oneSentence = before < 0 || after >= toks.size() || toks.get(before).sentence() == toks.get(after).sentence();
        return oneSentence && !between.contains("\n") && !between.matches("(?s).*[.!?]\\s.*")
                && between.strip().length() < 200;
    }

    /** Paragraph number; a line break or a run of them separates paragraphs. */
    int paragraphOf(int offset) {
        int at = java.util.Arrays.binarySearch(paragraphStarts, offset);
        return at >= 0 ? at + 1 : -at - 1;
    }

    boolean paragraphStartsAt(int offset) {
        int i = offset - 1;
        while (i >= 0 && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n';
    }

    int sentenceBegin(int offset) {
        int t = lastTokenBefore(offset);
        if (t < 0) {
            return 0;
        }
        int s = toks.get(t).sentence();
        while (t > 0 && toks.get(t - 1).sentence() == s) {
            t--;
        }
        return Math.min(offset, toks.get(t).begin());
    }

    int sentenceEnd(int offset) {
        int t = firstTokenAtOrAfter(offset);
        if (t >= toks.size()) {
            return text.length();
        }
        int s = toks.get(t).sentence();
        while (t + 1 < toks.size() && toks.get(t + 1).sentence() == s) {
            t++;
        }
        return Math.max(offset + 1, toks.get(t).end());
    }
}
