package io.stancewire.streams;

import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.streams.nlp.speakers.SpeakerIndex;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global speaker store and the in-memory {@link SpeakerIndex} in step with {@code stancewire.speakers}. The
 * store is in memory and Kafka Streams (3.8+) replays a global store's topic through its processor on restore, so
 * every instance rebuilds the same index from the topic at start and then follows it.
 */
final class LoadSpeakers implements Processor<String, byte[], Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(LoadSpeakers.class);
    private final String storeName;
    private final SpeakerIndex index;
    private KeyValueStore<String, byte[]> store;

    LoadSpeakers(String storeName, SpeakerIndex index) {
        this.storeName = storeName;
        this.index = index;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String id = record.key();
        if (id == null) {
            log.warn("speaker record without a key ignored");
            return;
        }
        if (record.value() == null) {
            store.delete(id);
            index.remove(id);
            return;
        }
        try {
            SpeakerEntry entry = Json.read(record.value(), SpeakerEntry.class);
            if (!id.equals(entry.id()) || entry.name() == null || entry.name().isBlank()) {
                throw new InvalidRecordException("record key " + id + " with id " + entry.id() + " and name " + entry.name());
            }
            index.put(entry);
            store.put(id, record.value());
        } catch (InvalidRecordException e) {
            // only the seed and the topology write here, both validated: a hand-written record keeps the previous version
            log.warn("speaker {} ignored: {}", id, e.getMessage());
        }
    }
}
