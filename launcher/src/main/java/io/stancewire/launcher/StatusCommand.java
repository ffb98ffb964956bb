package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"How a running pipeline is doing: how far each stage is behind Kafka, the archive's indices and "
                + "their document counts, and the dead letters by stage and reason.",
                "Read-only; starts nothing. Exit code 0 when Kafka and Elasticsearch answered, 1 when one did not."})
final class StatusCommand implements Callable<Integer> {
    @Option(names = "--kafka", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
            description = "Bootstrap servers (default: ${DEFAULT-VALUE}, the local run's broker). Env: STANCEWIRE_KAFKA.")
    String kafka;

    @Option(names = "--elasticsearch", paramLabel = "URL", defaultValue = "http://127.0.0.1:9200",
            description = "Elasticsearch URL (default: ${DEFAULT-VALUE}, the local run's node). Env: STANCEWIRE_ELASTICSEARCH.")
    String elasticsearch;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT15S",
            description = "How long to wait for a service that does not answer (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "One JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PipelineStatus.Report report;
        try (ElasticsearchClient es = ElasticsearchClients.create(elasticsearch)) {
            report = new PipelineStatus(List.of(ConsumerLag.STREAMS, ConsumerLag.INDEXER, ConsumerLag.ALERTS), timeout).read(kafka, es, elasticsearch);
        }
        if (json) {
            out.println(Json.writeString(report));
        } else {
            print(report, out);
        }
        return report.problems().isEmpty() ? 0 : 1;
    }

    static void print(PipelineStatus.Report report, PrintStream out) {
        out.println("Kafka " + report.kafka());
        out.printf(Locale.ROOT, "  %-8s %-28s %14s%n", "stage", "consumer group", "records behind");
        report.lags().forEach(l -> out.printf(Locale.ROOT, "  %-8s %-28s %,14d%n", l.stage(), l.groupId(), l.lag()));
        out.println("Elasticsearch " + report.elasticsearch() + (report.health() == null ? "" : " (cluster " + report.health() + ")"));
        out.printf(Locale.ROOT, "  %-24s %12s%n", "index", "documents");
        report.indices().forEach(i -> out.printf(Locale.ROOT, "  %-24s %12s%n", i.alias(),
                i.documents() == null ? "missing" : String.format(Locale.ROOT, "%,d", i.documents())));
        if (!report.deadLetters().isEmpty()) {
            out.println("Dead letters (replay with `stancewire deadletters replay --stage STAGE --reason REASON`)");
            report.deadLetters().forEach(d -> out.printf(Locale.ROOT, "  %-8s %-32s %,8d%n", d.stage(), d.reason(), d.count()));
        }
        report.problems().forEach(p -> out.println("PROBLEM: " + p));
    }
}
