package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.Json;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes enriched articles, quotes and dead letters and bulk-indexes them at deterministic ids.
 *
 * <p>Offsets are committed only after Elasticsearch has taken every document of a batch (or a document was
 * rejected for good and dead-lettered), so a crash re-delivers at worst a batch that then overwrites itself. While
 * Elasticsearch is unreachable the consumer is paused and the batch retried with backoff: nothing piles up in memory.
 */
public final class KafkaIndexer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaIndexer.class);
    public static final List<String> TOPICS = List.of(Topics.ARTICLES_ENRICHED, Topics.QUOTES, Topics.STANCE_TRENDS,
            Topics.STANCE_SHIFTS, Topics.DEAD_LETTER,
            Topics.ALERTS, Topics.ALERT_DELIVERIES, Topics.SPEAKERS);

    private final IndexerSettings settings;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final DocumentRouter router = new DocumentRouter(Clock.systemUTC());
    private final BulkWriter writer;
    private final MeterRegistry meters;
    private final Counter retries;
    private final Counter rejected;
    private final KafkaClientMetrics consumerMetrics;
    private final KafkaClientMetrics producerMetrics;
    /** Records on this consumer's partitions not indexed yet, as of its last poll; read by other threads. */
    private final AtomicLong lag = new AtomicLong();

    public KafkaIndexer(IndexerSettings settings, ElasticsearchClient client, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        this.writer = new BulkWriter(client);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords()),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        this.retries = meters.counter("stancewire.indexer.retries");
        this.rejected = meters.counter("stancewire.indexer.rejected");
        // Among them the consumer's records-lag per partition: how far indexing is behind the topics.
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(meters);
        this.producerMetrics = new KafkaClientMetrics(deadLetters);
        producerMetrics.bindTo(meters);
    }

    public void run(AtomicBoolean stop) {
        consumer.subscribe(TOPICS);
        log.info("indexing {} into {}", TOPICS, settings.elasticsearchUrl());
        try {
            while (!stop.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                lag.set(records.count() + unfetched());
                indexBatch(records, stop);
            }
        } catch (WakeupException e) {
            if (!stop.get()) {
                throw e;
            }
        }
    }

    /** Records after the consumer's position on its partitions, from the high watermarks its fetches saw (no request). */
    private long unfetched() {
        return consumer.assignment().stream().mapToLong(p -> consumer.currentLag(p).orElse(0)).sum();
    }

    /** Records on this consumer's partitions not yet indexed, as of its last poll. */
    public long lag() {
        return lag.get();
    }

    /** Wakes a blocked {@link #run} so that it sees its stop flag at once. */
    public void wakeup() {
        consumer.wakeup();
    }

    private void indexBatch(ConsumerRecords<String, byte[]> records, AtomicBoolean stop) {
        if (records.isEmpty()) {
            return;
        }
        List<IndexAction> actions = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            var origin = new RecordOrigin(r.topic(), r.partition(), r.offset(), r.key(), r.value());
            switch (router.route(origin)) {
                case DocumentRouter.Routed.Index index -> actions.add(index.action());
                case DocumentRouter.Routed.Reject reject -> sendDeadLetter(reject.deadLetter());
            }
        }
        if (!writeUntilDone(actions, stop)) {
            return; // stopping: offsets stay uncommitted and the batch is re-delivered on the next start
        }
        deadLetters.flush();
        consumer.commitSync();
    }

    /** @return false when asked to stop before the batch was written */
    private boolean writeUntilDone(List<IndexAction> actions, AtomicBoolean stop) {
        List<IndexAction> pending = actions;
        Duration backoff = Duration.ofMillis(200);
        boolean paused = false;
        try {
            while (!pending.isEmpty()) {
                String problem;
                try {
                    BulkWriter.Outcome outcome = writer.write(pending);
                    outcome.rejected().forEach(this::reject);
                    countIndexed(pending, outcome);
                    pending = outcome.retry();
                    problem = pending.size() + " documents refused for now (429/5xx)";
                } catch (Exception e) {
                    problem = "Elasticsearch unavailable: " + e.getMessage();
                }
                if (pending.isEmpty()) {
                    break;
                }
                if (!paused) {
                    consumer.pause(consumer.assignment());
                    paused = true;
                }
                retries.increment();
                log.warn("{}; retrying {} documents in {} ms", problem, pending.size(), backoff.toMillis());
                if (!sleep(backoff, stop)) {
                    return false;
                }
                // Polling while paused returns nothing but keeps this consumer in its group.
                consumer.poll(Duration.ZERO);
                backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
            }
            return true;
        } finally {
            if (paused) {
                consumer.resume(consumer.paused());
            }
        }
    }

    private void countIndexed(List<IndexAction> sent, BulkWriter.Outcome outcome) {
        if (outcome.indexed() == sent.size()) {
            sent.forEach(a -> meters.counter("stancewire.indexer.indexed", "index", a.index()).increment());
            return;
        }
        var notIndexed = new java.util.HashSet<IndexAction>(outcome.retry());
        outcome.rejected().forEach(r -> notIndexed.add(r.action()));
        sent.stream().filter(a -> !notIndexed.contains(a))
                .forEach(a -> meters.counter("stancewire.indexer.indexed", "index", a.index()).increment());
    }

    private void reject(BulkWriter.Rejection rejection) {
        rejected.increment();
        RecordOrigin origin = rejection.action().origin();
        log.error("Elasticsearch rejected {} from {}-{}@{}: {}", rejection.action().id(), origin.topic(),
                origin.partition(), origin.offset(), rejection.error());
        if (Topics.DEAD_LETTER.equals(origin.topic())) {
            return; // a dead letter that cannot be indexed stays in its topic; re-dead-lettering it would loop
        }
        sendDeadLetter(DocumentRouter.deadLetter(origin, "rejected-by-elasticsearch", rejection.error()));
    }

    private void sendDeadLetter(DeadLetter letter) {
        meters.counter("stancewire.deadletters", "stage", "indexer", "reason", letter.reason()).increment();
        deadLetters.send(new ProducerRecord<>(Topics.DEAD_LETTER, letter.key(), Json.write(letter)));
    }

    private static boolean sleep(Duration duration, AtomicBoolean stop) {
        long until = System.nanoTime() + duration.toNanos();
        try {
            while (!stop.get() && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stop.get();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        consumerMetrics.close();
        producerMetrics.close();
        consumer.close();
        deadLetters.close();
    }
}
