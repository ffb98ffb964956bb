package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.stancewire.archive.ExportFormat;
import io.stancewire.archive.QuoteArchive;
import io.stancewire.archive.QuoteQuery;
import io.stancewire.archive.SearchPage;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.indexer.QuoteDocument;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "quotes", mixinStandardHelpOptions = true, description = "Search and export the quote archive in Elasticsearch.",
        subcommands = {QuotesCommand.Search.class, QuotesCommand.Export.class})
final class QuotesCommand {

    /** The archive's filters, the same names as the HTTP API's query parameters. */
    static final class Filters {
        @Option(names = "--speaker", paramLabel = "NAME|ID", description = "Speaker (repeatable).") List<String> speaker = new ArrayList<>();
        @Option(names = "--organisation", paramLabel = "TEXT", description = "A phrase of the speaker's affiliation (\"DGA\" matches \"DGA Group\").") String organisation;
        @Option(names = "--label", paramLabel = "LABEL", description = "FAVOR, AGAINST, NEUTRAL or NONE (repeatable).") List<String> label = new ArrayList<>();
        @Option(names = "--target", paramLabel = "NAME", description = "Stance target the label and confidence apply to.") String target;
        @Option(names = "--min-confidence", paramLabel = "0..1", description = "Lowest stance confidence.") String minConfidence;
        @Option(names = "--outlet", paramLabel = "NAME", description = "Outlet (repeatable).") List<String> outlet = new ArrayList<>();
        @Option(names = "--language", paramLabel = "CODE", description = "Language, e.g. en, ur (repeatable).") List<String> language = new ArrayList<>();
        @Option(names = "--from", paramLabel = "DATE", description = "Published at or after (ISO date or instant).") String from;
        @Option(names = "--to", paramLabel = "DATE", description = "Published before (a date includes that whole day).") String to;
        @Option(names = {"-q", "--query"}, paramLabel = "TEXT", description = "Full text over quote and context; every word required.") String q;

        Map<String, List<String>> params() {
            Map<String, List<String>> p = new LinkedHashMap<>();
            p.put("speaker", speaker);
            p.put("label", label);
            p.put("outlet", outlet);
            p.put("language", language);
            single(p, "organisation", organisation);
            single(p, "target", target);
            single(p, "minConfidence", minConfidence);
            single(p, "from", from);
            single(p, "to", to);
            single(p, "q", q);
            p.values().removeIf(List::isEmpty);
            return p;
        }

        private static void single(Map<String, List<String>> p, String name, String value) {
            if (value != null) {
                p.put(name, List.of(value));
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Print matching quotes as a table, newest first, with counts by speaker and stance.")
    static final class Search implements Callable<Integer> {
        @Option(names = "--elasticsearch", paramLabel = "URL", defaultValue = "http://127.0.0.1:9200",
                description = "Elasticsearch holding the archive (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_ELASTICSEARCH.")
        String elasticsearch;
        @ArgGroup(exclusive = false, heading = "Filters:%n") Filters filters = new Filters();
        @Option(names = "--size", defaultValue = "20", description = "Quotes per page (default: ${DEFAULT-VALUE}).") int size;
        @Option(names = "--after", paramLabel = "CURSOR", description = "The cursor a previous page printed, for the next page.") String after;

        @Override
        public Integer call() throws Exception {
            Map<String, List<String>> params = filters.params();
            params.put("size", List.of(Integer.toString(size)));
            if (after != null) {
                params.put("after", List.of(after));
            }
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            try (ElasticsearchClient client = ElasticsearchClients.create(elasticsearch)) {
                SearchPage page = new QuoteArchive(client).search(QuoteQuery.parse(params, Set.of()));
                out.printf("%d quote(s)%n", page.total());
                for (SearchPage.Hit hit : page.hits()) {
                    out.println(row(hit.quote()));
                }
                if (page.facets() != null) {
                    out.println("by stance:  " + buckets(page.facets().labels()));
                    out.println("by speaker: " + buckets(page.facets().speakers()));
                }
                if (page.next() != null) {
                    out.println("next page:  --after " + page.next());
                }
            }
            return 0;
        }

        static String row(QuoteDocument q) {
            String speaker = q.speaker() == null ? "(unattributed)" : q.speaker().name();
            String stance = q.stance() == null ? "-" : q.stance().label() + String.format(" %.2f", q.stance().confidence());
            String date = q.publishedAt() == null ? "          " : q.publishedAt().toString().substring(0, 10);
            String text = q.text().length() > 100 ? q.text().substring(0, 99) + "…" : q.text();
            return String.format("%s  %-22.22s  %-12s  %s", date, speaker, stance, text.replace('\n', ' '));
        }

        private static String buckets(List<SearchPage.Bucket> buckets) {
            return String.join(", ", buckets.stream().map(b -> b.key() + " " + b.count()).toList());
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Export every matching quote, however many, with provenance (article URL, title, outlet, date, offsets, context).",
                    "Streams from Elasticsearch page by page: memory stays flat. Progress goes to standard error."})
    static final class Export implements Callable<Integer> {
        @Option(names = "--elasticsearch", paramLabel = "URL", defaultValue = "http://127.0.0.1:9200",
                description = "Elasticsearch holding the archive (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_ELASTICSEARCH.")
        String elasticsearch;
        @ArgGroup(exclusive = false, heading = "Filters:%n") Filters filters = new Filters();
        @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default: ${DEFAULT-VALUE}).") String format;
        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write here instead of standard output.") Path out;

        @Override
        public Integer call() throws Exception {
            QuoteQuery query = QuoteQuery.parse(filters.params(), Set.of());
            try (ElasticsearchClient client = ElasticsearchClients.create(elasticsearch);
                 OutputStream sink = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(out))) {
                long started = System.nanoTime();
                long rows = new QuoteArchive(client).export(query, ExportFormat.parse(format), sink);
                sink.flush();
                System.err.printf("stancewire quotes export: %d quote(s) in %.1f s%s%n", rows, (System.nanoTime() - started) / 1e9,
                        out == null ? "" : " to " + out);
            }
            return 0;
        }
    }
}
