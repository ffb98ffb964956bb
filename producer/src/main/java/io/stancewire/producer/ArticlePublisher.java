package io.stancewire.producer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.stancewire.model.Article;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.Json;
import io.stancewire.model.TopicReader;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Writes articles exactly once. Each batch is one Kafka transaction holding the articles ({@code ARTICLES_RAW}),
 * a seen-marker per article id (and per alias id) on the compacted {@code PRODUCER_SEEN}, and any dead letters; so
 * either all of it is visible to read_committed readers or none is. On start, {@code initTransactions} aborts
 * whatever a crashed predecessor with the same transactional id left open, and then the seen-set is rebuilt from
 * {@code PRODUCER_SEEN}: a restarted producer knows everything that was committed and re-sends nothing.
 *
 * <p>Article and dead-letter records carry the headers {@code feed} (the feed URL), {@code source} (the outlet, or
 * for a dead letter what failed), {@code trace-id} (a UUID per record, for following it through the stages) and,
 * when the feed has any, {@code tags} (its configured tags, comma-separated).
 */
final class ArticlePublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics producerMetrics;
    private final String bootstrapServers;

    /** One unit of work: everything here is committed together or not at all. */
    record Batch(List<Article> articles, List<SeenMarker> markers, List<DeadLetter> deadLetters, String feedUrl,
                 List<String> tags) {}

    ArticlePublisher(ProducerSettings settings, MeterRegistry meters) {
        this.bootstrapServers = settings.bootstrapServers();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        // The topics take 8 MB records (TopicSetup); a 200k-character Urdu article with its headers passes 1 MB.
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, settings.transactionalId());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
        try {
            // Fences any earlier instance with this transactional id and aborts what it left open.
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(meters);
    }

    /**
     * Reads {@code PRODUCER_SEEN} to its last committed offset and returns every id in it with its latest marker
     * (null for a value that cannot be read: the id still counts as seen).
     */
    Map<String, SeenMarker> restoreSeen(Duration timeout) {
        Map<String, SeenMarker> seen = new HashMap<>();
        TopicReader.readAll(bootstrapServers, Topics.PRODUCER_SEEN, timeout, r -> {
            if (r.key() != null) {
                seen.put(r.key(), readMarker(r.value()));
            }
        });
        log.info("restored {} seen ids from {}", seen.size(), Topics.PRODUCER_SEEN);
        return seen;
    }

    private static SeenMarker readMarker(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.read(value, SeenMarker.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Commits the batch. On a failure that a new transaction can cure the transaction is aborted and the exception
     * rethrown (the caller keeps the items unseen, so the next poll retries them); fencing is fatal.
     */
    void publish(Batch batch) {
        if (batch.articles().isEmpty() && batch.deadLetters().isEmpty()) {
            return;
        }
        inTransaction(() -> send(batch));
    }

    /** Several feeds' batches in one transaction (group commit); the empty ones are skipped. */
    void publishAll(List<Batch> batches) {
        List<Batch> nonEmpty = batches.stream()
                .filter(b -> !b.articles().isEmpty() || !b.deadLetters().isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return;
        }
        inTransaction(() -> nonEmpty.forEach(this::send));
    }

    /** The latest status of each given feed, keyed by feed URL, on the compacted {@code PRODUCER_FEEDS}. */
    void publishStatuses(java.util.Collection<FeedStatus> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        inTransaction(() -> statuses.forEach(s ->
                producer.send(new ProducerRecord<>(Topics.PRODUCER_FEEDS, s.url(), Json.write(s)))));
    }

    private void send(Batch batch) {
        for (Article a : batch.articles()) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("feed", bytes(batch.feedUrl()));
            headers.add("source", bytes(a.outlet()));
            headers.add("trace-id", bytes(UUID.randomUUID().toString()));
            if (!batch.tags().isEmpty()) {
                headers.add("tags", bytes(String.join(",", batch.tags())));
            }
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, null, a.id(), Json.write(a), headers));
        }
        for (SeenMarker m : batch.markers()) {
            producer.send(new ProducerRecord<>(Topics.PRODUCER_SEEN, m.id(), Json.write(m)));
        }
        for (DeadLetter d : batch.deadLetters()) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("feed", bytes(batch.feedUrl()));
            headers.add("source", bytes(d.source()));
            headers.add("trace-id", bytes(UUID.randomUUID().toString()));
            producer.send(new ProducerRecord<>(Topics.DEAD_LETTER, null, d.key(), Json.write(d), headers));
        }
    }

    private void inTransaction(Runnable sends) {
        producer.beginTransaction();
        try {
            sends.run();
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                 | AuthorizationException e) {
            // Another producer with our transactional id took over (newer brokers say so with an epoch error; a
            // transaction the coordinator timed out looks the same), or the broker refuses us: this instance stops,
            // and a fresh one (which re-reads the seen-set) is the way on.
            throw new PublishingStoppedException("the Kafka producer cannot continue: " + e.getMessage(), e);
        } catch (KafkaException e) {
            if (e.getCause() instanceof ProducerFencedException || e.getCause() instanceof InvalidProducerEpochException) {
                throw new PublishingStoppedException("fenced by a newer producer: " + e.getMessage(), e);
            }
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    static SeenMarker marker(String id, String canonicalUrl, String feedUrl, String aliasOf, Long simhash) {
        return new SeenMarker(id, canonicalUrl, feedUrl, Instant.now(), aliasOf, simhash);
    }

    @Override
    public void close() {
        producerMetrics.close();
        producer.close(Duration.ofSeconds(10));
    }
}
