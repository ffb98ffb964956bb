package io.stancewire.streams.nlp.lang;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Detects an article's language with Lingua. The detector knows the languages we route (en, ur) plus the common
 * languages of news and those that share a script with ours (Hindi, Arabic, Persian), so that a German or Hindi
 * article is recognised as such instead of being forced into English or Urdu. Built once: it is thread-safe and
 * expensive to build.
 */
public final class LanguageRouter {
    /** Lingua is as good on 2,000 characters as on a whole article, and its cost grows with the length. */
    private static final int SAMPLE_CHARS = 2_000;

    private static final Language[] KNOWN = {
            Language.ENGLISH, Language.URDU, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.PORTUGUESE,
            Language.ITALIAN, Language.DUTCH, Language.CHINESE, Language.JAPANESE, Language.KOREAN, Language.ARABIC,
            Language.PERSIAN, Language.RUSSIAN, Language.HINDI, Language.TURKISH, Language.POLISH, Language.INDONESIAN,
    };

    private final LanguageDetector detector;

    public LanguageRouter(boolean lowAccuracy) {
        // Preloaded: Lingua otherwise loads each language model lazily inside the first detect() calls.
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(KNOWN).withPreloadedLanguageModels();
        if (lowAccuracy) {
            builder = builder.withLowAccuracyMode();
        }
        this.detector = builder.build();
    }

    public record Detected(String language, double confidence) {}

    /**
     * @param hint the feed's declared language, used only when the text itself gives no answer
     * @return the ISO 639-1 code and confidence, or {@code und} with 0 when neither text nor hint tell
     */
    public Detected detect(String text, String hint) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(sample);
        if (!values.isEmpty()) {
            Map.Entry<Language, Double> best = values.entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow();
            if (best.getValue() > 0 && best.getKey() != Language.UNKNOWN) {
                return new Detected(code(best.getKey()), best.getValue());
            }
        }
        String fromHint = normaliseHint(hint);
        return new Detected(fromHint == null ? "und" : fromHint, 0.0);
    }

    private static String code(Language language) {
        IsoCode639_1 iso = language.getIsoCode639_1();
        return iso.toString().toLowerCase(Locale.ROOT);
    }

    /** Feeds declare "en-US", "EN", "ur_PK": keep the primary subtag when it looks like one. */
    static String normaliseHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String primary = hint.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2}") ? primary : null;
    }
}
