package io.stancewire.launcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.stancewire.producer.FeedProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.stancewire.producer.Backfill;
import io.stancewire.producer.PollSummary;
import io.stancewire.producer.ProducerSettings;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Run the producer stage alone: poll the feeds and publish new articles to Kafka.",
                "Needs --kafka (or STANCEWIRE_KAFKA), or starts a local broker."})
final class ProduceCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Mixin FeedOptions feedOptions;

    @Option(names = "--once", description = "Poll every feed once and exit.")
    boolean once;

    @Option(names = "--backfill", paramLabel = "PATH",
            description = {"Ingest archived feeds (RSS/Atom/RDF files) and article files (HTML, or JSON Lines of articles) from a file or folder,",
                    "keeping their publication dates, through the same dedup and transactional publish as polling; then exit.",
                    "Files that cannot be read become dead letters. The feeds file only lends its settings."})
    Path backfill;

    @Option(names = "--fetch-pages", description = "With --backfill: fetch each feed entry's page (off: the archived feed's own content is the text).")
    boolean fetchPages;

    @Mixin ProgressOptions progressOptions;
    @Mixin MetricsOptions metricsOptions;

    @Override
    public Integer call() throws Exception {
        StopSignal signal = StopSignal.install();
        try (ProcessMetrics metrics = new ProcessMetrics();
             MetricsServer ignored = metricsOptions.startIfConfigured(metrics);
             LocalServices services = LocalServices.start(connection, true, false);
             SampleFeedServer samples = backfill == null ? feedOptions.startSampleServerIfNeeded() : null) {
            Setup.topics(services.bootstrapServers, connection.partitions);
            if (backfill != null) {
                return backfill(services.bootstrapServers, metrics.registry());
            }
            try (FeedProducer producer = new FeedProducer(feedOptions.settings(services.bootstrapServers, samples, connection.local.dataDir), metrics.registry())) {
                if (once) {
                    System.out.println("stancewire: " + producer.pollOnce());
                    return 0;
                }
                Thread polling = signal.stopOnFailure(Thread.ofPlatform().name("producer")).start(() -> producer.run(signal.flag()));
                new Progress(metrics.registry()).printUntilStopped(signal, progressOptions.interval, System.out);
                polling.join(30_000);
                return 0;
            }
        }
    }

    /**
     * Its own transactional id, so a backfill does not fence a producer that is polling meanwhile; both share the
     * seen-set topic, so neither publishes what the other did (short of both publishing one article in the same
     * instant).
     */
    private int backfill(String bootstrapServers, MeterRegistry meters) throws Exception {
        ProducerSettings base = feedOptions.samples() ? ProducerSettings.of(bootstrapServers, List.of())
                : ProducerSettings.load(Path.of(feedOptions.feeds)).withBootstrapServers(bootstrapServers);
        ProducerSettings settings = base.withFeeds(List.of()).withTransactionalId(base.transactionalId() + "-backfill");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long intervalNanos = progressOptions.interval.toNanos();
        long[] lastPrint = {System.nanoTime()};
        try (FeedProducer producer = new FeedProducer(settings, meters)) {
            PollSummary total = new Backfill(producer, settings, fetchPages).run(backfill, p -> {
                if (System.nanoTime() - lastPrint[0] >= intervalNanos || p.filesDone() == p.filesTotal()) {
                    lastPrint[0] = System.nanoTime();
                    out.println(BackfillProgress.line(p));
                }
            });
            out.println("stancewire: backfill done: " + total);
            return 0;
        }
    }
}
