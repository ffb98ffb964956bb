package io.stancewire.streams.nlp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints what the analyzer finds in text files, for eyeballing; run by hand. */
public final class PrintQuotes {
    public static void main(String[] args) throws Exception {
        try (ArticleAnalyzer analyzer = ArticleAnalyzer.create(AnalyzerSettings.defaults())) {
            for (String file : args) {
                String text = Files.readString(Path.of(file));
                Analysis a = analyzer.analyze(text, null);
                System.out.printf("== %s: %s (%.2f), %d entities%n", file, a.language(), a.languageConfidence(),
                        a.entities().size());
                for (FoundQuote q : a.quotes()) {
                    System.out.printf("[%s %d-%d] %s%n    speaker=%s | mention=%s | aff=%s | role=%s | cue=%s%n    context=%s%n",
                            q.kind(), q.begin(), q.end(), q.text(), q.speaker() == null ? null : q.speaker().name(),
                            q.speaker() == null || q.speaker().mention() == null ? null : q.speaker().mention().text(),
                            q.speaker() == null ? null : q.speaker().affiliation(),
                            q.speaker() == null ? null : q.speaker().role(), q.cue(), q.context().replace('\n', ' '));
                }
            }
        }
    }
}
