package io.stancewire.streams.nlp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints precision, recall and F1 of the English path on real published quotations, and fails if quality drops below
 * the level measured when the rules were written (see streams/QUOTES.md).
 */
class QuoteEvaluationTest {

    @Test
    void goldSpansPointAtTheirText() throws IOException {
        for (QuoteEvaluation.Passage p : QuoteEvaluation.passages()) {
            for (QuoteEvaluation.Gold g : p.gold()) {
                assertThat(p.text().substring(g.begin(), g.end())).as(p.id()).isEqualTo(g.text());
            }
        }
    }

    @Test
    void qualityOnRealQuotations() throws IOException {
        List<QuoteEvaluation.Passage> passages = QuoteEvaluation.passages();
        QuoteEvaluation.Result r = QuoteEvaluation.run(SharedAnalyzer.get(), passages);
        System.out.println("Quote evaluation on " + passages.size() + " passages");
        System.out.println(r.marked().line("marked (direct+partial)"));
        System.out.println(r.all().line("all (incl. indirect)"));
        r.errors().forEach(e -> System.out.println("  " + e));
        assertThat(r.marked().f1()).isGreaterThanOrEqualTo(0.80);
        assertThat(r.marked().speakerAccuracy()).isGreaterThanOrEqualTo(0.75);
    }
}
