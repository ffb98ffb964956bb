package io.stancewire.launcher;

import io.stancewire.archive.ArchiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics option of the stage commands, and {@code GET /metrics} on both servers that serve it. */
class MetricsTest {

    @Test
    void metricsAreOffUnlessAPortIsGivenOnTheCommandLineInTheEnvironmentOrInTheFile(@TempDir Path dir) throws Exception {
        for (Supplier<Object> command : List.<Supplier<Object>>of(ProduceCommand::new, StreamsCommand::new, IndexCommand::new)) {
            assertThat(metricsOf(command.get(), Map.of("STANCEWIRE_CONFIG_UNUSED", "x")).port).isNull();
            assertThat(metricsOf(command.get(), Map.of("STANCEWIRE_METRICS_PORT", "9464")).port).isEqualTo(9464);
            assertThat(metricsOf(command.get(), Map.of("STANCEWIRE_METRICS_PORT", "9464"), "--metrics-port", "9500").port).isEqualTo(9500);

            Path file = dir.resolve("stancewire.properties");
            Files.writeString(file, "metrics-port=9465\nmetrics-host=0.0.0.0\n");
            MetricsOptions fromFile = metricsOf(command.get(), Map.of("STANCEWIRE_CONFIG", file.toString()));
            assertThat(fromFile.port).isEqualTo(9465);
            assertThat(fromFile.host).isEqualTo("0.0.0.0");
            assertThat(metricsOf(command.get(), Map.of("STANCEWIRE_CONFIG_UNUSED", "x")).host).isEqualTo("127.0.0.1");
        }
        assertThat(new MetricsOptions().startIfConfigured(null)).as("no port, no server").isNull();
    }

    @Test
    void theMetricsServerServesTheStagesCountersAndTheJvmsInPrometheusFormat() throws Exception {
        try (ProcessMetrics metrics = new ProcessMetrics();
             MetricsServer server = MetricsServer.start("127.0.0.1", 0, metrics)) {
            metrics.registry().counter("stancewire.producer.articles.published").increment(3);
            metrics.registry().counter("stancewire.deadletters", "stage", "streams", "reason", "invalid-json").increment();

            HttpResponse<String> response = get(server.port(), "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
            assertThat(sample(response.body(), "stancewire_producer_articles_published_total")).isEqualTo(3.0);
            assertThat(sample(response.body(), "stancewire_deadletters_total{reason=\"invalid-json\",stage=\"streams\"}")).isEqualTo(1.0);
            assertThat(sample(response.body(), "jvm_memory_used_bytes{area=\"heap\"")).isPositive();
            assertThat(sample(response.body(), "jvm_threads_live_threads")).isPositive();
            assertThat(sample(response.body(), "process_uptime_seconds")).isPositive();
            assertThat(sample(response.body(), "system_cpu_count")).isPositive();
            assertThat(response.body()).contains("jvm_gc_", "process_cpu_usage", "jvm_classes_loaded_classes", "jvm_info{");
            assertThat(get(server.port(), "/other").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theArchiveApiOfRunServesMetricsOnItsOwnPort() throws Exception {
        try (ProcessMetrics metrics = new ProcessMetrics();
             // /metrics reads no index: nothing needs to listen at this Elasticsearch address
             ArchiveServer api = ArchiveServer.start(0, "http://127.0.0.1:9", metrics.handler())) {
            metrics.registry().counter("stancewire.indexer.indexed", "index", "stancewire-quotes").increment(13);

            HttpResponse<String> response = get(api.port(), "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(sample(response.body(), "stancewire_indexer_indexed_total{index=\"stancewire-quotes\"}")).isEqualTo(13.0);
            assertThat(response.body()).contains("jvm_memory_used_bytes");
            assertThat(api.routes()).as("not an API route").doesNotContain("/metrics");
        }
    }

    @Test
    void stateStoreMetricsOfEveryKindOfStoreAreExported() {
        try (ProcessMetrics metrics = new ProcessMetrics()) {
            // as Kafka Streams tags them: the id's key names the kind of store
            metrics.registry().gauge("kafka.stream.state.put.rate", io.micrometer.core.instrument.Tags.of("thread.id", "t", "rocksdb.state.id", "seen"), 2.0);
            metrics.registry().gauge("kafka.stream.state.put.rate", io.micrometer.core.instrument.Tags.of("thread.id", "t", "in.memory.state.id", "subs"), 3.0);

            String scrape = metrics.scrape();

            assertThat(sample(scrape, "kafka_stream_state_put_rate{state_id=\"seen\",store_type=\"rocksdb\"")).isEqualTo(2.0);
            assertThat(sample(scrape, "kafka_stream_state_put_rate{state_id=\"subs\",store_type=\"in.memory\"")).isEqualTo(3.0);
        }
    }

    private static MetricsOptions metricsOf(Object command, Map<String, String> env, String... args) throws Exception {
        new CommandLine(command).setDefaultValueProvider(new EnvironmentDefaults(env)).parseArgs(args);
        return (MetricsOptions) command.getClass().getDeclaredField("metricsOptions").get(command);
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the first sample whose line starts with {@code prefix} (a name, or a name and its first labels). */
    static double sample(String scrape, String prefix) {
        return scrape.lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + prefix + " in:\n" + scrape));
    }
}
