package io.stancewire.streams.nlp.marks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteMarksTest {

    @Test
    void straightCurlyLowAndGuillemetPairs() {
        String text = "He said \"one\" and “two” and „drei“ and «quatre».";
        assertThat(QuoteMarks.find(text)).extracting(s -> s.text(text)).containsExactly("one", "two", "drei", "quatre");
    }

    @Test
    void aQuoteContinuesIntoTheNextParagraphThatOpensWithAMark() {
        String text = "She said:\n\"First paragraph without a close.\n\n\"Second paragraph, closed.\"\nAfter.";
        List<QuoteSpan> spans = QuoteMarks.find(text);
        assertThat(spans).hasSize(1);
        QuoteSpan s = spans.getFirst();
        assertThat(s.parts()).hasSize(2);
        assertThat(s.text(text)).isEqualTo("First paragraph without a close.\nSecond paragraph, closed.");
        assertThat(text.charAt(s.open())).isEqualTo('"');
        assertThat(text.substring(s.end())).startsWith("\"\nAfter");
    }

    @Test
    void aMarkLeftOpenWithoutContinuationIsDropped() {
        String text = "A 12\" screen and more text.\nNext paragraph says “hello” here.";
        assertThat(QuoteMarks.find(text)).extracting(s -> s.text(text)).containsExactly("hello");
    }

    @Test
    void emptyAndBlankQuotesAreIgnored() {
        assertThat(QuoteMarks.find("\"\" “ ” \"")).isEmpty();
        assertThat(QuoteMarks.find("")).isEmpty();
    }
}
