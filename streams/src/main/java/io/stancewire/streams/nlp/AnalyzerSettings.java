package io.stancewire.streams.nlp;

import java.nio.file.Path;

/**
 * How {@link ArticleAnalyzer} is built.
 *
 * @param lowAccuracyLanguageDetection Lingua's low-accuracy mode: trigrams only, ~5x less memory and faster; news
 *                                     articles are long enough that it makes no difference to the result
 * @param english                      load CoreNLP for English (false skips the ~10 s model load, e.g. in tests that
 *                                     only need routing or Urdu)
 * @param maxChars                     texts are analysed up to this length; the rest keeps its language but is not
 *                                     searched for quotes, so one giant page cannot stall a stream thread
 * @param speakerRegistry              a speakers JSON file replacing the bundled one, or null for the bundled one
 */
public record AnalyzerSettings(boolean lowAccuracyLanguageDetection, boolean english, int maxChars, Path speakerRegistry) {

    public static AnalyzerSettings defaults() {
        return new AnalyzerSettings(true, true, 100_000, null);
    }

    public AnalyzerSettings withoutEnglish() {
        return new AnalyzerSettings(lowAccuracyLanguageDetection, false, maxChars, speakerRegistry);
    }

    public AnalyzerSettings withSpeakerRegistry(Path file) {
        return new AnalyzerSettings(lowAccuracyLanguageDetection, english, maxChars, file);
    }
}
