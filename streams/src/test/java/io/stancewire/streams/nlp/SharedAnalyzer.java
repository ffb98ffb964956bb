package io.stancewire.streams.nlp;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One analyzer with CoreNLP for all test classes of the JVM: the models take seconds to load. */
final class SharedAnalyzer {
    private SharedAnalyzer() {}

    private static final class Holder {
        static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.create(AnalyzerSettings.defaults());
    }

    static ArticleAnalyzer get() {
        return Holder.ANALYZER;
    }

    static List<FoundQuote> englishQuotes(String text) {
        return get().analyze(text, "en").quotes();
    }

    /** The one quote an English text yields; fails the test when there are none or several. */
    static FoundQuote onlyEnglishQuote(String text) {
        List<FoundQuote> found = englishQuotes(text);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
