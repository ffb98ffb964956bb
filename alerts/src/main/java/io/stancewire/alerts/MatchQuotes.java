package io.stancewire.alerts;

import io.stancewire.model.Alert;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Subscription;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Clock;

/** One alert per quote subscription a quote matches, keyed by the alert id. */
final class MatchQuotes implements Processor<String, Quote, String, Alert> {
    private final SubscriptionMatcher matcher;
    private final Clock clock;
    private ProcessorContext<String, Alert> context;

    MatchQuotes(SubscriptionMatcher matcher, Clock clock) {
        this.matcher = matcher;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Quote> record) {
        Quote quote = record.value();
        if (quote == null || quote.id() == null) {
            return;
        }
        for (Subscription s : matcher.matches(quote)) {
            Alert alert = new Alert(SchemaVersion.CURRENT, Alert.id(s.id(), quote.id()), s.id(), s.owner(), Subscription.QUOTE,
                    quote, null, clock.instant());
            context.forward(record.withKey(alert.id()).withValue(alert));
        }
    }
}
