package io.stancewire.launcher;

import io.stancewire.producer.FeedCheck;
import io.stancewire.producer.FeedConfig;
import io.stancewire.producer.FeedStatus;
import io.stancewire.producer.FeedStatusReader;
import io.stancewire.producer.FeedStatusTable;
import io.stancewire.producer.FeedsFile;
import io.stancewire.producer.OpmlImport;
import io.stancewire.producer.ProducerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "feeds", mixinStandardHelpOptions = true, description = "Work with feeds without running the pipeline.",
        subcommands = {FeedsCommand.Check.class, FeedsCommand.Add.class, FeedsCommand.Remove.class,
                FeedsCommand.ListFeeds.class, FeedsCommand.ImportOpml.class, FeedsCommand.Status.class})
final class FeedsCommand {

    private static PrintStream out() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a feed to the feeds file. A feed whose canonical URL is already there is refused.",
                    "Producer-wide settings and the file's comments are kept (a flow-style feeds list keeps only the leading ones)."})
    static final class Add implements Callable<Integer> {
        @Mixin FeedsFileOption file;

        @Parameters(paramLabel = "URL", description = "The feed's http(s) URL.")
        String url;

        @Option(names = "--name", description = "Short name, shown as the outlet when the feed has none.")
        String name;

        @Option(names = "--language", paramLabel = "CODE", description = "Language hint, e.g. ur or en.")
        String language;

        @Option(names = "--poll-interval", paramLabel = "DURATION", description = "How often to poll (90s, 10m, 1h or PT10M); default: the file's defaultPollInterval.")
        String pollInterval;

        @Option(names = "--tag", paramLabel = "TAG", split = ",", description = "Tags (repeatable or comma-separated).")
        List<String> tags;

        @Override
        public Integer call() {
            FeedConfig feed = new FeedConfig(url, name, language,
                    pollInterval == null ? null : ProducerSettings.parseDuration(pollInterval), tags);
            new FeedsFile(file.file()).add(feed);
            out().println("added " + feed.url() + " to " + file.feeds);
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a feed (matched by canonical URL) from the feeds file.")
    static final class Remove implements Callable<Integer> {
        @Mixin FeedsFileOption file;

        @Parameters(paramLabel = "URL")
        String url;

        @Override
        public Integer call() {
            FeedConfig removed = new FeedsFile(file.file()).remove(url);
            out().println("removed " + removed.url() + " from " + file.feeds);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the feeds of the feeds file: url, name, language, poll interval, tags (tab-separated).")
    static final class ListFeeds implements Callable<Integer> {
        @Mixin FeedsFileOption file;

        @Override
        public Integer call() {
            PrintStream out = out();
            out.println("url\tname\tlanguage\tpollInterval\ttags");
            List<FeedConfig> feeds = new FeedsFile(file.file()).list();
            for (FeedConfig f : feeds) {
                out.println(String.join("\t", f.url(), f.displayName(), f.languageHint() == null ? "" : f.languageHint(),
                        f.pollInterval() == null ? "default" : f.pollInterval().toString(), String.join(",", f.tags())));
            }
            out.println(feeds.size() + " feeds");
            return 0;
        }
    }

    @Command(name = "import-opml", mixinStandardHelpOptions = true,
            description = {"Add the feeds of an OPML 1/2 subscription list (nested outlines with xmlUrl; title or text as the name;",
                    "folders and category values as tags). Feeds already in the file are reported and skipped."})
    static final class ImportOpml implements Callable<Integer> {
        @Mixin FeedsFileOption file;

        @Parameters(paramLabel = "OPML_FILE")
        Path opml;

        @Override
        public Integer call() {
            Path target = file.file();
            long maxBytes = java.nio.file.Files.exists(target) ? ProducerSettings.load(target).maxFeedBytes()
                    : ProducerSettings.of(null, List.of()).maxFeedBytes();
            OpmlImport.Result read = OpmlImport.read(opml, maxBytes);
            FeedsFile.AddResult result = new FeedsFile(target).addAll(read.feeds());
            PrintStream out = out();
            result.added().forEach(f -> out.println("added   " + f.url() + (f.tags().isEmpty() ? "" : "  [" + String.join(", ", f.tags()) + "]")));
            result.duplicates().forEach(d -> out.println("skipped " + d));
            read.skipped().forEach(d -> out.println("skipped " + d));
            out.printf("%d added, %d skipped, from %d feeds in %s%n", result.added().size(),
                    result.duplicates().size() + read.skipped().size(), read.feeds().size() + read.skipped().size(), opml);
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Each feed's health as the producer last published it: last success, items seen, consecutive failures,",
                    "next poll, and the last error or why the feed was disabled. Read from the compacted topic stancewire.producer.feeds."})
    static final class Status implements Callable<Integer> {
        @Option(names = "--kafka", paramLabel = "HOST:PORT", required = true,
                description = "Bootstrap servers of the Kafka cluster the producer publishes to. Env: STANCEWIRE_KAFKA.")
        String kafka;

        @Option(names = "--json", description = "One JSON object per feed (JSON Lines) instead of the table.")
        boolean json;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
                description = "How long to wait for the broker (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() {
            List<FeedStatus> statuses = FeedStatusReader.latest(kafka, timeout);
            if (json) {
                FeedStatusTable.printJson(statuses, out());
            } else {
                FeedStatusTable.printTable(statuses, Instant.now(), out());
            }
            return 0;
        }
    }

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
