package io.stancewire.streams.trends;

import io.stancewire.model.Quote;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Re-keys a quote to its speaker and target; a processor rather than a flatMap because it needs the event time. */
final class SpeakerQuotes implements Processor<String, Quote, String, SpeakerQuote> {
    private ProcessorContext<String, SpeakerQuote> context;

    @Override
    public void init(ProcessorContext<String, SpeakerQuote> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Quote> record) {
        for (SpeakerQuote quote : SpeakerQuote.of(record.value(), record.timestamp())) {
            context.forward(record.withKey(quote.stateKey()).withValue(quote));
        }
    }
}
