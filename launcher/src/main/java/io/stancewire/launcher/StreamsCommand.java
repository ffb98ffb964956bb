package io.stancewire.launcher;

import io.stancewire.streams.ArticleEnricher;
import io.stancewire.streams.NlpLimits;
import io.stancewire.streams.StreamsApp;
import io.stancewire.streams.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Run the streams stage alone: language, entities, quotes, speakers and stance, exactly once.",
                "Needs --kafka (or STANCEWIRE_KAFKA), or starts a local broker. Run several for more throughput."})
final class StreamsCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connection;

    @Option(names = "--application-id", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_APPLICATION_ID.")
    String applicationId;

    @Option(names = "--streams-threads", paramLabel = "N", defaultValue = "1",
            description = "Stream threads; they share one copy of the models (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_STREAMS_THREADS.")
    int threads;

    @Option(names = "--nlp-budget", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "Longest analysis of one article before it is dead-lettered (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_NLP_BUDGET.")
    Duration budget;

    @Mixin ProgressOptions progressOptions;
    @Mixin MetricsOptions metricsOptions;

    @Override
    public Integer call() throws Exception {
        StopSignal signal = StopSignal.install();
        System.out.println("stancewire: loading the NLP models ...");
        ArticleEnricher enricher = ArticleEnricher.loadDefault();
        try (ProcessMetrics metrics = new ProcessMetrics();
             MetricsServer ignored = metricsOptions.startIfConfigured(metrics);
             LocalServices services = LocalServices.start(connection, true, false)) {
            Setup.topics(services.bootstrapServers, connection.partitions);
            var settings = new StreamsSettings(services.bootstrapServers, applicationId, connection.local.dataDir.resolve("streams"),
                    threads, new NlpLimits(NlpLimits.defaults().maxTextChars(), budget));
            try (StreamsApp app = new StreamsApp(settings, enricher, metrics.registry())) {
                app.start();
                new Progress(metrics.registry()).printUntilStopped(signal, progressOptions.interval, System.out);
            }
            return 0;
        }
    }
}
