package io.stancewire.producer;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancewire.model.Article;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.Ids;
import io.stancewire.model.Json;
import io.stancewire.model.SchemaVersion;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code stancewire produce --backfill PATH}: ingests archived feeds (RSS/Atom/RDF files) and article files (HTML
 * pages, or JSON Lines of articles) from a file or a folder tree, through the producer's dedup and transactional
 * publish, keeping each article's original publication date. Nothing is fetched unless {@code fetchPages}. A file
 * that cannot be read, parsed or understood becomes a dead letter with the reason; the run goes on.
 *
 * <p>JSON Lines: one object per line with {@code url} (or {@code canonicalUrl}) and {@code text}, and optionally
 * {@code title}, {@code authors}, {@code publishedAt}, {@code outlet}, {@code languageHint} or {@code language}, {@code guid}
 * ({@link Article}'s own fields, so {@code stancewire.articles.raw} dumps load back).
 */
public final class Backfill {
    /** JSON Lines articles are committed in transactions of this many. */
    static final int ARTICLES_PER_TRANSACTION = 200;

    private final FeedProducer producer;
    private final boolean fetchPages;
    private final long maxFileBytes;

    /** Progress after each file: files done of total, and the sums so far. */
    public record Progress(int filesDone, int filesTotal, int filesFailed, PollSummary total, Path current) {}

    public Backfill(FeedProducer producer, ProducerSettings settings, boolean fetchPages) {
        this.producer = producer;
        this.fetchPages = fetchPages;
        this.maxFileBytes = Math.max(settings.maxFeedBytes(), settings.maxPageBytes());
    }

    /** Files under {@code path} (itself when a file), hidden ones skipped, in a stable order. */
    static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                throw new java.nio.file.NoSuchFileException(path.toString(), null, "nothing to backfill");
            }
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    public PollSummary run(Path path, Consumer<Progress> progress) throws IOException {
        List<Path> files = files(path);
        PollSummary total = PollSummary.EMPTY;
        int failed = 0;
        for (int i = 0; i < files.size(); i++) {
            PollSummary one = ingest(files.get(i));
            if (one.feedsFailed() > 0) {
                failed++;
            }
            total = total.plus(one);
            progress.accept(new Progress(i + 1, files.size(), failed, total, files.get(i)));
        }
        return total;
    }

    enum Kind { FEED, HTML, JSON_LINES }

    /** By extension first; otherwise by the first characters. */
    static Kind kindOf(Path file, byte[] head) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Kind.JSON_LINES;
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return Kind.HTML;
        }
        String start = new String(head, 0, Math.min(head.length, 1024), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (start.startsWith("\ufeff")) {
            start = start.substring(1);
        }
        if (start.startsWith("{")) {
            return Kind.JSON_LINES;
        }
        return start.startsWith("<!doctype html") || start.startsWith("<html") ? Kind.HTML : Kind.FEED;
    }

    PollSummary ingest(Path file) {
        String source = file.toAbsolutePath().toUri().toString();
        try {
            if (Files.size(file) > maxFileBytes) {
                return producer.rejected(source, "too-large", file + " is larger than " + maxFileBytes + " bytes");
            }
            byte[] body = Files.readAllBytes(file);
            return switch (kindOf(file, body)) {
                case FEED -> producer.ingestFeed(source, body, fetchPages);
                case HTML -> ingestHtml(source, body);
                case JSON_LINES -> ingestJsonLines(source, file);
            };
        } catch (IOException e) {
            return producer.rejected(source, "unreadable", "cannot read " + file + ": " + e.getMessage());
        } catch (PublishingStoppedException | org.apache.kafka.common.KafkaException e) {
            // Kafka's trouble, not the file's: the run stops; run it again, what was committed is skipped.
            throw e;
        } catch (RuntimeException e) {
            // Anything the readers did not classify is still this file's problem, not the run's.
            return producer.rejected(source, "backfill-error", file + ": " + e);
        }
    }

    /** A saved page: its own canonical URL (else the file) identifies it; date, title, authors from its metadata. */
    private PollSummary ingestHtml(String source, byte[] body) {
        ExtractedPage page = ArticleExtractor.extract(body, null, URI.create(source));
        String canonical = page.canonicalUrl() == null ? null : UrlCanonicalizer.canonicalize(page.canonicalUrl()).orElse(null);
        List<String> flags = new ArrayList<>(page.flags());
        flags.add("backfill");
        if (canonical == null) {
            canonical = source;
            flags.add("no-canonical-url");
        }
        if (page.text().isBlank()) {
            flags.add("empty");
        }
        String url = canonical.equals(source) ? source : canonical;
        Article a = new Article(SchemaVersion.CURRENT, Ids.articleId(canonical), url, canonical, null, source, null,
                hostOf(canonical), page.title(), page.authors(), page.publishedAt(), Instant.now(), page.language(),
                page.text(), null, flags);
        return producer.ingestArticles(source, List.of(a), List.of());
    }

    private PollSummary ingestJsonLines(String source, Path file) throws IOException {
        PollSummary total = PollSummary.EMPTY;
        List<Article> batch = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    batch.add(article(Json.read(line, JsonNode.class), source));
                } catch (RuntimeException e) {
                    letters.add(DeadLetter.of(FeedProducer.STAGE, source + "#line=" + lineNo, null, null, null,
                            "backfill-bad-line", "line " + lineNo + ": " + messageOf(e), truncate(line)));
                }
                if (batch.size() + letters.size() >= ARTICLES_PER_TRANSACTION) {
                    total = total.plus(producer.ingestArticles(source, batch, letters));
                    batch = new ArrayList<>();
                    letters = new ArrayList<>();
                }
            }
        }
        if (!batch.isEmpty() || !letters.isEmpty()) {
            total = total.plus(producer.ingestArticles(source, batch, letters));
        }
        return new PollSummary(1, 0, 0, total.itemsSeen(), total.published(), total.duplicatesSkipped(),
                total.deadLetters(), 0);
    }

    static Article article(JsonNode n, String source) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String url = text(n, "url");
        String canonical = UrlCanonicalizer.canonicalize(text(n, "canonicalUrl") != null ? text(n, "canonicalUrl") : String.valueOf(url))
                .orElseThrow(() -> new IllegalArgumentException("no http(s) url or canonicalUrl"));
        String text = text(n, "text");
        if (text == null) {
            throw new IllegalArgumentException("no text");
        }
        List<String> authors = new ArrayList<>();
        n.path("authors").forEach(a -> authors.add(a.asText()));
        List<String> flags = new ArrayList<>();
        n.path("flags").forEach(f -> flags.add(f.asText()));
        if (!flags.contains("backfill")) {
            flags.add("backfill");
        }
        if (text.isBlank() && !flags.contains("empty")) {
            flags.add("empty");
        }
        String date = text(n, "publishedAt");
        Instant publishedAt = date == null ? null : Dates.parse(date)
                .orElseThrow(() -> new IllegalArgumentException("publishedAt is not a date: " + date));
        String language = text(n, "languageHint") != null ? text(n, "languageHint") : text(n, "language");
        String outlet = text(n, "outlet") != null ? text(n, "outlet") : hostOf(canonical);
        return new Article(SchemaVersion.CURRENT, Ids.articleId(canonical), url == null ? canonical : url, canonical,
                text(n, "guid"), text(n, "feedUrl") != null ? text(n, "feedUrl") : source, text(n, "feedName"), outlet,
                text(n, "title"), authors, publishedAt, Instant.now(), language, text, null, flags);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String messageOf(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m.lines().findFirst().orElse(m);
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
