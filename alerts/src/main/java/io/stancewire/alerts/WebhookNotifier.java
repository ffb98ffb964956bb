package io.stancewire.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.model.Alert;
import io.stancewire.model.AlertDelivery;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Subscription;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Delivers alerts to their subscriptions' webhooks: a signed JSON POST per alert, retried with exponential backoff,
 * dead-lettered (to {@link Topics#DEAD_LETTER}, and as a {@link AlertDelivery} on {@link Topics#ALERT_DELIVERIES})
 * after {@link NotifierSettings#maxAttempts()} failures.
 *
 * <p>At least once: an alert's offset is committed only after it was delivered or dead-lettered (and that record
 * acknowledged by the broker). A crash or a rebalance in between re-delivers it, with the same
 * {@code X-Stancewire-Alert-Id}, which is what a receiver dedupes on. Alerts of a subscription deleted since, or
 * without a webhook, are recorded as skipped and committed.
 */
public final class WebhookNotifier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);
    /** Small batches keep a batch of worst-case retries (see {@link NotifierSettings#worstCasePerAlert()}) within the poll interval. */
    static final int MAX_POLL_RECORDS = 4;
    static final String SKIPPED = "skipped";

    private final NotifierSettings settings;
    private final Owners owners;
    private final WebhookGuard guard;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final SubscriptionView subscriptions;
    private final HttpClient http;
    private final Thread thread;
    private final MeterRegistry meters;
    private final KafkaClientMetrics consumerMetrics;
    private final KafkaClientMetrics producerMetrics;
    private volatile boolean running = true;

    public WebhookNotifier(NotifierSettings settings, Owners owners) {
        this(settings, owners, new SimpleMeterRegistry());
    }

    /** @param meters gets the delivery outcomes and the Kafka clients' metrics */
    public WebhookNotifier(NotifierSettings settings, Owners owners, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        this.owners = owners;
        this.guard = new WebhookGuard(settings.allowPrivateAddresses());
        long pollInterval = Math.max(Duration.ofMinutes(5).toMillis(),
                settings.worstCasePerAlert().multipliedBy(MAX_POLL_RECORDS).plusMinutes(1).toMillis());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, pollInterval)),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
        this.subscriptions = new SubscriptionView(settings.bootstrapServers());
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect could point anywhere, past the guard
                .build();
        this.thread = new Thread(this::run, "alerts-webhook-notifier");
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(meters);
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(meters);
    }

    public WebhookNotifier start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            consumer.subscribe(java.util.List.of(Topics.ALERTS));
            while (running) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                subscriptions.catchUp(); // every alert was produced after its subscription reached the topic
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!running) {
                        return; // not committed: the next owner of the partition delivers it
                    }
                    if (!handle(record)) {
                        return;
                    }
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
                // The whole batch is settled: commit the positions too, which also step over the transaction
                // markers after the alerts, so that the group's lag reads zero when everything is delivered.
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: whatever is not committed is delivered by the next owner
        } catch (RuntimeException e) {
            log.error("webhook notifier stopped: {}", e.toString(), e);
        } finally {
            consumerMetrics.close();
            producerMetrics.close();
            subscriptions.close();
            producer.close(Duration.ofSeconds(10));
            consumer.close(Duration.ofSeconds(10));
        }
    }

    /** @return false when stopped before the alert was settled (it must not be committed) */
    private boolean handle(ConsumerRecord<String, byte[]> record) {
        Alert alert;
        try {
            alert = Json.read(record.value() == null ? new byte[0] : record.value(), Alert.class);
        } catch (InvalidRecordException e) {
            record(deadLetter(record, "invalid-json", e.getMessage()), null);
            return true;
        }
        Optional<Subscription> subscription = subscriptions.get(alert.subscriptionId());
        if (subscription.isEmpty() || subscription.get().webhookUrl() == null || subscription.get().webhookUrl().isBlank()) {
            record(null, delivery(alert, SKIPPED, 0, subscription.isEmpty() ? "subscription deleted" : "no webhook"));
            return true;
        }
        Optional<String> secret = owners.webhookSecret(alert.owner());
        if (secret.isEmpty()) {
            giveUp(record, alert, 0, "owner " + alert.owner() + " has no webhook secret");
            return true;
        }
        byte[] body = record.value();
        String signature = Signatures.sign(secret.get(), body);
        Duration backoff = settings.initialBackoff();
        String lastFailure = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                URI uri = guard.check(subscription.get().webhookUrl());
                int status = post(uri, alert.id(), signature, body);
                if (status / 100 == 2) {
                    record(null, delivery(alert, AlertDelivery.DELIVERED, attempt, null));
                    return true;
                }
                lastFailure = "HTTP " + status;
            } catch (InvalidSubscriptionException e) {
                giveUp(record, alert, attempt, e.getMessage()); // refused by the guard: retrying will not help
                return true;
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            log.info("alert {} attempt {}/{} to {} failed: {}", alert.id(), attempt, settings.maxAttempts(),
                    subscription.get().webhookUrl(), lastFailure);
            if (attempt < settings.maxAttempts() && !sleep(backoff)) {
                return false;
            }
            backoff = NotifierSettings.min(backoff.multipliedBy(2), settings.maxBackoff());
        }
        giveUp(record, alert, settings.maxAttempts(), lastFailure);
        return true;
    }

    private int post(URI uri, String alertId, String signature, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header(Signatures.HEADER, signature)
                .header(Signatures.ALERT_ID_HEADER, alertId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void giveUp(ConsumerRecord<String, byte[]> record, Alert alert, int attempts, String reason) {
        log.warn("alert {} for subscription {} dead-lettered after {} attempts: {}", alert.id(), alert.subscriptionId(), attempts, reason);
        record(deadLetter(record, "webhook-failed", reason), delivery(alert, AlertDelivery.DEAD_LETTERED, attempts, reason));
    }

    /** Waits for the broker's acknowledgement: the offset is committed only once the outcome is durable. */
    private void record(DeadLetter deadLetter, AlertDelivery delivery) {
        try {
            if (deadLetter != null) {
                producer.send(new ProducerRecord<>(Topics.DEAD_LETTER, deadLetter.key(), Json.write(deadLetter))).get();
            }
            if (delivery != null) {
                producer.send(new ProducerRecord<>(Topics.ALERT_DELIVERIES, delivery.key(), Json.write(delivery))).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a delivery", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot record a delivery: " + e.getCause().getMessage(), e.getCause());
        }
        if (deadLetter != null) {
            meters.counter("stancewire.deadletters", "stage", "alerts", "reason", deadLetter.reason()).increment();
        }
        if (delivery != null) {
            meters.counter("stancewire.alerts.deliveries", "status", delivery.status()).increment();
        }
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record, String reason, String error) {
        return DeadLetter.of("alerts", record.topic(), record.partition(), record.offset(), record.key(), reason, error,
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    private static AlertDelivery delivery(Alert alert, String status, int attempts, String reason) {
        return new AlertDelivery(SchemaVersion.CURRENT, alert.id(), alert.subscriptionId(), alert.owner(), status, attempts,
                reason, Instant.now());
    }

    /** @return false when the notifier is being closed */
    private boolean sleep(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return running;
    }

    /** Stops after the alert in hand (an unfinished one stays uncommitted) and closes the clients. */
    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            consumerMetrics.close();
            producerMetrics.close();
            subscriptions.close();
            producer.close(Duration.ofSeconds(10));
            consumer.close(Duration.ofSeconds(10));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
