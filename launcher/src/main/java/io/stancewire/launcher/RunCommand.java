package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.stancewire.archive.ArchiveServer;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.indexer.IndexSettings;
import io.stancewire.indexer.IndexerThreads;
import io.stancewire.model.Topics;
import io.stancewire.producer.FeedProducer;
import io.stancewire.producer.PollSummary;
import io.stancewire.producer.ProducerSettings;
import io.stancewire.streams.ArticleEnricher;
import io.stancewire.streams.StreamsApp;
import io.stancewire.streams.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline: feeds -> Kafka -> NLP and stance -> Elasticsearch.",
                "Starts a local Kafka broker and Elasticsearch node unless --kafka / --elasticsearch name existing ones,",
                "creates topics and index templates, and keeps polling the feeds until Ctrl-C.",
                "With --once it ingests the feeds once, waits until everything from them is indexed, prints a summary and exits."})
final class RunCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connection;

    @Mixin IndexerOptions indexerOptions;
    @Mixin FeedOptions feedOptions;
    @Mixin AlertOptions alertOptions;

    @Option(names = "--once", description = "Poll every feed once, wait until its articles and quotes are indexed, then exit.")
    boolean once;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "With --once: how long to wait for indexing at most (ISO-8601, default: ${DEFAULT-VALUE}). Env: STANCEWIRE_TIMEOUT.")
    Duration timeout;

    @Mixin ProgressOptions progressOptions;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "8479",
            description = "Port of the quote archive API and the web console on 127.0.0.1 while `run` keeps going (default: ${DEFAULT-VALUE}; 0 = any free port). Env: STANCEWIRE_API_PORT.")
    int apiPort;

    @Option(names = "--streams-threads", paramLabel = "N", defaultValue = "1",
            description = "Stream threads for the NLP stage; they share one copy of the models (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_STREAMS_THREADS.")
    int streamsThreads;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        StopSignal signal = StopSignal.install();
        long started = System.nanoTime();
        out.println("stancewire: starting" + (connection.kafka == null ? " local Kafka" : "")
                + (connection.elasticsearch == null ? " and local Elasticsearch" : "") + " and loading the NLP models ...");
        CompletableFuture<ArticleEnricher> models = CompletableFuture.supplyAsync(ArticleEnricher::loadDefault);
        try (ProcessMetrics metrics = new ProcessMetrics();
             LocalServices services = LocalServices.start(connection, true, true);
             ElasticsearchClient es = ElasticsearchClients.create(services.elasticsearchUrl);
             SampleFeedServer samples = feedOptions.startSampleServerIfNeeded()) {
            out.println("stancewire: " + services.describe());
            Setup.topics(services.bootstrapServers, connection.partitions);
            IndexSettings indexSettings = connection.indexSettings(services.localElasticsearch());
            Setup.indices(es, indexSettings);
            ArticleEnricher enricher = models.join();
            out.printf("stancewire: ready to ingest after %.1f s%n", (System.nanoTime() - started) / 1e9);

            MeterRegistry meters = metrics.registry();
            ProducerSettings producerSettings = feedOptions.settings(services.bootstrapServers, samples, connection.local.dataDir);
            try (StreamsApp streams = new StreamsApp(new StreamsSettings(services.bootstrapServers, StreamsSettings.DEFAULT_APPLICATION_ID,
                         connection.local.dataDir.resolve("streams"), streamsThreads, io.stancewire.streams.NlpLimits.defaults()), enricher, meters);
                 IndexerThreads indexer = new IndexerThreads(indexerOptions.settings(services.bootstrapServers, services.elasticsearchUrl, indexSettings), indexerOptions.threads, es, meters);
                 AlertOptions.Running alerts = alertOptions.startIfConfigured(services.bootstrapServers, meters);
                 FeedProducer producer = new FeedProducer(producerSettings, meters)) {
                streams.start();
                if (alerts != null) {
                    out.println("stancewire: alert subscriptions on http://127.0.0.1:" + alerts.api().port() + "/api/alerts/subscriptions"
                            + " (Authorization: Bearer <api key from " + alertOptions.owners + ">); webhooks are delivered signed");
                }
                Progress progress = new Progress(meters);
                return once ? runOnce(producer, services, es, progress, signal, alerts != null)
                        : runForever(producer, services, progress, signal, metrics,
                                alerts == null ? null : URI.create("http://127.0.0.1:" + alerts.api().port()));
            }
        }
    }

    private int runOnce(FeedProducer producer, LocalServices services, ElasticsearchClient es, Progress progress,
                        StopSignal signal, boolean alertsDelivered) throws InterruptedException {
        TopicWindow window = TopicWindow.markEnd(services.bootstrapServers, Topics.ARTICLES_RAW);
        PollSummary summary = producer.pollOnce();
        out.println("stancewire: " + summary);
        Set<String> published = window.keysSinceMark();
        out.println("stancewire: waiting until " + published.size() + " new article(s) and everything else in Kafka are processed and indexed ...");
        long[] lastPrint = {System.nanoTime()};
        Runnable tick = () -> {
            if (System.nanoTime() - lastPrint[0] >= progressOptions.interval.toNanos()) {
                progress.printIfChanged(out);
                lastPrint[0] = System.nanoTime();
            }
        };
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean done = caughtUp(services.bootstrapServers, deadline, signal, tick, alertsDelivered);
        IndexedCounts.Counts counts = new IndexedCounts(es).counts(published);
        out.println(progress.line());
        out.printf("stancewire: %s. This run: %d new article(s), %d quote(s) indexed.%n",
                done ? "done" : "NOT complete (timed out or stopped)", counts.articles(), counts.quotes());
        out.println("stancewire: look at them: curl '" + services.elasticsearchUrl + "/stancewire-quotes/_search?pretty&q=*'"
                + " (the local node stops with this command; `./stancewire elasticsearch` keeps one up)");
        return done ? 0 : 1;
    }

    /**
     * Waits until every consumer group of the pipeline has processed everything committed to its topics: the
     * articles this run published, and also whatever earlier runs left (a crash, a bad record), so both are
     * processed and indexed (and, with alerts, delivered) before {@code --once} returns.
     */
    private boolean caughtUp(String bootstrapServers, long deadline, StopSignal signal, Runnable tick, boolean alertsDelivered)
            throws InterruptedException {
        try (ConsumerLag lag = new ConsumerLag(bootstrapServers)) {
            while (!signal.flag().get() && System.nanoTime() < deadline) {
                if (lag.of(ConsumerLag.STREAMS) == 0 && lag.of(ConsumerLag.INDEXER) == 0
                        && (!alertsDelivered || lag.of(ConsumerLag.ALERTS) == 0)) {
                    return true;
                }
                tick.run();
                Thread.sleep(500);
            }
            return false;
        }
    }

    /** @param alertsApi the alerts API to forward the console's alerts page to, null when alerts are off */
    private int runForever(FeedProducer producer, LocalServices services, Progress progress, StopSignal signal,
                           ProcessMetrics metrics, URI alertsApi) throws Exception {
        try (ArchiveServer api = ArchiveServer.start(apiPort, services.elasticsearchUrl, metrics.handler(), alertsApi)) {
            Thread polling = signal.stopOnFailure(Thread.ofPlatform().name("producer")).start(() -> producer.run(signal.flag()));
            out.println("stancewire: console on http://localhost:" + api.port() + "/ (search, speakers, export"
                    + (alertsApi == null ? "; alerts need --owners" : ", alerts") + ")");
            out.println("stancewire: quote archive API on http://127.0.0.1:" + api.port() + "/api/quotes?speaker=Paul%20Triolo"
                    + " (description: /api/openapi.json)");
            out.println("stancewire: Prometheus metrics on http://127.0.0.1:" + api.port() + "/metrics");
            out.println("stancewire: polling feeds; Ctrl-C to stop");
            progress.printUntilStopped(signal, progressOptions.interval, out);
            polling.join(30_000);
            out.println(progress.line());
            return 0;
        }
    }
}
