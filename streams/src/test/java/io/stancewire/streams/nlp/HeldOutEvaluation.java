package io.stancewire.streams.nlp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.stancewire.model.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores the analyzer the way the hidden evaluation does ({@link AttributionScorer}) on two gold sets (and, through
 * {@link UrduEvaluation}, the Urdu articles, which share the file shape):
 * {@code quotes-eval/articles-heldout.json} (real full news articles with PARC-style relations, not used while writing
 * the rules) and {@code quotes-eval/passages.json} (the short development passages, whose gold gives speaker names but
 * no mention offsets, so their speakers are judged by name tokens only). Prints the tables; with {@code --errors}
 * also every miss, false positive and wrong speaker. Run by hand:
 * <pre>java -cp streams/target/classes:streams/target/test-classes:$(cat cp.txt) io.stancewire.streams.nlp.HeldOutEvaluation [--errors]</pre>
 */
public final class HeldOutEvaluation {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Span(int begin, int end, String text) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Relation(String kind, Span content, Span source, String speaker, Span cue) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    /**
     * @param split {@code tuning}: measured first, then its errors guided rule changes (a development score since);
     *              {@code fresh}: annotated and measured only after those changes; {@code fresh2}: annotated after a
     *              second round, measured once before the third; {@code fresh3}: annotated after the third, measured once;
     *              {@code fresh4}: annotated after the fourth, measured once;
     *              {@code fresh5}: annotated after the fifth, measured once (docs/quotes.md)
     */
    record Article(String id, String split, String url, String outlet, String date, String topic, String text,
                   List<Relation> relations) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArticleFile(List<Article> articles) {}

    record Result(AttributionScorer.Score score, List<String> errors) {}

    static List<Article> articles() throws IOException {
        return articles("quotes-eval/articles-heldout.json");
    }

    /** A gold file of this shape on the test class path (the English set, or the Urdu one). */
    static List<Article> articles(String resource) throws IOException {
        try (InputStream in = HeldOutEvaluation.class.getResourceAsStream("/" + resource)) {
            return Json.MAPPER.readValue(Objects.requireNonNull(in, resource), ArticleFile.class).articles();
        }
    }

    static Result heldOut(ArticleAnalyzer analyzer, List<Article> articles) {
        return score(analyzer, articles, "en");
    }

    static Result score(ArticleAnalyzer analyzer, List<Article> articles, String language) {
        AttributionScorer.Score total = AttributionScorer.Score.ZERO;
        List<String> errors = new ArrayList<>();
        for (Article a : articles) {
            List<AttributionScorer.GoldRelation> gold = a.relations().stream()
                    .map(r -> new AttributionScorer.GoldRelation(r.content().begin(), r.content().end(),
                            r.source().begin(), r.source().end(), r.source().text(), r.kind()))
                    .toList();
            total = total.plus(AttributionScorer.score(a.id(), a.text(), gold, found(analyzer, a.text(), language), errors));
        }
        return new Result(total, errors);
    }

    static Result passages(ArticleAnalyzer analyzer, List<QuoteEvaluation.Passage> passages) {
        AttributionScorer.Score total = AttributionScorer.Score.ZERO;
        List<String> errors = new ArrayList<>();
        for (QuoteEvaluation.Passage p : passages) {
            List<AttributionScorer.GoldRelation> gold = p.gold().stream()
                    .map(g -> new AttributionScorer.GoldRelation(g.begin(), g.end(), null, null, g.speaker(), g.kind()))
                    .toList();
            total = total.plus(AttributionScorer.score(p.id(), p.text(), gold, found(analyzer, p.text(), "en"), errors));
        }
        return new Result(total, errors);
    }

    private static List<AttributionScorer.Predicted> found(ArticleAnalyzer analyzer, String text, String language) {
        return analyzer.analyze(text, language).quotes().stream().map(AttributionScorer.Predicted::of).toList();
    }

    static void print(String title, Result r, boolean errors) {
        System.out.println(title);
        System.out.println(r.score().direct().line("  direct"));
        System.out.println(r.score().all().line("  all relations"));
        if (errors) {
            r.errors().forEach(e -> System.out.println("    " + e));
        }
    }

    public static void main(String[] args) throws IOException {
        boolean errors = List.of(args).contains("--errors");
        try (ArticleAnalyzer analyzer = ArticleAnalyzer.create(AnalyzerSettings.defaults())) {
            List<Article> articles = articles();
            print("held-out articles, all (" + articles.size() + ")", heldOut(analyzer, articles), false);
            // splits in the order the file introduces them; errors per split, so a newly measured split can be read alone
            for (String split : articles.stream().map(Article::split).distinct().toList()) {
                List<Article> part = articles.stream().filter(a -> a.split().equals(split)).toList();
                print("held-out articles, " + split + " (" + part.size() + ")", heldOut(analyzer, part), errors);
            }
            List<QuoteEvaluation.Passage> passages = QuoteEvaluation.passages();
            print("development passages (" + passages.size() + ")", passages(analyzer, passages), errors);
        }
    }
}
