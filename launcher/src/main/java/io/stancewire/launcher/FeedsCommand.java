package io.stancewire.launcher;

import io.stancewire.producer.FeedCheck;
import io.stancewire.producer.ProducerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "feeds", mixinStandardHelpOptions = true, description = "Work with feeds without running the pipeline.",
        subcommands = FeedsCommand.Check.class)
final class FeedsCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Parse feeds (files, folders or URLs) without publishing anything, and print per input:",
                    "OK or FAIL, the feed type or the reason, the item count, and the repairs made or the error.",
                    "Exits 0 when every input was handled (parsed, or rejected with a clear error), non-zero only on an internal failure."})
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE|DIR|URL", arity = "1..*", description = "Feeds to check; a folder stands for its files.")
        List<String> inputs;

        @Option(names = "--config", paramLabel = "FILE", description = "A feeds file whose fetch settings (timeouts, limits, user agent) to use.")
        Path config;

        @Option(names = "--allow-private", description = "Allow loopback and private addresses (refused by default: SSRF).")
        boolean allowPrivate;

        @Override
        public Integer call() {
            ProducerSettings settings = config != null ? ProducerSettings.load(config) : ProducerSettings.of(null, List.of());
            if (allowPrivate) {
                settings = settings.withAllowPrivateAddresses(true);
            }
            try (FeedCheck check = new FeedCheck(settings)) {
                // Rejected feeds are answers, not failures of the command: it exits 0 when it could judge every input.
                check.report(inputs, new PrintStream(System.out, true, StandardCharsets.UTF_8));
                return 0;
            }
        }
    }
}
