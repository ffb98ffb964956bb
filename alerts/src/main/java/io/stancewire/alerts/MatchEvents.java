package io.stancewire.alerts;

import io.stancewire.model.Alert;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.StanceShift;
import io.stancewire.model.Subscription;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** One alert per subscription an event (a quote or a stance shift) matches, keyed by the alert id. */
final class MatchEvents<T> implements Processor<String, T, String, Matched> {
    /** How one kind of event is matched and carried in an alert. */
    interface Kind<T> {
        String id(T event);

        List<Subscription> matches(SubscriptionMatcher matcher, T event);

        Alert alert(Subscription subscription, T event, Instant at);
    }

    static final Kind<Quote> QUOTES = new Kind<>() {
        @Override
        public String id(Quote q) {
            return q.id();
        }

        @Override
        public List<Subscription> matches(SubscriptionMatcher matcher, Quote q) {
            return matcher.matches(q);
        }

        @Override
        public Alert alert(Subscription s, Quote q, Instant at) {
            return new Alert(SchemaVersion.CURRENT, Alert.id(s.id(), q.id()), s.id(), s.owner(), Subscription.QUOTE, q, null, at);
        }
    };

    static final Kind<StanceShift> SHIFTS = new Kind<>() {
        @Override
        public String id(StanceShift shift) {
            return shift.id();
        }

        @Override
        public List<Subscription> matches(SubscriptionMatcher matcher, StanceShift shift) {
            return matcher.matches(shift);
        }

        @Override
        public Alert alert(Subscription s, StanceShift shift, Instant at) {
            return new Alert(SchemaVersion.CURRENT, Alert.id(s.id(), shift.id()), s.id(), s.owner(), Subscription.SHIFT, null, shift, at);
        }
    };

    private final Kind<T> kind;
    private final SubscriptionMatcher matcher;
    private final Clock clock;
    private ProcessorContext<String, Matched> context;

    MatchEvents(Kind<T> kind, SubscriptionMatcher matcher, Clock clock) {
        this.kind = kind;
        this.matcher = matcher;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Matched> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, T> record) {
        T event = record.value();
        if (event == null || kind.id(event) == null) {
            return;
        }
        for (Subscription s : kind.matches(matcher, event)) {
            Alert alert = kind.alert(s, event, clock.instant());
            context.forward(record.withKey(alert.id()).withValue(Matched.of(alert, s)));
        }
    }
}
