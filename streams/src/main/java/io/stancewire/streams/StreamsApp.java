package io.stancewire.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.stancewire.model.SpeakerEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs the topology with exactly-once (v2) processing: an article's enriched record, quotes and dead letters commit together. */
public final class StreamsApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamsApp.class);

    private final KafkaStreams streams;
    private final ExecutorService nlpThreads;
    private final KafkaStreamsMetrics metrics;
    private final String bootstrapServers;
    private final List<SpeakerEntry> curatedSpeakers;

    public StreamsApp(StreamsSettings settings, ArticleEnricher enricher, MeterRegistry meters) {
        this.bootstrapServers = settings.bootstrapServers();
        this.curatedSpeakers = enricher.curatedSpeakers();
        this.nlpThreads = Executors.newCachedThreadPool(Thread.ofPlatform().name("nlp-", 0).daemon(true).factory());
        this.streams = new KafkaStreams(StancewireTopology.build(enricher, nlpThreads, settings.limits(), meters), properties(settings));
        this.streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it (records are re-processed exactly once)", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.metrics = new KafkaStreamsMetrics(streams);
        this.metrics.bindTo(meters);
    }

    static Properties properties(StreamsSettings settings) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        // One article can take seconds of NLP (at most the budget): a batch of five fits the poll interval even when
        // every article runs into the budget, and the interval stays below the connection idle time-out (9 min).
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), (int) Duration.ofMinutes(8).toMillis());
        p.put("processing.exception.handler.global.enabled", true);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) Duration.ofMinutes(5).toMillis());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 8 * 1024 * 1024);
        return p;
    }

    /** Seeds the shared speaker registry with the curated file (writing only what changed), then starts processing. */
    public void start() {
        SpeakerSeed.seed(bootstrapServers, curatedSpeakers);
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        if (!streams.close(Duration.ofSeconds(60))) {
            log.warn("Kafka Streams did not finish closing within 60 s; its state folder may stay locked until it does");
        }
        metrics.close();
        nlpThreads.shutdownNow();
    }
}
