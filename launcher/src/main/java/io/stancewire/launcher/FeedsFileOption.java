package io.stancewire.launcher;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The feeds file that {@code feeds add|remove|list|import-opml} edit: the same {@code --feeds} the producer reads. */
final class FeedsFileOption {
    @Option(names = "--feeds", paramLabel = "FILE", required = true,
            description = "Feeds file (YAML, see config/feeds-online.yaml); created by add/import-opml when missing. Env: STANCEWIRE_FEEDS.")
    String feeds;

    Path file() {
        if (FeedOptions.SAMPLES.equals(feeds)) {
            throw new IllegalArgumentException("'" + FeedOptions.SAMPLES + "' are the bundled sample feeds and cannot be edited; give --feeds FILE");
        }
        return Path.of(feeds);
    }
}
