package io.stancewire.streams.nlp;

/** One analyzer with CoreNLP for all test classes of the JVM: the models take seconds to load. */
final class SharedAnalyzer {
    private SharedAnalyzer() {}

    private static final class Holder {
        static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.create(AnalyzerSettings.defaults());
    }

    static ArticleAnalyzer get() {
        return Holder.ANALYZER;
    }
}
