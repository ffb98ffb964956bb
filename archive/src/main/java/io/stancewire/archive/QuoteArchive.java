package io.stancewire.archive;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.stancewire.indexer.QuoteDocument;
import io.stancewire.model.Indices;
import io.stancewire.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Searches and exports the quote archive.
 *
 * <p>Results come in one total order, publishedAt descending then id ascending. Because the id makes that order
 * unique, paging with {@code search_after} returns every quote that exists throughout exactly once. Follow-up pages
 * and exports also read from a point in time, so that the quotes indexed meanwhile do not change a result being paged
 * through; a node without point in time (or a point in time that expired) falls back to plain {@code search_after},
 * which keeps the exactly-once guarantee. The first page opens no point in time: most searches are never paged,
 * and each open one holds segments and counts against the node's limit (300 by default).
 *
 * <p>Facets cost a pass over every matching quote, hits only the top few, so they are a second request made once the
 * total is known: exact up to {@value #EXACT_FACETS_UP_TO} matches, above that counted on a random sample of about
 * {@value #FACET_SAMPLE} quotes and scaled up (Elasticsearch's {@code random_sampler}, fixed seed so the same search
 * gives the same counts), which keeps a search over millions of quotes within the console's latency budget. The page
 * says which it is ({@link SearchPage.Facets#sampleProbability()}); the total and the hits are always exact. The
 * facet request may be answered from the shard request cache until the next refresh.
 */
public final class QuoteArchive {
    private static final Logger log = LoggerFactory.getLogger(QuoteArchive.class);

    static final String KEEP_ALIVE = "2m";
    static final int EXPORT_PAGE = 1000;
    static final int FACET_SIZE = 20;
    static final long EXACT_FACETS_UP_TO = 200_000;
    static final long FACET_SAMPLE = 100_000;
    /** Any fixed seed: the same search then samples the same quotes, so counts do not change from click to click. */
    private static final int SAMPLE_SEED = 20_250_101;
    private static final String EM_OPEN = "<em>";
    private static final String EM_CLOSE = "</em>";

    private final ElasticsearchClient client;
    private final String index;
    private final long exactFacetsUpTo;
    private final long facetSample;
    private volatile Boolean pitSupported;

    public QuoteArchive(ElasticsearchClient client) {
        this(client, Indices.QUOTES);
    }

    public QuoteArchive(ElasticsearchClient client, String index) {
        this(client, index, true);
    }

    /** @param pointInTime false to page with plain search_after, as on a node that has no point in time */
    QuoteArchive(ElasticsearchClient client, String index, boolean pointInTime) {
        this(client, index, pointInTime, EXACT_FACETS_UP_TO, FACET_SAMPLE);
    }

    /** @param exactFacetsUpTo larger results get sampled facets, from about {@code facetSample} quotes */
    QuoteArchive(ElasticsearchClient client, String index, boolean pointInTime, long exactFacetsUpTo, long facetSample) {
        this.client = client;
        this.index = index;
        this.pitSupported = pointInTime ? null : false;
        this.exactFacetsUpTo = exactFacetsUpTo;
        this.facetSample = facetSample;
    }

    /** One page of quotes, with facets on the first page. */
    public SearchPage search(QuoteQuery query) throws IOException {
        boolean firstPage = query.after() == null;
        String pit = firstPage ? null : Optional.ofNullable(query.after().pit()).orElseGet(this::openPit);
        SearchResponse<QuoteDocument> response;
        try {
            response = client.search(request(query, pit, query.size() + 1, firstPage, true), QuoteDocument.class);
        } catch (ElasticsearchException e) {
            if (pit == null || !isMissingContext(e)) {
                throw e;
            }
            log.debug("point in time expired, paging on from a new one");
            pit = openPit();
            response = client.search(request(query, pit, query.size() + 1, false, true), QuoteDocument.class);
        }
        List<Hit<QuoteDocument>> hits = response.hits().hits();
        List<SearchPage.Hit> page = hits.stream().limit(query.size())
                .map(h -> new SearchPage.Hit(h.source(), highlight(h))).toList();
        String next = null;
        String currentPit = response.pitId() != null ? response.pitId() : pit;
        if (hits.size() > query.size()) {
            next = cursorAt(hits.get(query.size() - 1), currentPit).encode();
        } else if (currentPit != null) {
            closePit(currentPit);
        }
        long total = response.hits().total() == null ? page.size() : response.hits().total().value();
        return new SearchPage(total, page, firstPage ? facets(query, total) : null, next);
    }

    /** The quote with this id, wherever the alias keeps it. */
    public Optional<QuoteDocument> get(String id) throws IOException {
        SearchResponse<QuoteDocument> response = client.search(s -> s.index(index)
                .query(q -> q.ids(i -> i.values(id))).size(1), QuoteDocument.class);
        return response.hits().hits().stream().map(Hit::source).findFirst();
    }

    /**
     * Streams every quote that matches, however many, in the search order. Pages of {@value #EXPORT_PAGE} are written
     * and flushed one by one, so memory stays flat.
     *
     * @return how many quotes were written
     */
    public long export(QuoteQuery query, ExportFormat format, OutputStream out) throws IOException {
        String pit = openPit();
        try {
            ExportFormat.RowWriter writer = format.open(out);
            QuoteQuery page = query.withAfter(null);
            long written = 0;
            while (true) {
                SearchResponse<QuoteDocument> response = client.search(request(page, pit, EXPORT_PAGE, false, false),
                        QuoteDocument.class);
                if (response.pitId() != null) {
                    pit = response.pitId();
                }
                List<Hit<QuoteDocument>> hits = response.hits().hits();
                for (Hit<QuoteDocument> hit : hits) {
                    writer.write(ExportRow.of(hit.source()));
                }
                written += hits.size();
                writer.flush();
                if (hits.size() < EXPORT_PAGE) {
                    return written;
                }
                page = page.withAfter(cursorAt(hits.getLast(), null));
            }
        } finally {
            if (pit != null) {
                closePit(pit);
            }
        }
    }

    /** Quotes per week and stance label for the speakers in {@code query}, with its other filters applied. */
    public SpeakerStance speakerStance(QuoteQuery query) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(index).size(0).query(query(query))
                .aggregations("weeks", a -> a
                        .dateHistogram(d -> d.field("publishedAt").calendarInterval(CalendarInterval.Week)
                                .format("yyyy-MM-dd").minDocCount(1))
                        .aggregations("labels", sub -> sub.terms(t -> t.field("stance.label").size(10)))), Void.class);
        List<SpeakerStance.Week> weeks = new ArrayList<>();
        for (DateHistogramBucket week : response.aggregations().get("weeks").dateHistogram().buckets().array()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (StringTermsBucket label : week.aggregations().get("labels").sterms().buckets().array()) {
                counts.put(label.key().stringValue(), label.docCount());
            }
            weeks.add(new SpeakerStance.Week(week.keyAsString(), week.docCount(), counts));
        }
        return new SpeakerStance(String.join(", ", query.speakers()), weeks);
    }

    /** Whether this node gave a point in time; null until the first follow-up page or export asked. */
    public Boolean pointInTimeSupported() {
        return pitSupported;
    }

    private SearchRequest request(QuoteQuery query, String pit, int size, boolean countTotal, boolean highlight) {
        return SearchRequest.of(s -> {
            if (pit == null) {
                s.index(index);
            } else {
                s.pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE)));
            }
            s.query(query(query)).size(size).sort(sort(pit != null)).trackTotalHits(t -> t.enabled(countTotal || highlight));
            if (query.after() != null) {
                s.searchAfter(searchAfter(query.after(), pit != null));
            }
            if (highlight && query.q() != null) {
                s.highlight(h -> h.preTags(EM_OPEN).postTags(EM_CLOSE)
                        .fields(NamedValue.of("text", HighlightField.of(field -> field.numberOfFragments(0)))));
            }
            return s;
        });
    }

    /** Filters in filter context (cached, unscored); only the full-text part is scored and highlighted. */
    static Query query(QuoteQuery q) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (!q.speakers().isEmpty()) {
            bool.filter(f -> f.bool(b -> {
                for (String speaker : q.speakers()) {
                    b.should(s -> s.term(t -> t.field("speaker.name.keyword").value(speaker).caseInsensitive(true)));
                    b.should(s -> s.term(t -> t.field("speaker.id").value(speaker).caseInsensitive(true)));
                }
                return b.minimumShouldMatch("1");
            }));
        }
        if (q.organisation() != null) {
            bool.filter(f -> f.matchPhrase(m -> m.field("speaker.affiliation").query(q.organisation())));
        }
        if (q.target() != null) {
            // Nested, so that label and confidence must hold for the stance on that target, not on another one.
            bool.filter(f -> f.nested(n -> n.path("stances").scoreMode(ChildScoreMode.None)
                    .query(nq -> nq.bool(b -> stanceFilters(b, "stances", q)
                            .filter(t -> t.term(term -> term.field("stances.target").value(q.target())))))));
        } else if (!q.labels().isEmpty() || q.minConfidence() != null) {
            // Without a target, the quote's primary stance: the one the facets, the chart and the export show.
            bool.filter(f -> f.bool(b -> stanceFilters(b, "stance", q)));
        }
        if (!q.outlets().isEmpty()) {
            bool.filter(terms("outlet", q.outlets()));
        }
        if (!q.languages().isEmpty()) {
            bool.filter(terms("language", q.languages()));
        }
        if (q.from() != null || q.to() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("publishedAt");
                if (q.from() != null) {
                    d.gte(q.from().toString());
                }
                if (q.to() != null) {
                    d.lt(q.to().toString());
                }
                return d;
            })));
        }
        if (q.q() != null) {
            // simple_query_string never fails on a researcher's stray quote or bracket, unlike query_string.
            bool.must(m -> m.simpleQueryString(s -> s.query(q.q()).fields("text^2", "context")
                    .defaultOperator(Operator.And)));
        }
        return Query.of(b -> b.bool(bool.build()));
    }

    private static BoolQuery.Builder stanceFilters(BoolQuery.Builder b, String path, QuoteQuery q) {
        if (!q.labels().isEmpty()) {
            b.filter(terms(path + ".label", q.labels()));
        }
        if (q.minConfidence() != null) {
            b.filter(r -> r.range(range -> range.number(nr -> nr.field(path + ".confidence").gte(q.minConfidence()))));
        }
        return b;
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field)
                .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }

    /** With a point in time Elasticsearch adds {@code _shard_doc}; we name it so the search_after values line up. */
    private static List<SortOptions> sort(boolean pit) {
        List<SortOptions> sort = new ArrayList<>(List.of(
                SortOptions.of(s -> s.field(f -> f.field("publishedAt").order(SortOrder.Desc))),
                SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)))));
        if (pit) {
            sort.add(SortOptions.of(s -> s.field(f -> f.field("_shard_doc").order(SortOrder.Asc))));
        }
        return sort;
    }

    /**
     * (publishedAt, id) is unique, so after the last hit's pair nothing with the same pair is left: the largest
     * {@code _shard_doc} stands in for its unknown own one.
     */
    private static List<FieldValue> searchAfter(Cursor after, boolean pit) {
        List<FieldValue> values = new ArrayList<>(List.of(FieldValue.of(after.publishedAt()), FieldValue.of(after.id())));
        if (pit) {
            values.add(FieldValue.of(Long.MAX_VALUE));
        }
        return values;
    }

    private static Cursor cursorAt(Hit<QuoteDocument> hit, String pit) {
        List<FieldValue> sort = hit.sort();
        return new Cursor(sort.get(0).longValue(), sort.get(1).stringValue(), pit);
    }

    /** Counts by speaker, label, outlet and day over the whole result: exact, or scaled from a random sample. */
    private SearchPage.Facets facets(QuoteQuery query, long total) throws IOException {
        // random_sampler takes a probability up to 0.5, or exactly 1 for everything.
        double probability = total <= exactFacetsUpTo ? 1.0 : Math.min(0.5, (double) facetSample / total);
        Map<String, Aggregation> facets = new LinkedHashMap<>();
        facets.put("speakers", Aggregation.of(a -> a.terms(t -> t.field("speaker.name.keyword").size(FACET_SIZE))));
        facets.put("labels", Aggregation.of(a -> a.terms(t -> t.field("stance.label").size(10))));
        facets.put("outlets", Aggregation.of(a -> a.terms(t -> t.field("outlet").size(FACET_SIZE))));
        facets.put("days", Aggregation.of(a -> a.dateHistogram(d -> d.field("publishedAt")
                .fixedInterval(i -> i.time("1d")).format("yyyy-MM-dd").minDocCount(1))));
        SearchResponse<Void> response = client.search(s -> s.index(index).size(0).query(query(query))
                .trackTotalHits(t -> t.enabled(false)).requestCache(true)
                .aggregations("facets", a -> a.randomSampler(r -> r.probability(probability).seed(SAMPLE_SEED))
                        .aggregations(facets)), Void.class);
        JsonNode sample = Json.MAPPER.readTree(response.aggregations().get("facets")._custom().toJson().toString());
        return new SearchPage.Facets(buckets(sample, "sterms#speakers"), buckets(sample, "sterms#labels"),
                buckets(sample, "sterms#outlets"), buckets(sample, "date_histogram#days"),
                probability < 1 ? probability : null);
    }

    /** The client has no type for random_sampler's result, so its sub-aggregations are read as JSON (typed keys). */
    private static List<SearchPage.Bucket> buckets(JsonNode sample, String typedName) {
        List<SearchPage.Bucket> buckets = new ArrayList<>();
        for (JsonNode bucket : sample.path(typedName).path("buckets")) {
            JsonNode key = bucket.has("key_as_string") ? bucket.get("key_as_string") : bucket.get("key");
            buckets.add(new SearchPage.Bucket(key.asText(), bucket.path("doc_count").asLong()));
        }
        return buckets;
    }

    private static String highlight(Hit<QuoteDocument> hit) {
        List<String> fragments = hit.highlight() == null ? null : hit.highlight().get("text");
        return fragments == null || fragments.isEmpty() ? null : fragments.getFirst();
    }

    /** A new point in time on the quotes, or null where the node has none (then we page without one). */
    private String openPit() {
        if (Boolean.FALSE.equals(pitSupported)) {
            return null;
        }
        try {
            String id = client.openPointInTime(o -> o.index(index).keepAlive(k -> k.time(KEEP_ALIVE))).id();
            pitSupported = true;
            return id;
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                throw e;
            }
            log.warn("Elasticsearch gives no point in time ({}); paging with plain search_after, which still returns "
                    + "each quote once but may include quotes indexed while paging", e.getMessage());
            pitSupported = false;
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closePit(String pit) {
        try {
            client.closePointInTime(c -> c.id(pit));
        } catch (IOException | ElasticsearchException e) {
            // It expires by itself after KEEP_ALIVE; not worth failing a finished search for.
            log.debug("could not close point in time: {}", e.toString());
        }
    }

    private static boolean isMissingContext(ElasticsearchException e) {
        String text = e.getMessage() + " " + e.error().type() + " " + e.error().causedBy();
        return e.status() == 404 || text.contains("search_context_missing") || text.contains("No search context found");
    }
}
