package io.stancewire.alerts;

import io.stancewire.model.Alert;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.StanceShift;
import io.stancewire.model.Subscription;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Clock;

/** One alert per shift subscription a stance shift matches, keyed by the alert id. */
final class MatchShifts implements Processor<String, StanceShift, String, Alert> {
    private final SubscriptionMatcher matcher;
    private final Clock clock;
    private ProcessorContext<String, Alert> context;

    MatchShifts(SubscriptionMatcher matcher, Clock clock) {
        this.matcher = matcher;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, StanceShift> record) {
        StanceShift shift = record.value();
        if (shift == null || shift.id() == null) {
            return;
        }
        for (Subscription s : matcher.matches(shift)) {
            Alert alert = new Alert(SchemaVersion.CURRENT, Alert.id(s.id(), shift.id()), s.id(), s.owner(), Subscription.SHIFT,
                    null, shift, clock.instant());
            context.forward(record.withKey(alert.id()).withValue(alert));
        }
    }
}
