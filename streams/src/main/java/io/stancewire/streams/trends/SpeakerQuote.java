package io.stancewire.streams.trends;

import io.stancewire.model.Quote;
import io.stancewire.model.Stance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What shift detection needs of a quote with a stance on one target: small, so the repartition topic stays small. */
public record SpeakerQuote(String speakerKey, String speakerId, String speakerName, String affiliation,
                           String target, String label, double confidence,
                           String quoteId, String articleId, String text, String url, String outlet, Instant at) {

    /** Key of the rolling stance: one per speaker and target. */
    String stateKey() {
        return speakerKey + '\u001f' + target;
    }

    /** One per target the quote takes a stance on (NONE excluded); none for an anonymous speaker. */
    static List<SpeakerQuote> of(Quote quote, long eventTime) {
        String speakerKey = Labels.speakerKey(quote.speaker());
        if (speakerKey == null) {
            return List.of();
        }
        List<SpeakerQuote> out = new ArrayList<>();
        for (Stance stance : quote.stances()) {
            if (Labels.counts(stance)) {
                out.add(new SpeakerQuote(speakerKey, quote.speaker().id(), quote.speaker().name(), quote.speaker().affiliation(),
                        stance.target(), stance.label(), stance.confidence(), quote.id(), quote.articleId(), quote.text(),
                        quote.url(), quote.outlet(), Instant.ofEpochMilli(eventTime)));
            }
        }
        return out;
    }
}
