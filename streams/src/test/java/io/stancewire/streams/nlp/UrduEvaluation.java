package io.stancewire.streams.nlp;

import java.io.IOException;
import java.util.List;

/**
 * Scores the Urdu extractor with {@link AttributionScorer} on {@code quotes-eval/articles-urdu.json}: real Urdu news
 * articles with PARC-style gold relations (source mention, cue, content, kind), mostly reported speech without marks.
 * Prints the table; with {@code --errors} also every miss, false positive and wrong speaker. Run by hand:
 * <pre>java -cp streams/target/classes:streams/target/test-classes:$(cat cp.txt) io.stancewire.streams.nlp.UrduEvaluation [--errors]</pre>
 */
public final class UrduEvaluation {
    static final String RESOURCE = "quotes-eval/articles-urdu.json";

    private UrduEvaluation() {}

    static List<HeldOutEvaluation.Article> articles() throws IOException {
        return HeldOutEvaluation.articles(RESOURCE);
    }

    static HeldOutEvaluation.Result score(ArticleAnalyzer analyzer, List<HeldOutEvaluation.Article> articles) {
        return HeldOutEvaluation.score(analyzer, articles, "ur");
    }

    public static void main(String[] args) throws IOException {
        boolean errors = List.of(args).contains("--errors");
        try (ArticleAnalyzer analyzer = ArticleAnalyzer.create(AnalyzerSettings.defaults().withoutEnglish())) {
            List<HeldOutEvaluation.Article> articles = articles();
            HeldOutEvaluation.print("Urdu articles, all (" + articles.size() + ")", score(analyzer, articles), errors);
            for (String split : articles.stream().map(HeldOutEvaluation.Article::split).distinct().toList()) {
                List<HeldOutEvaluation.Article> part = articles.stream().filter(x -> x.split().equals(split)).toList();
                HeldOutEvaluation.print("Urdu articles, " + split + " (" + part.size() + ")", score(analyzer, part), false);
            }
        }
    }
}
