package io.stancewire.producer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code stancewire feeds check}: parses feed files or URLs without publishing anything and reports, per input, the
 * feed type and item count, or the reason it failed. Never throws for a bad input; that is what it reports.
 */
public final class FeedCheck implements AutoCloseable {
    private final HttpFetcher fetcher;
    private final long maxBytes;

    /** One line of the report. {@code reason} and {@code error} are null when {@code ok}. */
    public record Result(String input, boolean ok, String feedType, int items, int itemsWithLink, List<String> repairs,
                         String reason, String error) {
        public Result {
            repairs = repairs == null ? List.of() : List.copyOf(repairs);
        }

        /** A tab-separated line: input, OK/FAIL, type or reason, items, repairs or error. */
        public String toTsv() {
            return String.join("\t", input, ok ? "OK" : "FAIL", ok ? feedType : reason, Integer.toString(items),
                    ok ? String.join(",", repairs) : String.valueOf(error).replaceAll("\\s+", " "));
        }
    }

    public FeedCheck(ProducerSettings settings) {
        this.fetcher = new HttpFetcher(settings);
        this.maxBytes = settings.maxFeedBytes();
    }

    /** Checks each input: an http(s) URL is fetched, a directory is expanded to its files, anything else is a file. */
    public List<Result> check(List<String> inputs) {
        List<Result> out = new ArrayList<>();
        for (String input : inputs) {
            String lower = input.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                out.add(checkUrl(input));
            } else if (Files.isDirectory(Path.of(input))) {
                try (Stream<Path> files = Files.list(Path.of(input))) {
                    files.filter(Files::isRegularFile).sorted().forEach(f -> out.add(checkFile(f, null)));
                } catch (IOException e) {
                    out.add(failure(input, new FetchException("unreadable", "cannot list " + input + ": " + e.getMessage())));
                }
            } else {
                out.add(checkFile(Path.of(input), null));
            }
        }
        return out;
    }

    /**
     * What {@code stancewire feeds check} prints: a header, one tab-separated line per input ({@link Result#toTsv()})
     * and a summary line. Returns the number of inputs that failed, for the exit code.
     */
    public int report(List<String> inputs, java.io.PrintStream out) {
        List<Result> results = check(inputs);
        out.println("input\tstatus\ttype_or_reason\titems\trepairs_or_error");
        results.forEach(r -> out.println(r.toTsv()));
        long failed = results.stream().filter(r -> !r.ok()).count();
        out.printf("%d checked, %d ok, %d failed%n", results.size(), results.size() - failed, failed);
        return (int) failed;
    }

    public Result checkUrl(String url) {
        try {
            FetchResult r = fetcher.get(UrlCanonicalizer.parseLenient(url), "application/rss+xml, application/atom+xml, "
                    + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5", maxBytes, ContentTypes::mayBeFeed);
            return checkBytes(url, r.body(), r.contentType(), r.finalUri());
        } catch (FetchException e) {
            return failure(url, e);
        } catch (java.net.URISyntaxException e) {
            return failure(url, new FetchException("invalid-url", "not a URL: " + url));
        }
    }

    /** @param contentType what an HTTP server would have said about the file, or null */
    public Result checkFile(Path file, String contentType) {
        byte[] body;
        try {
            if (Files.size(file) > maxBytes) {
                return failure(file.toString(), new FetchException("too-large", file + " is larger than " + maxBytes + " bytes"));
            }
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            return failure(file.toString(), new FetchException("unreadable", "cannot read " + file + ": " + e.getMessage()));
        }
        return checkBytes(file.toString(), body, contentType, null);
    }

    public static Result checkBytes(String input, byte[] body, String contentType, URI source) {
        try {
            ParsedFeed feed = FeedParser.parse(body, contentType, source);
            int withLink = (int) feed.items().stream().filter(i -> i.link() != null).count();
            return new Result(input, true, feed.feedType(), feed.items().size(), withLink, feed.repairs(), null, null);
        } catch (FetchException e) {
            return failure(input, e);
        } catch (RuntimeException | StackOverflowError e) {
            // FeedParser should have classified it; a report line beats a crash of the whole check.
            return failure(input, new FetchException("parser-crash", e.toString()));
        }
    }

    private static Result failure(String input, FetchException e) {
        return new Result(input, false, null, 0, 0, List.of(), e.reason(), e.getMessage());
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
