package io.stancewire.model;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** Creates Stancewire's topics if they are missing. Idempotent: every stage may call it at start. */
public final class TopicSetup {
    /** Enriched articles carry the full text plus annotations; a long article in Urdu can pass the 1 MB default. */
    static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    private TopicSetup() {}

    /**
     * @param partitions  partitions per topic (the unit of parallelism of every stage)
     * @param replication replication factor; empty takes the broker's default
     */
    public static List<String> ensureTopics(Admin admin, int partitions, Optional<Short> replication) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.of(partitions), replication).configs(configFor(t)))
                    .toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // another stage created it a moment ago: fine; anything else is not
                    }
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create Kafka topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        }
    }

    static Map<String, String> configFor(String topic) {
        Map<String, String> config = new HashMap<>();
        config.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));
        config.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                Topics.COMPACTED.contains(topic) ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        if (!Topics.COMPACTED.contains(topic)) {
            config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(30L * 24 * 3600 * 1000));
        }
        return config;
    }
}
