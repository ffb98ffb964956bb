package io.stancewire.alerts;

import io.stancewire.local.LocalKafka;
import io.stancewire.model.Json;
import io.stancewire.model.Quote;
import io.stancewire.model.Subscription;
import io.stancewire.model.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static io.stancewire.alerts.Fixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;

/** The API on a real broker: keys, ownership, validation, and the topic as the source of truth. */
class AlertsApiIT {
    static final String CAROL = "carol-key";
    static final String DAVE = "dave-key";
    static LocalKafka kafka;
    static AlertsApi api;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        kafka = LocalKafka.sharedForTests();
        KafkaTestSupport.createTopics(kafka.bootstrapServers());
        api = AlertsApi.start(kafka.bootstrapServers(), owners(), "127.0.0.1", 0, false);
    }

    @AfterAll
    static void stop() {
        if (api != null) api.close();
    }

    static Owners owners() {
        return new Owners(Map.of("carol", CAROL, "dave", DAVE), Map.of());
    }

    record Response(int status, String body) {}

    static Response call(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }

    static Subscription create(String key, String json) throws Exception {
        Response r = call("POST", AlertsApi.BASE, key, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return Json.read(r.body(), Subscription.class);
    }

    @Test
    void withoutAValidKeyEveryCallIsRefused() throws Exception {
        assertThat(call("GET", AlertsApi.BASE, null, null).status()).isEqualTo(401);
        assertThat(call("GET", AlertsApi.BASE, "guess", null).status()).isEqualTo(401);
        Response r = call("POST", AlertsApi.BASE, null, "{\"query\":\"chips\"}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("Bearer");
    }

    @Test
    void ownersSeeTestAndDeleteOnlyTheirOwn() throws Exception {
        Subscription s = create(CAROL, """
                {"name":"DGA bearish on chips","organization":"DGA Group","stance":"AGAINST","query":"Blackwell AND export",
                 "webhookUrl":"https://93.184.215.14/hook"}""");
        assertThat(s.owner()).isEqualTo("carol");
        assertThat(s.kind()).isEqualTo(Subscription.QUOTE);

        assertThat(call("GET", AlertsApi.BASE, CAROL, null).body()).contains(s.id());
        assertThat(call("GET", AlertsApi.BASE, DAVE, null).body()).doesNotContain(s.id());
        String path = AlertsApi.BASE + "/" + s.id();
        assertThat(call("DELETE", path, DAVE, null).status()).isEqualTo(404);

        Quote matching = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Blackwell export licences are the choke point", "");
        Quote other = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Huawei is catching up", "");
        assertThat(call("POST", path + "/test", DAVE, Json.writeString(matching)).status()).isEqualTo(404);
        assertThat(call("POST", path + "/test", CAROL, Json.writeString(matching)).body()).isEqualTo("{\"matches\":true}");
        assertThat(call("POST", path + "/test", CAROL, Json.writeString(other)).body()).isEqualTo("{\"matches\":false}");

        // a second API process reads the same topic: the topic, not the first process, holds the subscription
        try (AlertsApi second = AlertsApi.start(kafka.bootstrapServers(), owners(), "127.0.0.1", 0, false)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port() + AlertsApi.BASE))
                    .header("Authorization", "Bearer " + CAROL).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).contains(s.id());
        }

        assertThat(call("DELETE", path, CAROL, null).status()).isEqualTo(204);
        assertThat(call("GET", AlertsApi.BASE, CAROL, null).body()).doesNotContain(s.id());
        assertThat(call("DELETE", path, CAROL, null).status()).isEqualTo(404);
        assertThat(KafkaTestSupport.readAll(kafka.bootstrapServers(), Topics.SUBSCRIPTIONS, Subscription.class,
                sub -> sub.id().equals(s.id()))).hasSize(1); // the create; the delete is a tombstone
    }

    @Test
    void badQueryIsRefusedWithTheParsersMessage() throws Exception {
        Response r = call("POST", AlertsApi.BASE, CAROL, "{\"query\":\"Blackwell AND (export\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(Json.read(r.body(), Map.class).get("error").toString())
                .startsWith("invalid query: Cannot parse 'Blackwell AND (export'").contains("Encountered");
    }

    @Test
    void badInputIsRefusedWithTheReason() throws Exception {
        assertThat(call("POST", AlertsApi.BASE, CAROL, "{not json").status()).isEqualTo(400);
        Response internal = call("POST", AlertsApi.BASE, CAROL, "{\"query\":\"chips\",\"webhookUrl\":\"http://169.254.169.254/latest\"}");
        assertThat(internal.status()).isEqualTo(400);
        assertThat(internal.body()).contains("internal address");
        Response label = call("POST", AlertsApi.BASE, CAROL, "{\"stance\":\"BULLISH\"}");
        assertThat(label.status()).isEqualTo(400);
        assertThat(label.body()).contains("stance must be one of");
        assertThat(call("GET", AlertsApi.BASE, CAROL, null).body()).doesNotContain("169.254").doesNotContain("BULLISH");
    }

    @Test
    void kafkaTopicDeliveryIsValidatedAndItsTopicCreated() throws Exception {
        Subscription s = create(CAROL, "{\"organization\":\"DGA Group\",\"kafkaTopic\":\"carol.desk-alerts\"}");
        assertThat(s.kafkaTopic()).isEqualTo("carol.desk-alerts");
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains("carol.desk-alerts");
        }
        Response badName = call("POST", AlertsApi.BASE, CAROL, "{\"kafkaTopic\":\"desk alerts!\"}");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body()).contains("kafkaTopic").contains("is invalid");
        Response pipeline = call("POST", AlertsApi.BASE, CAROL, "{\"kafkaTopic\":\"" + Topics.QUOTES + "\"}");
        assertThat(pipeline.status()).isEqualTo(400);
        assertThat(pipeline.body()).contains("reserved");
    }

    @Test
    void spikeSubscriptionKeepsItsRuleAndABadRuleIsRefused() throws Exception {
        Subscription s = create(CAROL, """
                {"kind":"spike","stance":"AGAINST","target":"china-ai-competitiveness","spike":{"factor":4,"minCount":10}}""");
        assertThat(s.kind()).isEqualTo(Subscription.SPIKE);
        assertThat(s.spikeRule()).isEqualTo(new io.stancewire.model.SpikeRule(4.0, 7, 10));
        assertThat(call("GET", AlertsApi.BASE, CAROL, null).body()).contains("\"factor\":4.0");
        Response bad = call("POST", AlertsApi.BASE, CAROL, "{\"kind\":\"spike\",\"spike\":{\"trailingDays\":90}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("trailingDays must be between 1 and 28");
    }

    @Test
    void deliveryStatusAddsUpTheLatestOutcomeOfEachAlertForTheOwnerOnly() throws Exception {
        Subscription s = create(CAROL, "{\"speaker\":\"Paul Triolo\",\"webhookUrl\":\"https://93.184.215.14/hook\"}");
        java.time.Instant t = java.time.Instant.parse("2026-11-20T10:00:00Z");
        String bootstrap = kafka.bootstrapServers();
        KafkaTestSupport.send(bootstrap, Topics.ALERT_DELIVERIES, "a1", new io.stancewire.model.AlertDelivery(1, "a1", s.id(), "carol",
                io.stancewire.model.AlertDelivery.DEAD_LETTERED, 5, "HTTP 500", t));
        KafkaTestSupport.send(bootstrap, Topics.ALERT_DELIVERIES, "a1", new io.stancewire.model.AlertDelivery(1, "a1", s.id(), "carol",
                io.stancewire.model.AlertDelivery.DELIVERED, 2, null, t.plusSeconds(60))); // re-delivered later: the latest counts
        KafkaTestSupport.send(bootstrap, Topics.ALERT_DELIVERIES, "a2", new io.stancewire.model.AlertDelivery(1, "a2", s.id(), "carol",
                io.stancewire.model.AlertDelivery.DEAD_LETTERED, 3, "HTTP 410", t.plusSeconds(120)));
        KafkaTestSupport.send(bootstrap, Topics.ALERT_DELIVERIES, "a3", new io.stancewire.model.AlertDelivery(1, "a3", s.id(), "carol",
                io.stancewire.model.AlertDelivery.DEAD_LETTERED, 1, "owner has no webhook secret", t.minusSeconds(60)));

        Response r = call("GET", AlertsApi.DELIVERIES, CAROL, null);
        assertThat(r.status()).isEqualTo(200);
        DeliveryStatus status = java.util.Arrays.stream(Json.read(r.body(), DeliveryStatus[].class))
                .filter(d -> d.subscriptionId().equals(s.id())).findFirst().orElseThrow();
        assertThat(status.delivered()).isEqualTo(1);
        assertThat(status.deadLettered()).isEqualTo(2);
        assertThat(status.failedAttempts()).isEqualTo(1 + 3 + 1);
        assertThat(status.lastError()).isEqualTo("HTTP 410");
        assertThat(call("GET", AlertsApi.DELIVERIES, DAVE, null).body()).doesNotContain(s.id());
    }
}
