package io.stancewire.streams.trends;

import io.stancewire.model.Quote;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Duration;

/**
 * Moves each quote to its event time and lets a quote id through once.
 *
 * <p>Event time is the article's publication time, because a trend is about when things were said, not fetched.
 * A publication time after the record's own time (the fetch) is a feed's error (a time zone, a scheduled post):
 * trusting it would move stream time ahead and make every later quote "late", so it is capped at the fetch time.
 * Without a usable publication time the record's time stands in.
 *
 * <p>The same quote id can come again when an article is published again; counting it twice would double it in
 * every window. Ids are remembered (in a window store, keyed by quote id) for as long as any window they could fall
 * into is open. The quote stream is still partitioned by article, and a quote id derives from its article id, so
 * every copy of a quote meets the same store.
 */
final class CountOnceAtEventTime implements FixedKeyProcessor<String, Quote, Quote> {
    private final String storeName;
    private final Duration retention;
    private FixedKeyProcessorContext<String, Quote> context;
    private WindowStore<String, Long> seen;

    CountOnceAtEventTime(String storeName, Duration retention) {
        this.storeName = storeName;
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Quote> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, Quote> record) {
        Quote quote = record.value();
        if (quote == null || quote.id() == null) {
            return; // a tombstone or an id-less quote cannot be counted once; the quotes topic still has it
        }
        long eventTime = eventTime(quote, record.timestamp());
        try (WindowStoreIterator<Long> earlier = seen.fetch(quote.id(), Math.max(0, eventTime - retention.toMillis()), eventTime + retention.toMillis())) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(quote.id(), eventTime, eventTime);
        context.forward(record.withTimestamp(eventTime));
    }

    static long eventTime(Quote quote, long recordTimestamp) {
        // Kafka cannot carry a timestamp before 1970; such a date is a parse error, not a publication time.
        if (quote.publishedAt() == null || quote.publishedAt().toEpochMilli() < 0) {
            return recordTimestamp;
        }
        return Math.min(quote.publishedAt().toEpochMilli(), recordTimestamp);
    }
}
