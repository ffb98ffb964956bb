package io.stancewire.streams.trends;

import io.stancewire.model.SchemaVersion;
import io.stancewire.model.StanceShift;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps each speaker's {@link RollingStance} per target and emits a {@link StanceShift} when the side flips. */
final class DetectShift implements FixedKeyProcessor<String, SpeakerQuote, StanceShift> {
    private final String storeName;
    private final TrendSettings settings;
    private FixedKeyProcessorContext<String, StanceShift> context;
    private KeyValueStore<String, RollingStance> stances;

    DetectShift(String storeName, TrendSettings settings) {
        this.storeName = storeName;
        this.settings = settings;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, StanceShift> context) {
        this.context = context;
        this.stances = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, SpeakerQuote> record) {
        SpeakerQuote quote = record.value();
        RollingStance before = stances.get(record.key());
        if (before == null) {
            before = RollingStance.empty();
        }
        RollingStance after = before.with(new RollingStance.Recent(quote.quoteId(), quote.at(), quote.label(), quote.confidence()), settings);
        if (after == before) {
            return;
        }
        stances.put(record.key(), after);
        if (before.side() != null && after.side() != null && !before.side().equals(after.side())) {
            context.forward(record.withValue(new StanceShift(SchemaVersion.CURRENT,
                    StanceShift.id(quote.speakerKey(), quote.target(), quote.quoteId()), quote.target(), quote.speakerKey(),
                    quote.speakerId(), quote.speakerName(), quote.affiliation(), before.side(), after.side(),
                    before.score(), after.score(), quote.quoteId(), quote.articleId(), quote.text(), quote.url(),
                    quote.outlet(), quote.at())));
        }
    }
}
