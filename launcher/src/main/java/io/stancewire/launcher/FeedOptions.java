package io.stancewire.launcher;

import io.stancewire.producer.ProducerSettings;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which feeds the producer polls: a feeds file, or the bundled samples served from a local HTTP server. */
final class FeedOptions {
    static final String SAMPLES = "samples";

    @Option(names = "--feeds", paramLabel = "FILE", defaultValue = SAMPLES,
            description = "Feeds file (YAML, see config/feeds-online.yaml), or '" + SAMPLES + "' for the bundled sample feeds (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_FEEDS.")
    String feeds;

    @Option(names = "--samples-port", paramLabel = "PORT", defaultValue = "8478",
            description = "Port of the local server for the sample feeds (default: ${DEFAULT-VALUE}). Keep it stable: article ids come from URLs, "
                    + "so another port makes the samples new articles. Env: STANCEWIRE_SAMPLES_PORT.")
    int samplesPort;

    boolean samples() {
        return SAMPLES.equals(feeds);
    }

    /** Starts the sample server when needed; the caller closes it. */
    SampleFeedServer startSampleServerIfNeeded() {
        return samples() ? SampleFeedServer.start(samplesPort) : null;
    }

    ProducerSettings settings(String bootstrapServers, SampleFeedServer samples, Path dataDir) {
        if (samples == null) {
            return ProducerSettings.load(Path.of(feeds)).withBootstrapServers(bootstrapServers);
        }
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("sample-feeds.yaml");
            Files.writeString(file, samples.feedsYaml());
            // The samples live on 127.0.0.1, which the fetcher refuses for real feeds (SSRF).
            return ProducerSettings.load(file).withBootstrapServers(bootstrapServers).withAllowPrivateAddresses(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
