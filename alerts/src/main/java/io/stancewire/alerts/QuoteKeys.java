package io.stancewire.alerts;

import io.stancewire.model.Quote;
import io.stancewire.model.Stance;

import java.util.List;

/** A quote's comparison keys ({@link Keys}), computed once per quote rather than once per candidate subscription. */
record QuoteKeys(Quote quote, String speakerName, String speakerId, String affiliation, List<String> stanceTargets) {

    static QuoteKeys of(Quote quote) {
        var speaker = quote.speaker();
        return new QuoteKeys(quote,
                speaker == null ? null : Keys.of(speaker.name()),
                speaker == null ? null : Keys.of(speaker.id()),
                speaker == null ? null : Keys.of(speaker.affiliation()),
                quote.stances().stream().map(Stance::target).map(t -> t == null ? "" : Keys.of(t)).toList());
    }
}
