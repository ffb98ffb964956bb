package io.stancewire.alerts;

import com.sun.net.httpserver.HttpServer;
import io.stancewire.local.LocalKafka;
import io.stancewire.model.Alert;
import io.stancewire.model.AlertDelivery;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.Json;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Subscription;
import io.stancewire.model.Topics;
import io.stancewire.model.VolumeSpike;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.stancewire.alerts.Fixtures.onQuotes;
import static io.stancewire.alerts.Fixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier on a real broker against a real HTTP server. All tests share one consumer group, as notifier
 * restarts do: each picks up where the previous one committed, and each test asserts on its own subscription.
 */
class WebhookNotifierIT {
    static final String SECRET = "alice-webhook-secret";
    static LocalKafka kafka;
    static HttpServer server;
    /** Requests per path, in arrival order. */
    static final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    /** Paths answering 500 this many more times before 200. */
    static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    record Received(String alertId, String signature, byte[] body) {}

    @BeforeAll
    static void start() throws Exception {
        kafka = LocalKafka.sharedForTests();
        KafkaTestSupport.createTopics(kafka.bootstrapServers());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(
                    exchange.getRequestHeaders().getFirst(Signatures.ALERT_ID_HEADER),
                    exchange.getRequestHeaders().getFirst(Signatures.HEADER), body));
            AtomicInteger fail = failuresLeft.get(path);
            int status = fail != null && fail.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop(0);
    }

    static NotifierSettings settings() {
        return NotifierSettings.defaults(kafka.bootstrapServers()).withGroupId("notifier-it")
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400)).withMaxAttempts(5).withAllowPrivateAddresses(true);
    }

    static Owners owners() {
        return new Owners(Map.of("alice", "key"), Map.of("alice", SECRET));
    }

    static Subscription subscribe(String id) {
        Subscription s = new Subscription(SchemaVersion.CURRENT, id, "alice", id, Subscription.QUOTE, null, null, null, null, null,
                null, null, "http://127.0.0.1:" + server.getAddress().getPort() + "/" + id, null, Instant.now(), false);
        KafkaTestSupport.send(kafka.bootstrapServers(), Topics.SUBSCRIPTIONS, id, s);
        return s;
    }

    static Alert alert(Subscription s, int n) {
        Quote q = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "quote " + n + " for " + s.id(), "");
        Alert alert = new Alert(SchemaVersion.CURRENT, Alert.id(s.id(), q.id()), s.id(), s.owner(), Subscription.QUOTE, q, null, Instant.now());
        KafkaTestSupport.send(kafka.bootstrapServers(), Topics.ALERTS, alert.id(), alert);
        return alert;
    }

    static List<AlertDelivery> deliveries(String subscriptionId) {
        return KafkaTestSupport.readAll(kafka.bootstrapServers(), Topics.ALERT_DELIVERIES, AlertDelivery.class,
                d -> d.subscriptionId().equals(subscriptionId));
    }

    @Test
    void postsTheAlertSignedWithTheOwnersSecret() {
        Subscription s = subscribe("signed");
        Alert alert = alert(s, 1);
        try (WebhookNotifier notifier = new WebhookNotifier(settings(), owners()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> received.containsKey("/signed"));
            Received r = received.get("/signed").getFirst();
            assertThat(r.alertId()).isEqualTo(alert.id());
            assertThat(r.signature()).isEqualTo(Signatures.sign(SECRET, r.body())).startsWith("sha256=").hasSize(7 + 64);
            assertThat(r.signature()).isNotEqualTo(Signatures.sign("another-secret", r.body()));
            assertThat(Json.read(r.body(), Alert.class).id()).isEqualTo(alert.id());
            await().atMost(Duration.ofSeconds(30)).until(() -> !deliveries("signed").isEmpty());
            assertThat(deliveries("signed")).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo(AlertDelivery.DELIVERED);
                assertThat(d.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    void aSpikeAlertsBodyCarriesTheDaysCountsAndTheRuleThatFiredIt() {
        Subscription s = subscribe("spiky");
        Quote q = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "the quote that tipped the day", "");
        VolumeSpike numbers = new VolumeSpike(java.time.LocalDate.parse("2026-11-08"), 6, 2.0, 7, 3.0, 5, 6.0);
        Alert alert = new Alert(SchemaVersion.CURRENT, Alert.id(s.id(), "spike\u00002026-11-08"), s.id(), s.owner(),
                Subscription.SPIKE, q, null, Instant.now(), numbers);
        KafkaTestSupport.send(kafka.bootstrapServers(), Topics.ALERTS, alert.id(), alert);
        try (WebhookNotifier notifier = new WebhookNotifier(settings(), owners()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> received.containsKey("/spiky"));
        }
        Received r = received.get("/spiky").getFirst();
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"spike\":{\"day\":\"2026-11-08\",\"count\":6,"
                + "\"trailingAverage\":2.0,\"trailingDays\":7,\"factor\":3.0,\"minCount\":5,\"threshold\":6.0}");
        assertThat(Json.read(r.body(), Alert.class).spike()).isEqualTo(numbers);
    }

    @Test
    void failingThreeTimesThenSucceedingDeliversOnceWithTheSameId() {
        Subscription s = subscribe("flaky");
        failuresLeft.put("/flaky", new AtomicInteger(3));
        Alert alert = alert(s, 1);
        try (WebhookNotifier notifier = new WebhookNotifier(settings(), owners()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !deliveries("flaky").isEmpty());
        }
        assertThat(received.get("/flaky")).hasSize(4).extracting(Received::alertId).containsOnly(alert.id());
        assertThat(deliveries("flaky")).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(AlertDelivery.DELIVERED);
            assertThat(d.attempts()).isEqualTo(4);
        });
    }

    @Test
    void deadLettersWithTheReasonAfterTheLastAttempt() {
        Subscription s = subscribe("down");
        failuresLeft.put("/down", new AtomicInteger(Integer.MAX_VALUE));
        Alert alert = alert(s, 1);
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (WebhookNotifier notifier = new WebhookNotifier(settings().withMaxAttempts(3), owners(), meters).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !deliveries("down").isEmpty());
        }
        assertThat(received.get("/down")).hasSize(3);
        assertThat(meters.counter("stancewire.alerts.deliveries", "status", AlertDelivery.DEAD_LETTERED).count()).isPositive();
        assertThat(meters.counter("stancewire.deadletters", "stage", "alerts", "reason", "webhook-failed").count()).isPositive();
        assertThat(deliveries("down")).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(AlertDelivery.DEAD_LETTERED);
            assertThat(d.reason()).isEqualTo("HTTP 500");
        });
        assertThat(KafkaTestSupport.readAll(kafka.bootstrapServers(), Topics.DEAD_LETTER, DeadLetter.class,
                d -> alert.id().equals(d.key())))
                .singleElement().satisfies(d -> {
                    assertThat(d.reason()).isEqualTo("webhook-failed");
                    assertThat(d.error()).isEqualTo("HTTP 500");
                    assertThat(d.payload()).contains(alert.id());
                });
    }

    @Test
    void refusesAPrivateWebhookWhenPrivateAddressesAreNotAllowed() {
        Subscription s = subscribe("private");
        alert(s, 1);
        try (WebhookNotifier notifier = new WebhookNotifier(settings().withAllowPrivateAddresses(false), owners()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !deliveries("private").isEmpty());
        }
        assertThat(received.get("/private")).isNull();
        assertThat(deliveries("private")).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(AlertDelivery.DEAD_LETTERED);
            assertThat(d.reason()).contains("internal address");
        });
    }

    @Test
    void aRestartedNotifierLosesNothingAndRepeatsOnlyWithTheSameId() {
        Subscription s = subscribe("restart");
        Set<String> expected = IntStream.range(0, 30).mapToObj(n -> alert(s, n).id()).collect(Collectors.toSet());
        try (WebhookNotifier first = new WebhookNotifier(settings(), owners()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> received.getOrDefault("/restart", List.of()).size() >= 5);
        }
        int beforeRestart = received.get("/restart").size();
        try (WebhookNotifier second = new WebhookNotifier(settings(), owners()).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> received.get("/restart").stream()
                    .map(Received::alertId).collect(Collectors.toSet()).containsAll(expected));
        }
        List<Received> all = received.get("/restart");
        assertThat(beforeRestart).isLessThan(expected.size());
        assertThat(all).allSatisfy(r -> {
            assertThat(Json.read(r.body(), Alert.class).id()).isEqualTo(r.alertId());
            assertThat(r.signature()).isEqualTo(Signatures.sign(SECRET, r.body()));
        });
        assertThat(all.stream().map(Received::alertId).collect(Collectors.toSet())).isEqualTo(expected);
    }
}
