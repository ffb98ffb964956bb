package io.stancewire.launcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.producer.FeedProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Run the producer stage alone: poll the feeds and publish new articles to Kafka.",
                "Needs --kafka (or STANCEWIRE_KAFKA), or starts a local broker."})
final class ProduceCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Mixin FeedOptions feedOptions;

    @Option(names = "--once", description = "Poll every feed once and exit.")
    boolean once;

    @Mixin ProgressOptions progressOptions;

    @Override
    public Integer call() throws Exception {
        StopSignal signal = StopSignal.install();
        MeterRegistry meters = new SimpleMeterRegistry();
        try (LocalServices services = LocalServices.start(connection, true, false);
             SampleFeedServer samples = feedOptions.startSampleServerIfNeeded()) {
            Setup.topics(services.bootstrapServers, connection.partitions);
            try (FeedProducer producer = new FeedProducer(feedOptions.settings(services.bootstrapServers, samples, connection.local.dataDir), meters)) {
                if (once) {
                    System.out.println("stancewire: " + producer.pollOnce());
                    return 0;
                }
                Thread polling = signal.stopOnFailure(Thread.ofPlatform().name("producer")).start(() -> producer.run(signal.flag()));
                new Progress(meters).printUntilStopped(signal, progressOptions.interval, System.out);
                polling.join(30_000);
                return 0;
            }
        }
    }
}
