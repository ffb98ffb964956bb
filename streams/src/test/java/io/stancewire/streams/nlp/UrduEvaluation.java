package io.stancewire.streams.nlp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.stancewire.model.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores the Urdu extractor with {@link AttributionScorer} on {@code quotes-eval/articles-urdu.json}: real Urdu news
 * articles with PARC-style gold relations (source mention, cue, content, kind), mostly reported speech without marks.
 * Prints the table; with {@code --errors} also every miss, false positive and wrong speaker. Run by hand:
 * <pre>java -cp streams/target/classes:streams/target/test-classes:$(cat cp.txt) io.stancewire.streams.nlp.UrduEvaluation [--errors]</pre>
 */
public final class UrduEvaluation {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Span(int begin, int end, String text) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Relation(String kind, Span content, Span source, String speaker, Span cue) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    /**
     * @param split {@code tuning}: measured once with the old extractor, then the rules were written looking at it;
     *              {@code fresh}: annotated after that and measured once before its errors were looked at (a second
     *              round of rules followed); {@code fresh2}: annotated after the second round, measured once
     */
    record Article(String id, String split, String url, String outlet, String date, String topic, String text,
                   List<Relation> relations) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArticleFile(List<Article> articles) {}

    record Result(AttributionScorer.Score score, List<String> errors) {}

    static List<Article> articles() throws IOException {
        try (InputStream in = UrduEvaluation.class.getResourceAsStream("/quotes-eval/articles-urdu.json")) {
            return Json.MAPPER.readValue(Objects.requireNonNull(in, "quotes-eval/articles-urdu.json"),
                    ArticleFile.class).articles();
        }
    }

    static Result score(ArticleAnalyzer analyzer, List<Article> articles) {
        AttributionScorer.Score total = AttributionScorer.Score.ZERO;
        List<String> errors = new ArrayList<>();
        for (Article a : articles) {
            List<AttributionScorer.GoldRelation> gold = a.relations().stream()
                    .map(r -> new AttributionScorer.GoldRelation(r.content().begin(), r.content().end(),
                            r.source().begin(), r.source().end(), r.source().text(), r.kind()))
                    .toList();
            List<AttributionScorer.Predicted> found = analyzer.analyze(a.text(), "ur").quotes().stream()
                    .map(AttributionScorer.Predicted::of).toList();
            total = total.plus(AttributionScorer.score(a.id(), a.text(), gold, found, errors));
        }
        return new Result(total, errors);
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
        try (ArticleAnalyzer analyzer = ArticleAnalyzer.create(AnalyzerSettings.defaults().withoutEnglish())) {
            List<Article> articles = articles();
            print("Urdu articles, all (" + articles.size() + ")", score(analyzer, articles), errors);
            for (String split : List.of("tuning", "fresh", "fresh2")) {
                List<Article> part = articles.stream().filter(a -> a.split().equals(split)).toList();
                print("Urdu articles, " + split + " (" + part.size() + ")", score(analyzer, part), false);
            }
        }
    }
}
