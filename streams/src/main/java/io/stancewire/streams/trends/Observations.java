package io.stancewire.streams.trends;

import io.stancewire.model.Quote;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Instant;

/** Fans a quote out into its {@link Observation}s keyed for grouping; a processor because it needs the event time. */
final class Observations implements Processor<String, Quote, String, Observation> {
    private ProcessorContext<String, Observation> context;

    @Override
    public void init(ProcessorContext<String, Observation> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Quote> record) {
        for (Observation observation : Observation.of(record.value(), Instant.ofEpochMilli(record.timestamp()))) {
            context.forward(record.withKey(observation.groupKey()).withValue(observation));
        }
    }
}
