package io.stancewire.launcher;

import picocli.CommandLine.Option;

import java.time.Duration;

/** How often long-running commands print their progress line. */
final class ProgressOptions {
    @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "PT5S",
            description = "How often to print progress (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_PROGRESS_INTERVAL.")
    Duration interval;
}
