package io.stancewire.streams.nlp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality on the real Urdu news articles of {@code quotes-eval/articles-urdu.json}, scored as the hidden evaluation
 * scores English ({@link AttributionScorer}). The floors sit a little under what was measured (docs/quotes.md, "Urdu
 * evaluation"), so a regression fails the build; they are not the goals.
 */
class UrduEvaluationTest {
    private static ArticleAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = ArticleAnalyzer.create(AnalyzerSettings.defaults().withoutEnglish());
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @Test
    void goldSpansPointAtTheirText() throws IOException {
        List<HeldOutEvaluation.Article> articles = UrduEvaluation.articles();
        assertThat(articles).hasSizeGreaterThanOrEqualTo(8);
        for (HeldOutEvaluation.Article a : articles) {
            assertThat(a.url()).as(a.id()).startsWith("http");
            assertThat(a.split()).as(a.id()).isIn("tuning", "fresh", "fresh2", "fresh3");
            for (HeldOutEvaluation.Relation r : a.relations()) {
                assertThat(a.text().substring(r.content().begin(), r.content().end())).as(a.id()).isEqualTo(r.content().text());
                assertThat(a.text().substring(r.source().begin(), r.source().end())).as(a.id()).isEqualTo(r.source().text());
                assertThat(a.text().substring(r.cue().begin(), r.cue().end())).as(a.id()).isEqualTo(r.cue().text());
            }
        }
    }

    @Test
    void qualityOnUrduArticles() throws IOException {
        HeldOutEvaluation.Result r = UrduEvaluation.score(analyzer, UrduEvaluation.articles());
        HeldOutEvaluation.print("Urdu articles", r, false);
        AttributionScorer.Counts all = r.score().all();
        assertThat(all.f1()).isGreaterThanOrEqualTo(FLOOR_ALL_F1);
        assertThat(all.speakerAccuracy()).isGreaterThanOrEqualTo(FLOOR_SPEAKER);
        assertThat(all.e2eF1()).isGreaterThanOrEqualTo(FLOOR_ALL_E2E_F1);
    }

    @Test
    void qualityOnTheFreshSplit() throws IOException {
        List<HeldOutEvaluation.Article> fresh = UrduEvaluation.articles().stream()
                .filter(a -> a.split().equals("fresh")).toList();
        HeldOutEvaluation.Result r = UrduEvaluation.score(analyzer, fresh);
        assertThat(r.score().all().e2eF1()).isGreaterThanOrEqualTo(FLOOR_FRESH_E2E_F1);
    }

    @Test
    void qualityOnTheFresh3Split() throws IOException {
        List<HeldOutEvaluation.Article> fresh3 = UrduEvaluation.articles().stream()
                .filter(a -> a.split().equals("fresh3")).toList();
        assertThat(fresh3).hasSize(8);
        HeldOutEvaluation.Result r = UrduEvaluation.score(analyzer, fresh3);
        assertThat(r.score().all().e2eF1()).isGreaterThanOrEqualTo(FLOOR_FRESH3_E2E_F1);
    }

    private static final double FLOOR_ALL_F1 = 0.95;
    private static final double FLOOR_SPEAKER = 0.95;
    private static final double FLOOR_ALL_E2E_F1 = 0.95;
    private static final double FLOOR_FRESH_E2E_F1 = 0.93;
    /** Measured once at 0.906 (round 3 rules), 0.98 after round 4 looked at it: a development floor. */
    private static final double FLOOR_FRESH3_E2E_F1 = 0.95;
}
