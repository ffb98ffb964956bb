package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.sun.net.httpserver.HttpServer;
import io.stancewire.alerts.AlertsApi;
import io.stancewire.alerts.Owners;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.local.LocalKafka;
import io.stancewire.model.Indices;
import io.stancewire.model.Json;
import io.stancewire.model.TopicSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts from end to end on a real broker and node: a subscription for Paul Triolo turning bearish, then the
 * sample feeds, and a local webhook receives his hardware-gap quote, signed, once.
 */
class AlertsPipelineIT {
    record Delivery(String body, String signature, String alertId) {}

    @Test
    void aSubscriberHearsOfTriolosBearishQuoteOnceAndSigned(@TempDir Path dir) throws Exception {
        var k = CompletableFuture.supplyAsync(() -> LocalKafka.startForTests(dir.resolve("kafka")));
        var e = CompletableFuture.supplyAsync(() -> LocalElasticsearch.startForTests(dir.resolve("es")));
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("X-Stancewire-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Stancewire-Alert-Id")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        Path owners = dir.resolve("owners.properties");
        Files.writeString(owners, "ana.apiKey=key-ana\nana.webhookSecret=secret-ana\n");

        try (LocalKafka kafka = k.join(); LocalElasticsearch node = e.join()) {
            String esUrl = node.httpUrl().toString().replaceAll("/$", "");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                TopicSetup.ensureTopics(admin, 3, Optional.empty());
            }
            try (AlertsApi api = AlertsApi.start(kafka.bootstrapServers(), Owners.load(owners), "127.0.0.1", 0, true)) {
                String subscription = Json.writeString(Map.of("name", "Triolo turns bearish", "speaker", "Paul Triolo",
                        "stance", "AGAINST", "webhookUrl", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"));
                HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + api.port() + "/api/alerts/subscriptions"))
                        .header("Authorization", "Bearer key-ana").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(subscription)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }

            int exit = Main.commandLine().execute("run", "--once", "--kafka", kafka.bootstrapServers(), "--elasticsearch", esUrl,
                    "--data-dir", dir.resolve("run").toString(), "--samples-port", Integer.toString(LocalKafka.freePorts(1)[0]),
                    "--owners", owners.toString(), "--alerts-port", "0", "--allow-private-webhooks", "--timeout", "PT5M");
            assertThat(exit).isZero();

            List<Map> bearish = trioloAgainst(esUrl);
            assertThat(bearish).as("Triolo's AGAINST quotes in the archive").isNotEmpty();
            assertThat(deliveries).as("one delivery per matching quote, no repeats").hasSize(bearish.size());
            assertThat(deliveries).extracting(Delivery::alertId).doesNotHaveDuplicates();
            for (Delivery d : deliveries) {
                assertThat(d.signature()).isEqualTo("sha256=" + hmac("secret-ana", d.body()));
                assertThat(d.body()).contains("Paul Triolo").contains("AGAINST");
            }
            assertThat(deliveries).anySatisfy(d -> assertThat(d.body()).contains("فرق"));
        } finally {
            webhook.stop(0);
        }
    }

    private static List<Map> trioloAgainst(String esUrl) throws Exception {
        try (ElasticsearchClient es = ElasticsearchClients.create(esUrl)) {
            es.indices().refresh(r -> r.index(Indices.QUOTES));
            return es.search(s -> s.index(Indices.QUOTES).size(100)
                            .q("speaker.name.keyword:\"Paul Triolo\" AND stance.label:AGAINST"), Map.class)
                    .hits().hits().stream().map(Hit::source).toList();
        }
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
