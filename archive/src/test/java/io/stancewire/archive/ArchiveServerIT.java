package io.stancewire.archive;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.indexer.IndexSettings;
import io.stancewire.indexer.IndexSetup;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.model.Json;
import io.stancewire.model.Quote;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API on a real node with 10,000 quotes. */
class ArchiveServerIT {
    static final int QUOTES = 10_000;

    @TempDir
    static Path dir;
    static LocalElasticsearch node;
    static ArchiveServer server;
    static HttpClient http;
    static List<Quote> quotes;
    static Map<String, Quote> byId;

    @BeforeAll
    static void start() throws Exception {
        node = LocalElasticsearch.startForTests(dir);
        try (ElasticsearchClient es = ElasticsearchClients.create(node.httpUrl().toString())) {
            new IndexSetup(es, IndexSettings.local()).install();
            quotes = QuoteFixtures.generate(QUOTES, 7);
            QuoteFixtures.index(es, quotes);
        }
        byId = quotes.stream().collect(Collectors.toMap(Quote::id, Function.identity()));
        assertThat(byId).hasSize(QUOTES);
        server = ArchiveServer.start(0, node.httpUrl().toString());
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        if (http != null) http.close();
        if (server != null) server.close();
        if (node != null) node.close();
    }

    @Test
    void csvExportHasEveryQuoteOnceAndSurvivesARealParser() throws Exception {
        Path file = dir.resolve("export.csv");
        HttpResponse<Path> response = http.send(get("/api/quotes/export?format=csv"), HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment; filename=\"stancewire-quotes-").endsWith(".csv\""));

        String raw = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(raw).startsWith(String.join(",", ExportRow.COLUMNS) + "\r\n");
        assertThat(raw).contains("\"Beijing's \"\"AI plus\"\" plan is mostly industrial policy, said differently\"");

        Set<String> seen = new HashSet<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            assertThat(parser.getHeaderNames()).isEqualTo(ExportRow.COLUMNS);
            for (CSVRecord record : parser) {
                assertThat(record.isConsistent()).isTrue();
                Quote quote = byId.get(record.get("id"));
                assertThat(quote).as("exported id %s", record.get("id")).isNotNull();
                assertThat(seen.add(quote.id())).as("%s exported once", quote.id()).isTrue();
                assertThat(record.get("text")).isEqualTo(quote.text());
                assertThat(record.get("context")).isEqualTo(quote.context());
                assertThat(record.get("title")).isEqualTo(quote.title());
                assertThat(record.get("speaker")).isEqualTo(quote.speaker().name());
                assertThat(record.get("affiliation")).isEqualTo(quote.speaker().affiliation());
                assertThat(record.get("label")).isEqualTo(quote.stances().getFirst().label());
                assertThat(Double.parseDouble(record.get("confidence"))).isEqualTo(quote.stances().getFirst().confidence());
                assertThat(record.get("evidence")).isEqualTo(String.join(" | ", quote.stances().getFirst().evidence()));
                assertThat(Instant.parse(record.get("publishedAt"))).isEqualTo(quote.publishedAt());
                assertThat(Integer.parseInt(record.get("begin"))).isEqualTo(quote.begin());
                assertThat(record.get("url")).isEqualTo(quote.url());
            }
            assertThat(parser.getRecordNumber()).isEqualTo(QUOTES);
        }
        assertThat(seen).hasSize(QUOTES);
        // The fixtures' hard cases are in there, so the loop above checked them.
        assertThat(quotes).anySatisfy(q -> assertThat(q.text()).contains("\n"));
        assertThat(quotes).anySatisfy(q -> assertThat(q.text()).contains("\"").contains(","));
        assertThat(quotes).anySatisfy(q -> assertThat(q.language()).isEqualTo("ur"));
        assertThat(raw).contains("چین مصنوعی ذہانت میں تیزی سے آگے بڑھ رہا ہے، اور ہمیں اس سے سیکھنا ہوگا");
    }

    @Test
    void jsonLinesExportHasEveryQuoteOnce() throws Exception {
        HttpResponse<InputStream> response = http.send(get("/api/quotes/export?format=jsonl"), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/x-ndjson"));
        Set<String> seen = new HashSet<>();
        String previousKey = null;
        try (var lines = new java.io.BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                ExportRow row = Json.read(line, ExportRow.class);
                Quote quote = byId.get(row.id());
                assertThat(quote).isNotNull();
                assertThat(seen.add(row.id())).isTrue();
                assertThat(row.text()).isEqualTo(quote.text());
                assertThat(row.context()).isEqualTo(quote.context());
                assertThat(row.evidence()).isEqualTo(quote.stances().getFirst().evidence());
                assertThat(row.publishedAt()).isEqualTo(quote.publishedAt());
                String key = (Long.MAX_VALUE - row.publishedAt().toEpochMilli()) + "/" + row.id();
                if (previousKey != null) {
                    assertThat(key).as("archive order").isGreaterThan(previousKey);
                }
                previousKey = key;
            }
        }
        assertThat(seen).hasSize(QUOTES);
    }

    @Test
    void filteredExportHasExactlyTheMatchingQuotes() throws Exception {
        HttpResponse<String> response = http.send(get("/api/quotes/export?format=jsonl&speaker=" + enc("احسن اقبال") + "&label=FAVOR"),
                HttpResponse.BodyHandlers.ofString());
        Set<String> expected = quotes.stream().filter(q -> q.speaker().name().equals("احسن اقبال")
                && q.stances().getFirst().label().equals("FAVOR")).map(Quote::id).collect(Collectors.toSet());
        assertThat(response.body().lines().map(l -> Json.read(l, ExportRow.class).id()).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void searchPagesThroughTheApi() throws Exception {
        Set<String> expected = quotes.stream().filter(q -> q.speaker().name().equals("Paul Triolo")
                && q.stances().getFirst().label().equals("AGAINST")).map(Quote::id).collect(Collectors.toSet());
        String base = "/api/quotes?speaker=" + enc("Paul Triolo") + "&label=AGAINST&size=100";
        JsonNode first = json(base, 200);
        assertThat(first.get("total").asLong()).isEqualTo(expected.size());
        assertThat(first.get("facets").get("speakers").get(0).get("key").asText()).isEqualTo("Paul Triolo");
        assertThat(first.get("facets").get("labels")).hasSize(1);
        List<String> ids = new ArrayList<>();
        JsonNode page = first;
        while (true) {
            page.get("hits").forEach(h -> ids.add(h.get("quote").get("id").asText()));
            if (page.get("next").isNull()) {
                break;
            }
            page = json(base + "&after=" + enc(page.get("next").asText()), 200);
            assertThat(page.get("facets").isNull()).isTrue();
        }
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void quoteByIdAndNotFound() throws Exception {
        Quote quote = quotes.get(123);
        JsonNode found = json("/api/quotes/" + quote.id(), 200);
        assertThat(found.get("text").asText()).isEqualTo(quote.text());
        assertThat(found.get("stance").get("label").asText()).isEqualTo(quote.stances().getFirst().label());
        JsonNode missing = json("/api/quotes/nope", 404);
        assertThat(missing.get("error").asText()).isEqualTo("not-found");
        assertThat(missing.get("message").asText()).contains("nope");
        assertThat(json("/api/nothing-here", 404).get("error").asText()).isEqualTo("not-found");
    }

    @Test
    void alertsAnswerThatTheyAreOffWhenNoAlertsApiIsRunning() throws Exception {
        JsonNode error = json("/api/alerts/subscriptions", 404);
        assertThat(error.get("error").asText()).isEqualTo("alerts-off");
        assertThat(error.get("message").asText()).contains("--owners");
    }

    @Test
    void speakerStanceRoute() throws Exception {
        JsonNode stance = json("/api/speakers/" + enc("Kai-Fu Lee").replace("+", "%20") + "/stance", 200);
        long expected = quotes.stream().filter(q -> q.speaker().name().equals("Kai-Fu Lee")).count();
        long total = 0;
        for (JsonNode week : stance.get("weeks")) {
            total += week.get("total").asLong();
        }
        assertThat(total).isEqualTo(expected);
    }

    @Test
    void badParametersAnswer400WithTheParameterNamed() throws Exception {
        Map<String, String> bad = Map.of(
                "/api/quotes?size=abc", "size",
                "/api/quotes?size=100000", "size",
                "/api/quotes?label=MAYBE", "label",
                "/api/quotes?minConfidence=1.5", "minConfidence",
                "/api/quotes?from=yesterday", "from",
                "/api/quotes?from=2025-02-01&to=2025-01-01", "from",
                "/api/quotes?speeker=x", "speeker",
                "/api/quotes?after=garbage", "after",
                "/api/quotes/export?format=xml", "format",
                "/api/speakers/x/stance?label=SIDEWAYS", "label");
        for (var entry : bad.entrySet()) {
            HttpResponse<String> response = http.send(get(entry.getKey()), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
            JsonNode error = Json.MAPPER.readTree(response.body());
            assertThat(error.get("error").asText()).isEqualTo("bad-request");
            assertThat(error.get("message").asText()).as(entry.getKey()).contains(entry.getValue());
        }
    }

    @Test
    void openApiDescribesEveryRoute() throws Exception {
        JsonNode openApi = json("/api/openapi.json", 200);
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        Set<String> paths = new HashSet<>();
        Iterator<String> names = openApi.get("paths").fieldNames();
        names.forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrderElementsOf(server.routes());
        assertThat(server.routes()).hasSize(5);
        for (String route : server.routes()) {
            assertThat(openApi.get("paths").get(route).has("get")).as(route).isTrue();
            String concrete = route.replace("{id}", quotes.getFirst().id()).replace("{name}", "Paul%20Triolo");
            assertThat(http.send(get(concrete), HttpResponse.BodyHandlers.discarding()).statusCode()).as(concrete).isEqualTo(200);
        }
    }

    private static JsonNode json(String path, int status) throws Exception {
        HttpResponse<String> response = http.send(get(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return Json.MAPPER.readTree(response.body());
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
