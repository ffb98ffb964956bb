package io.stancewire.archive;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.indexer.IndexSettings;
import io.stancewire.indexer.IndexSetup;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.model.Indices;
import io.stancewire.model.Quote;

import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Run by hand: indexes as many quotes as fit in a time budget into a local node (full JIT, as in production), then
 * prints filtered-search-with-facets latency percentiles and export throughput.
 *
 * <pre>java ... ArchiveBenchmark [maxQuotes=1000000] [indexMinutes=4] [searches=400] [dataDir] [exports=true] [requestCache=true]</pre>
 *
 * The seven query shapes repeat, so with {@code requestCache=true} (the index's default) the facet requests are
 * mostly answered from the shard request cache, as repeated clicks would be between two refreshes; {@code false}
 * turns the cache off on the index for the run, so that every facet count is computed.
 *
 * With a {@code dataDir} from an earlier run (it is printed and kept), the quotes already there are reused, and
 * loading goes on up to {@code maxQuotes} where that run ran out of time (batches are deterministic, so a batch cut
 * short is overwritten, not doubled).
 */
public final class ArchiveBenchmark {
    private ArchiveBenchmark() {}

    public static void main(String[] args) throws Exception {
        int maxQuotes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Duration budget = Duration.ofMinutes(args.length > 1 ? Long.parseLong(args[1]) : 4);
        int searches = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("stancewire-archive-bench");
        System.out.println("data directory (kept for a rerun): " + dir);
        LocalElasticsearch.Options options = LocalElasticsearch.Options.defaults().withDataDir(dir.resolve("es"))
                .withHttpPort(freePort()).withTransportPort(freePort()).withClusterName("archive-bench");
        try (LocalElasticsearch node = LocalElasticsearch.start(options);
             ElasticsearchClient es = ElasticsearchClients.create(node.httpUrl().toString())) {
            new IndexSetup(es, IndexSettings.local()).install();
            long present = es.count(c -> c.index(Indices.QUOTES)).count();
            long indexed = present >= maxQuotes ? present : load(es, present, maxQuotes, budget);
            QuoteArchive archive = new QuoteArchive(es);
            boolean requestCache = args.length <= 5 || Boolean.parseBoolean(args[5]);
            es.indices().putSettings(s -> s.index(Indices.QUOTES)
                    .withJson(new StringReader("{\"index.requests.cache.enable\": " + requestCache + "}")));
            System.out.println("shard request cache: " + (requestCache ? "on" : "off"));
            System.out.printf("cores available: %d, quotes in the archive: %,d%n", Runtime.getRuntime().availableProcessors(), indexed);
            searchLatency(archive, searches);
            if (args.length <= 4 || Boolean.parseBoolean(args[4])) {
                exportRate(archive);
            }
        }
    }

    private static long load(ElasticsearchClient es, long present, int maxQuotes, Duration budget) throws Exception {
        // Bulk loading without a refresh every second, as any large reindex would.
        es.indices().putSettings(s -> s.index(Indices.QUOTES).settings(i -> i.refreshInterval(t -> t.time("-1"))));
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        int batch = (int) (present / 5000);
        long count = batch * 5000L;
        long first = count;
        while (count < maxQuotes && System.nanoTime() < deadline) {
            List<Quote> quotes = QuoteFixtures.generate((int) Math.min(5000, maxQuotes - count), 1_000 + batch++);
            QuoteFixtures.index(es, quotes);
            count += quotes.size();
            if (batch % 20 == 0) {
                System.out.printf("indexed %,d quotes (%.0f/s)%n", count, (count - first) / seconds(start));
            }
        }
        es.indices().putSettings(s -> s.index(Indices.QUOTES).settings(i -> i.refreshInterval(t -> t.time("1s"))));
        es.indices().refresh(r -> r.index(Indices.QUOTES));
        System.out.printf("indexing: %,d quotes in %.1f s (%.0f quotes/s)%n", count - first, seconds(start), (count - first) / seconds(start));
        return count;
    }

    /** First pages with facets and a highlight where there is full text: what the console asks for on every click. */
    private static void searchLatency(QuoteArchive archive, int searches) throws Exception {
        Random random = new Random(1);
        List<Map<String, List<String>>> shapes = List.of(
                Map.of("speaker", List.of("Paul Triolo"), "label", List.of("AGAINST")),
                Map.of("outlet", List.of("Reuters"), "from", List.of("2025-02-01"), "to", List.of("2025-02-28")),
                Map.of("q", List.of("export controls")),
                Map.of("q", List.of("semiconductors"), "label", List.of("FAVOR"), "minConfidence", List.of("0.8")),
                Map.of("organisation", List.of("Nvidia"), "target", List.of("china-ai"), "label", List.of("NEUTRAL")),
                Map.of("language", List.of("ur")),
                Map.of());
        for (int i = 0; i < 50; i++) {
            archive.search(QuoteQuery.parse(shapes.get(i % shapes.size()), Set.of()));
        }
        long[] nanos = new long[searches];
        List<List<Long>> byShape = new ArrayList<>();
        shapes.forEach(shape -> byShape.add(new ArrayList<>()));
        long[] matches = new long[shapes.size()];
        Double[] sampled = new Double[shapes.size()];
        long totalHits = 0;
        for (int i = 0; i < searches; i++) {
            int shape = random.nextInt(shapes.size());
            QuoteQuery query = QuoteQuery.parse(shapes.get(shape), Set.of());
            long t = System.nanoTime();
            SearchPage page = archive.search(query);
            nanos[i] = System.nanoTime() - t;
            long total = page.total();
            sampled[shape] = page.facets().sampleProbability();
            totalHits += total;
            matches[shape] = total;
            byShape.get(shape).add(nanos[i]);
        }
        for (int i = 0; i < shapes.size(); i++) {
            List<Long> times = byShape.get(i).stream().sorted().toList();
            if (!times.isEmpty()) {
                System.out.printf("  %-90s %,9d matches: p50 %6.1f ms, p99 %6.1f ms (%d runs), facets %s%n", shapes.get(i),
                        matches[i], ms(times.get(times.size() / 2)), ms(times.get((int) (times.size() * 0.99))), times.size(),
                        sampled[i] == null ? "exact" : String.format("sampled at %.3f", sampled[i]));
            }
        }
        Arrays.sort(nanos);
        System.out.printf("search with facets, %d queries over %d shapes (mean %,d matches): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                searches, shapes.size(), totalHits / searches, ms(nanos[searches / 2]), ms(nanos[(int) (searches * 0.95)]),
                ms(nanos[(int) (searches * 0.99)]), ms(nanos[searches - 1]));
    }

    private static void exportRate(QuoteArchive archive) throws Exception {
        for (ExportFormat format : ExportFormat.values()) {
            for (Map<String, List<String>> filter : List.of(Map.of("speaker", List.of("Jensen Huang")), Map.<String, List<String>>of())) {
                CountingStream out = new CountingStream();
                long start = System.nanoTime();
                long rows = archive.export(QuoteQuery.parse(filter, Set.of()), format, out);
                double s = seconds(start);
                System.out.printf("export %s %s: %,d quotes, %,d MB in %.1f s = %.0f quotes/s%n", format,
                        filter.isEmpty() ? "(everything)" : filter, rows, out.bytes / 1_000_000, s, rows / s);
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("benchmark JVM heap in use after exports: %d MB%n", (rt.totalMemory() - rt.freeMemory()) / 1_000_000);
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
