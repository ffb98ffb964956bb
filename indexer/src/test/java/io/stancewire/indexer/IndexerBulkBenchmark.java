package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.model.Ids;
import io.stancewire.model.Indices;
import io.stancewire.model.Json;
import io.stancewire.model.Mention;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;
import io.stancewire.model.Topics;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run by hand ({@code scripts/bench indexer-bulk}): sustained indexing of quote records into a real local node (full
 * JIT, a fresh data directory, the shipped templates) along the indexer's own path, {@link DocumentRouter} (JSON
 * record to document) then {@link BulkWriter}, in bulks of the indexer's default size; then the same documents one
 * request each, to give the ratio. Kafka is left out: the records are serialised up front, as the consumer would
 * hand them over.
 *
 * <pre>java ... IndexerBulkBenchmark [bulkDocs=300000] [singleDocs=5000] [writers=1,2] [bulkSize=1000] [refreshInterval=backlog]</pre>
 *
 * {@code refreshInterval} {@code backlog} (the default) does what the indexer does with a backlog: the usual 5 s,
 * and {@link BacklogRefresh} checking every 5 s how many records of the phase are left, as the indexer checks its
 * consumers' lag; any Elasticsearch time value instead fixes the interval.
 *
 * The quotes are built from the 70 real quotations of the stance dev set ({@code STANCEWIRE_SHARED_DATA}, else
 * {@code ../shared/data} from the working directory): every speaker, outlet and text recombined, dates over three
 * years, 1–4 quotes per article, a second stance target on one in five.
 */
public final class IndexerBulkBenchmark {
    private static final int WARM_UP = 20_000;

    private IndexerBulkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int bulkDocs = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int singleDocs = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        List<Integer> writerCounts = args.length > 2
                ? List.of(args[2].split(",")).stream().map(Integer::parseInt).toList() : List.of(1, 2);
        int bulkSize = args.length > 3 ? Integer.parseInt(args[3]) : IndexerSettings.defaults("", "").maxPollRecords();
        boolean backlogPolicy = args.length <= 4 || args[4].equals("backlog");
        IndexSettings indexSettings = backlogPolicy ? IndexSettings.local() : IndexSettings.local().withRefreshInterval(args[4]);

        List<JsonNode> samples = samples();
        List<byte[]> records = QuoteRecords.generate(samples, WARM_UP + bulkDocs * writerCounts.size() + singleDocs, 7);
        System.out.printf("%,d quote records from %d real quotations, %.0f bytes each on average%n", records.size(),
                samples.size(), records.stream().mapToInt(r -> r.length).average().orElse(0));

        Path dir = Files.createTempDirectory("stancewire-indexer-bench");
        LocalElasticsearch.Options options = LocalElasticsearch.Options.defaults().withDataDir(dir.resolve("es"))
                .withHttpPort(freePort()).withTransportPort(freePort()).withClusterName("indexer-bench");
        try (LocalElasticsearch node = LocalElasticsearch.start(options);
             ElasticsearchClient es = ElasticsearchClients.create(node.httpUrl().toString())) {
            new IndexSetup(es, indexSettings).install();
            BacklogRefresh backlog = new BacklogRefresh(es, indexSettings.refreshInterval(),
                    backlogPolicy ? BacklogRefresh.Policy.DEFAULT : BacklogRefresh.Policy.OFF, new SimpleMeterRegistry());
            System.out.printf("index settings: %s, backlog: %s%n", indexSettings, backlogPolicy ? BacklogRefresh.Policy.DEFAULT : "off");
            DocumentRouter router = new DocumentRouter(Clock.systemUTC());
            BulkWriter writer = new BulkWriter(es);
            int offset = 0;
            bulk(router, writer, records.subList(offset, offset += WARM_UP), bulkSize, 1, backlog);
            System.out.printf("warm-up: %,d documents in bulks of %d%n", WARM_UP, bulkSize);
            for (int phase = 0; phase < writerCounts.size(); phase++) {
                int writers = writerCounts.get(phase);
                System.out.printf("load average before: %s%n", loadAverage());
                long cpu = cpuNanos();
                double nodeCpu = nodeCpuSeconds(node.pid());
                long start = System.nanoTime();
                bulk(router, writer, records.subList(offset, offset += bulkDocs), bulkSize, writers, backlog);
                double s = seconds(start);
                double clientCpu = (cpuNanos() - cpu) / 1e9;
                nodeCpu = nodeCpuSeconds(node.pid()) - nodeCpu;
                System.out.printf("bulk, %d writer(s), bulks of %d: %,d documents in %.1f s = %,.0f docs/s "
                                + "(CPU: node %.1f s, benchmark JVM %.1f s = %,.0f docs per CPU-second, so %,.0f docs/s "
                                + "if both had the 2 cores to themselves; load average after: %s)%n", writers, bulkSize,
                        bulkDocs, s, bulkDocs / s, nodeCpu, clientCpu, bulkDocs / (nodeCpu + clientCpu),
                        2 * bulkDocs / (nodeCpu + clientCpu), loadAverage());
                double bulkRate = bulkDocs / s;
                if (phase == 0) {
                    double single = single(router, es, records.subList(offset, offset += singleDocs));
                    System.out.printf("one request per document: %,d documents = %,.0f docs/s; bulk (%d writer) / single = %.1f×%n",
                            singleDocs, single, writers, bulkRate / single);
                }
            }
            es.indices().refresh(r -> r.index(Indices.QUOTES));
            long count = es.count(c -> c.index(Indices.QUOTES)).count();
            System.out.printf("documents in %s: %,d (expected %,d: ids are deterministic, every record distinct)%n",
                    Indices.QUOTES, count, offset);
            if (count != offset) {
                throw new IllegalStateException("expected " + offset + " documents, found " + count);
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    /** The node's data is a few hundred MB per run and of no use afterwards. */
    private static void deleteRecursively(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Splits the records into bulks and has {@code writers} threads send them, each one bulk at a time; the records
     * not sent yet are the backlog.
     */
    private static void bulk(DocumentRouter router, BulkWriter writer, List<byte[]> records, int bulkSize, int writers,
                             BacklogRefresh backlog) throws Exception {
        AtomicInteger next = new AtomicInteger();
        int bulks = (records.size() + bulkSize - 1) / bulkSize;
        ScheduledExecutorService lagCheck = Executors.newSingleThreadScheduledExecutor();
        lagCheck.scheduleWithFixedDelay(() -> backlog.observe(Math.max(0, records.size() - (long) next.get() * bulkSize)),
                0, 5, TimeUnit.SECONDS);
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    for (int b = next.getAndIncrement(); b < bulks; b = next.getAndIncrement()) {
                        List<IndexAction> actions = new ArrayList<>(bulkSize);
                        int from = b * bulkSize;
                        for (int i = from; i < Math.min(records.size(), from + bulkSize); i++) {
                            actions.add(route(router, records.get(i), i));
                        }
                        BulkWriter.Outcome outcome = writer.write(actions);
                        if (outcome.indexed() != actions.size()) {
                            throw new IllegalStateException("bulk not fully indexed: " + outcome.retry().size()
                                    + " to retry, rejected " + outcome.rejected());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            lagCheck.shutdownNow();
            lagCheck.awaitTermination(30, TimeUnit.SECONDS);
            backlog.observe(0);
        }
    }

    private static double single(DocumentRouter router, ElasticsearchClient es, List<byte[]> records) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            IndexAction action = route(router, records.get(i), i);
            es.index(x -> x.index(action.index()).id(action.id()).document(action.document()));
        }
        return records.size() / seconds(start);
    }

    private static IndexAction route(DocumentRouter router, byte[] record, long offset) {
        DocumentRouter.Routed routed = router.route(new RecordOrigin(Topics.QUOTES, 0, offset, null, record));
        if (routed instanceof DocumentRouter.Routed.Index index) {
            return index.action();
        }
        throw new IllegalStateException("generated record rejected: " + routed);
    }

    private static List<JsonNode> samples() throws Exception {
        String env = System.getenv("STANCEWIRE_SHARED_DATA");
        Path data = env != null ? Path.of(env) : Path.of("..", "shared", "data");
        Path file = data.resolve("stance").resolve("china-ai-stance-dev.jsonl");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " not found: set STANCEWIRE_SHARED_DATA to the shared data folder");
        }
        List<JsonNode> samples = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                samples.add(Json.MAPPER.readTree(line));
            }
        }
        return samples;
    }

    /** Quote records shaped like the pipeline's, recombined from real quotations. */
    static final class QuoteRecords {
        private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
        private static final List<String> LABELS = List.of("FAVOR", "AGAINST", "NEUTRAL", "NONE");

        private QuoteRecords() {}

        static List<byte[]> generate(List<JsonNode> samples, int count, long seed) {
            Random random = new Random(seed);
            List<byte[]> records = new ArrayList<>(count);
            int article = 0;
            while (records.size() < count) {
                article++;
                JsonNode source = samples.get(random.nextInt(samples.size()));
                JsonNode person = samples.get(random.nextInt(samples.size()));
                String url = source.path("url").asText() + "#" + article;
                String articleId = Ids.articleId(url);
                String outlet = samples.get(random.nextInt(samples.size())).path("outlet").asText();
                Instant publishedAt = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 365 * 3)));
                String title = source.path("why").asText();
                int perArticle = 1 + random.nextInt(4);
                for (int i = 0; i < perArticle && records.size() < count; i++) {
                    JsonNode quoted = samples.get(random.nextInt(samples.size()));
                    String text = quoted.path("quote").asText();
                    if (random.nextBoolean()) {
                        // A second sentence from another quotation, so texts (and the terms index) keep growing.
                        text = text + " " + firstSentence(samples.get(random.nextInt(samples.size())).path("quote").asText());
                    }
                    // As in the pipeline, the context is the sentences the quote stands in, so it contains the quote.
                    String context = quoted.path("context").asText().replace(quoted.path("quote").asText(), text);
                    int begin = 120 + i * 700 + random.nextInt(200);
                    int end = begin + text.length();
                    String name = person.path("speaker").asText();
                    List<Stance> stances = new ArrayList<>();
                    stances.add(new Stance("china-ai", LABELS.get(random.nextInt(LABELS.size())),
                            Math.round((0.35 + random.nextDouble() * 0.65) * 1000) / 1000.0,
                            List.of(text.split(" ")[random.nextInt(Math.min(5, text.split(" ").length))])));
                    if (random.nextInt(5) == 0) {
                        stances.add(new Stance("us-export-controls", LABELS.get(random.nextInt(LABELS.size())),
                                Math.round(random.nextDouble() * 1000) / 1000.0, List.of("controls")));
                    }
                    Speaker speaker = new Speaker(Ids.hash(name).substring(0, 12), name,
                            new Mention(end + 2, end + 2 + name.length(), name), person.path("affiliation").asText(),
                            null, "PERSON");
                    Quote quote = new Quote(SchemaVersion.CURRENT, Ids.quoteId(articleId, begin, end), articleId, begin,
                            end, text, "direct", speaker, "said", context, "en", stances, url, title, outlet, publishedAt);
                    records.add(Json.write(quote));
                }
            }
            return records;
        }

        private static String firstSentence(String text) {
            int dot = text.indexOf(". ");
            return dot < 0 ? text : text.substring(0, dot + 1);
        }
    }

    /** utime + stime of the node's JVM from /proc, in seconds (Linux clock ticks are 100 per second). */
    private static double nodeCpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
