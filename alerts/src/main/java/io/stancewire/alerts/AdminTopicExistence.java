package io.stancewire.alerts;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Topic existence from the broker's metadata, cached per topic for {@link #MAX_AGE}: a stream thread asks the
 * broker at most that often per delivery topic, and a deleted (or recreated) topic is noticed within that time.
 * When the broker does not answer, the last answer stands (or "exists", the behaviour before this check): the
 * broker being away stalls the streams app anyway, it is no reason to fail deliveries.
 *
 * <p>A topic deleted in the moments after a check passed is still written to; the producer then waits for it
 * (see docs on alert delivery). The window is {@link #MAX_AGE}.
 */
final class AdminTopicExistence implements TopicExistence, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminTopicExistence.class);
    static final Duration MAX_AGE = Duration.ofSeconds(2);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private record Known(boolean exists, long checkedAtNanos) {}

    private final Admin admin;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    AdminTopicExistence(Admin admin) {
        this.admin = admin;
    }

    /** An admin client with the streams app's connection settings (bootstrap servers, security). */
    static AdminTopicExistence fromStreamsConfig(Map<String, Object> appConfigs) {
        Map<String, Object> config = new HashMap<>();
        appConfigs.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key) && value != null) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, appConfigs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-delivery-topics");
        return new AdminTopicExistence(Admin.create(config));
    }

    @Override
    public boolean exists(String topic) {
        long now = System.nanoTime();
        Known last = known.get(topic);
        if (last != null && now - last.checkedAtNanos() < MAX_AGE.toNanos()) {
            return last.exists();
        }
        boolean exists = ask(topic, last == null || last.exists());
        if (last != null && last.exists() != exists) {
            log.info("delivery topic {} {}", topic, exists ? "exists again" : "no longer exists");
        }
        known.put(topic, new Known(exists, now));
        return exists;
    }

    private boolean ask(String topic, boolean fallback) {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            log.warn("cannot tell whether delivery topic {} exists: {}", topic, e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("cannot tell whether delivery topic {} exists: no answer in {}", topic, ASK_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fallback;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
