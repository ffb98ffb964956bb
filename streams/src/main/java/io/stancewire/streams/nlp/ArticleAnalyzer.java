package io.stancewire.streams.nlp;

import io.stancewire.model.Entity;
import io.stancewire.streams.nlp.en.EnglishQuoteExtractor;
import io.stancewire.streams.nlp.lang.LanguageRouter;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.streams.nlp.speakers.SpeakerIndex;
import io.stancewire.streams.nlp.speakers.SpeakerRegistry;
import io.stancewire.streams.nlp.ur.UrduQuoteExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Language, entities and quotes with speakers for one article. English goes through CoreNLP and rules, Urdu through
 * its own rules, any other language gets its language and nothing else (it is never dropped).
 *
 * <p>{@link #create} loads the models once; after that {@link #analyze} is thread-safe and may be shared by all
 * stream threads.
 */
public final class ArticleAnalyzer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArticleAnalyzer.class);

    private final AnalyzerSettings settings;
    private final LanguageRouter router;
    private final EnglishQuoteExtractor english;
    private final UrduQuoteExtractor urdu;
    private final List<SpeakerEntry> curatedSpeakers;

    private ArticleAnalyzer(AnalyzerSettings settings, LanguageRouter router, EnglishQuoteExtractor english,
                            UrduQuoteExtractor urdu, List<SpeakerEntry> curatedSpeakers) {
        this.settings = settings;
        this.curatedSpeakers = curatedSpeakers;
        this.router = router;
        this.english = english;
        this.urdu = urdu;
    }

    public static ArticleAnalyzer create(AnalyzerSettings settings) {
        SpeakerRegistry registry = settings.speakerRegistry() == null
                ? SpeakerRegistry.bundled() : SpeakerRegistry.load(settings.speakerRegistry());
        long start = System.nanoTime();
        LanguageRouter router = new LanguageRouter(settings.lowAccuracyLanguageDetection());
        EnglishQuoteExtractor english = settings.english() ? new EnglishQuoteExtractor(registry) : null;
        log.info("article analyzer ready in {} ms (english={}, {} registry entries)",
                (System.nanoTime() - start) / 1_000_000, settings.english(), registry.entries().size());
        return new ArticleAnalyzer(settings, router, english, new UrduQuoteExtractor(registry),
                SpeakerIndex.curated(registry));
    }

    /** The speaker file the extractors were built with, as registry entries. */
    public List<SpeakerEntry> curatedSpeakers() {
        return curatedSpeakers;
    }

    /**
     * A failure inside an extractor becomes an {@link AnalysisException} with the detected language, so that the
     * stream can index the article with its language and dead-letter the failure with its reason.
     *
     * @param languageHint the feed's declared language, used only when the text does not tell
     */
    public Analysis analyze(String text, String languageHint) {
        if (text == null || text.isBlank()) {
            return Analysis.empty();
        }
        LanguageRouter.Detected detected = router.detect(text, languageHint);
        String input = text.length() > settings.maxChars() ? text.substring(0, settings.maxChars()) : text;
        try {
            return switch (detected.language()) {
                case "en" -> {
                    if (english == null) {
                        yield new Analysis("en", detected.confidence(), List.of(), List.of());
                    }
                    EnglishQuoteExtractor.Result r = english.extract(input);
                    yield new Analysis("en", detected.confidence(), r.entities().entities(), r.quotes());
                }
                case "ur" -> {
                    UrduQuoteExtractor.Result r = urdu.extract(input);
                    yield new Analysis("ur", detected.confidence(), r.entities().entities(), r.quotes());
                }
                default -> new Analysis(detected.language(), detected.confidence(), List.<Entity>of(), List.of());
            };
        } catch (RuntimeException | StackOverflowError e) {
            throw new AnalysisException(detected.language(), "quote extraction failed for a " + detected.language()
                    + " text of " + text.length() + " chars: " + e, e);
        }
    }

    @Override
    public void close() {
        // CoreNLP and Lingua hold only heap memory; nothing to release beyond letting them be collected.
    }
}
