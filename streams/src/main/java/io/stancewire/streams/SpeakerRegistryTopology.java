package io.stancewire.streams;

import io.stancewire.model.JsonSerde;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.model.Topics;
import io.stancewire.streams.nlp.speakers.SpeakerIndex;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.util.List;

/**
 * The speaker registry shared by every instance: {@link Topics#SPEAKERS} read into a global store (all partitions on
 * every instance) whose processor keeps a {@link SpeakerIndex} the enrichment step resolves against; speakers an
 * article introduces are written back to the topic in the article's transaction.
 */
final class SpeakerRegistryTopology {
    static final String STORE = "speaker-registry";

    private SpeakerRegistryTopology() {}

    /** @return the index, holding the curated entries until the topic (which the seed fills with them too) is read */
    static SpeakerIndex addTo(StreamsBuilder builder, List<SpeakerEntry> curated) {
        SpeakerIndex index = SpeakerIndex.of(curated);
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.SPEAKERS,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-speakers"),
                () -> new LoadSpeakers(STORE, index));
        return index;
    }

    /**
     * Ids are deterministic, so two instances that meet the same new person at once write the same key; compaction
     * keeps one. An entry this instance already has (another article's transaction got there first) is not re-sent.
     */
    static void writeNewSpeakers(KStream<String, EnrichOutcome> outcomes, SpeakerIndex index) {
        outcomes.flatMap((key, outcome) -> outcome.newSpeakers().stream()
                        .filter(s -> index.byId(s.id()).isEmpty())
                        .map(s -> KeyValue.pair(s.id(), s)).toList(), Named.as("new-speakers"))
                .to(Topics.SPEAKERS, Produced.with(Serdes.String(), JsonSerde.of(SpeakerEntry.class)).withName("write-speakers"));
    }
}
