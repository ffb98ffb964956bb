package io.stancewire.launcher;

import io.stancewire.alerts.NotifierSettings;
import io.stancewire.indexer.IndexerSettings;
import io.stancewire.indexer.KafkaIndexer;
import io.stancewire.model.Topics;
import io.stancewire.streams.StreamsSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * How many committed records a consumer group has not processed yet. {@code run --once} waits for this to reach
 * zero, so that records left from before the run (a dead letter to index, an article a crash left behind) are
 * handled before it exits, not just the articles it published itself.
 */
final class ConsumerLag implements AutoCloseable {
    /** A consumer group and the topics it reads; a Kafka Streams application's own repartition topics count too. */
    record Group(String stage, String groupId, List<String> topics, boolean streamsApplication) {}

    // stance shifts go out and come back in: the alert sub-topology reads them from their topic
    static final Group STREAMS = new Group("streams", StreamsSettings.DEFAULT_APPLICATION_ID,
            List.of(Topics.ARTICLES_RAW, Topics.STANCE_SHIFTS), true);
    static final Group INDEXER = new Group("indexer", IndexerSettings.DEFAULT_GROUP_ID, KafkaIndexer.TOPICS, false);
    static final Group ALERTS = new Group("alerts", NotifierSettings.DEFAULT_GROUP, List.of(Topics.ALERTS), false);

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** @param timeout how long one question may wait for an unreachable cluster (Kafka's default is a minute) */
    ConsumerLag(String bootstrapServers, Duration timeout) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
    }

    long of(Group group) {
        return group.streamsApplication() ? ofStreams(group.groupId(), group.topics()) : of(group.groupId(), group.topics());
    }

    /**
     * Lag of a Kafka Streams application: its input topics plus its own repartition topics, since records re-keyed
     * inside the topology (stance trends per speaker, say) are only done when those are consumed too.
     */
    long ofStreams(String applicationId, Collection<String> inputTopics) {
        try {
            List<String> topics = new java.util.ArrayList<>(inputTopics);
            admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition"))
                    .forEach(topics::add);
            return of(applicationId, topics);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    long of(String group, Collection<String> topics) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            partitions.forEach(p -> {
                latest.put(p, OffsetSpec.latest());
                earliest.put(p, OffsetSpec.earliest());
            });
            // Read-committed end offsets: what a read_committed consumer can reach, open transactions excluded.
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long lag = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata done = committed.get(p);
                long position = done != null ? done.offset() : starts.get(p).offset();
                lag += Math.max(0, ends.get(p).offset() - position);
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the progress of consumer group " + group + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
