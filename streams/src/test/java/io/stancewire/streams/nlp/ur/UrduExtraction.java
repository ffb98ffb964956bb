package io.stancewire.streams.nlp.ur;

import io.stancewire.streams.nlp.FoundQuote;
import io.stancewire.streams.nlp.speakers.SpeakerRegistry;

import java.util.List;

/** The Urdu extractor over the bundled registry, for tests of single constructions on made-up sentences. */
final class UrduExtraction {
    private static final UrduQuoteExtractor EXTRACTOR = new UrduQuoteExtractor(SpeakerRegistry.bundled());

    private UrduExtraction() {}

    static List<FoundQuote> quotes(String text) {
        return EXTRACTOR.extract(text).quotes();
    }

    static String speaker(FoundQuote q) {
        return q.speaker() == null ? null : q.speaker().name();
    }
}
