package io.stancewire.archive;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.indexer.IndexSettings;
import io.stancewire.indexer.IndexSetup;
import io.stancewire.indexer.QuoteDocument;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.model.Indices;
import io.stancewire.model.Quote;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The search service on a real node, against expectations computed from the indexed quotes themselves. */
class QuoteArchiveIT {
    @TempDir
    static Path dir;
    static LocalElasticsearch node;
    static ElasticsearchClient es;
    static QuoteArchive archive;
    static List<Quote> quotes;

    @BeforeAll
    static void start() throws Exception {
        node = LocalElasticsearch.startForTests(dir);
        es = ElasticsearchClients.create(node.httpUrl().toString());
        new IndexSetup(es, IndexSettings.local()).install();
        quotes = QuoteFixtures.generate(250, 42);
        QuoteFixtures.index(es, quotes);
        archive = new QuoteArchive(es);
    }

    @AfterAll
    static void stop() throws Exception {
        if (es != null) es.close();
        if (node != null) node.close();
    }

    @Test
    void speakerAndLabelReturnJustThoseQuotes() throws Exception {
        Set<String> expected = quotes.stream()
                .filter(q -> q.speaker().name().equals("Paul Triolo"))
                .filter(q -> q.stances().getFirst().label().equals("AGAINST"))
                .map(Quote::id).collect(Collectors.toSet());
        assertThat(expected).isNotEmpty();

        for (String spelling : List.of("Paul Triolo", "paul triolo", "paul-triolo")) {
            SearchPage page = archive.search(QuoteQuery.all().withSpeakers(List.of(spelling))
                    .withLabels(List.of("AGAINST")).withSize(1000));
            assertThat(page.hits()).extracting(h -> h.quote().id()).as(spelling).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(page.total()).isEqualTo(expected.size());
            assertThat(page.next()).isNull();
        }
    }

    @Test
    void labelTargetAndConfidenceMustHoldForTheSameStance() throws Exception {
        QuoteQuery query = QuoteQuery.parse(Map.of("label", List.of("against"), "target", List.of(QuoteFixtures.OTHER_TARGET),
                "minConfidence", List.of("0.5"), "size", List.of("1000")), Set.of());
        Set<String> expected = quotes.stream().filter(q -> q.stances().stream().anyMatch(s ->
                        s.target().equals(QuoteFixtures.OTHER_TARGET) && s.label().equals("AGAINST") && s.confidence() >= 0.5))
                .map(Quote::id).collect(Collectors.toSet());
        assertThat(expected).isNotEmpty();
        assertThat(archive.search(query).hits()).extracting(h -> h.quote().id()).containsExactlyInAnyOrderElementsOf(expected);

        // Without a target the label is the primary stance's, as the facets count it.
        SearchPage primary = archive.search(QuoteQuery.all().withLabels(List.of("NEUTRAL")).withSize(1000));
        assertThat(primary.hits()).extracting(h -> h.quote().id()).containsExactlyInAnyOrderElementsOf(quotes.stream()
                .filter(q -> q.stances().getFirst().label().equals("NEUTRAL")).map(Quote::id).toList());
        assertThat(primary.facets().labels()).containsExactly(new SearchPage.Bucket("NEUTRAL", primary.total()));
    }

    @Test
    void facetsCountTheWholeResult() throws Exception {
        SearchPage page = archive.search(QuoteQuery.all().withSize(5));
        assertThat(page.total()).isEqualTo(quotes.size());
        assertThat(page.hits()).hasSize(5);
        assertThat(buckets(page.facets().speakers())).isEqualTo(count(q -> q.speaker().name()));
        assertThat(buckets(page.facets().labels())).isEqualTo(count(q -> q.stances().getFirst().label()));
        assertThat(buckets(page.facets().outlets())).isEqualTo(count(Quote::outlet));
        assertThat(buckets(page.facets().days())).isEqualTo(count(q -> q.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString()));

        SearchPage filtered = archive.search(QuoteQuery.all().withOutlets(List.of("BBC Urdu")));
        assertThat(buckets(filtered.facets().speakers())).isEqualTo(Map.of("احسن اقبال",
                quotes.stream().filter(q -> q.outlet().equals("BBC Urdu")).count()));
    }

    @Test
    void exactFacetsSaySoAndLargeResultsGetScaledEstimatesFromASample() throws Exception {
        assertThat(archive.search(QuoteQuery.all()).facets().sampleProbability()).isNull();

        // As if 100 quotes were too many to count: facets from a sample of about 50, the total and hits still exact.
        QuoteArchive sampling = new QuoteArchive(es, Indices.QUOTES, true, 100, 50);
        SearchPage page = sampling.search(QuoteQuery.all().withSize(1000));
        assertThat(page.total()).isEqualTo(quotes.size());
        assertThat(page.hits()).hasSize(quotes.size());
        assertThat(page.facets().sampleProbability()).isEqualTo(50.0 / quotes.size());
        long estimated = page.facets().labels().stream().mapToLong(SearchPage.Bucket::count).sum();
        assertThat(estimated).as("label counts scaled up from the sample").isBetween(quotes.size() / 2L, quotes.size() * 2L);
        assertThat(buckets(page.facets().labels()).keySet()).isSubsetOf(QuoteFixtures.LABELS);

        SearchPage again = sampling.search(QuoteQuery.all().withSize(1000));
        assertThat(again.facets()).as("fixed seed: the same search gives the same estimates").isEqualTo(page.facets());
    }

    @Test
    void fullTextSearchesQuoteAndContextAndHighlightsTheQuote() throws Exception {
        SearchPage page = archive.search(QuoteQuery.all().withQ("semiconductors lead").withSize(1000));
        Set<String> expected = quotes.stream().filter(q -> words(q.text() + " " + q.context()).containsAll(Set.of("semiconductors", "lead")))
                .map(Quote::id).collect(Collectors.toSet());
        assertThat(expected).isNotEmpty();
        assertThat(page.hits()).extracting(h -> h.quote().id()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(page.hits()).allSatisfy(h -> assertThat(h.highlight()).contains("<em>semiconductors</em>"));

        // Urdu goes through the standard analyzer too, and the context (not the quote) can be what matches.
        SearchPage urdu = archive.search(QuoteQuery.all().withQ("پابندیوں").withSize(1000));
        assertThat(urdu.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.quote().text()).contains("پابندیوں"));
        SearchPage byRole = archive.search(QuoteQuery.all().withQ("\"founding partner\"").withSize(1000));
        assertThat(byRole.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.quote().speaker().name()).isEqualTo("Arthur Kroeber"));
    }

    @Test
    void pagesReturnEveryQuoteOnceInAStableOrder() throws Exception {
        List<String> seen = new ArrayList<>();
        QuoteQuery query = QuoteQuery.all().withSize(40);
        int pages = 0;
        // Indexed while paging, into a page not read yet: the point in time of the follow-up pages must not see it.
        Quote latecomer = QuoteFixtures.generate(1, 999).getFirst();
        latecomer = new Quote(latecomer.schemaVersion(), latecomer.id(), latecomer.articleId(), latecomer.begin(),
                latecomer.end(), latecomer.text(), latecomer.kind(), latecomer.speaker(), latecomer.cue(), latecomer.context(),
                latecomer.language(), latecomer.stances(), latecomer.url(), latecomer.title(), latecomer.outlet(),
                QuoteFixtures.START.minusSeconds(60));
        try {
            while (true) {
                SearchPage page = archive.search(query);
                pages++;
                page.hits().forEach(h -> seen.add(h.quote().id()));
                if (pages == 2) {
                    QuoteFixtures.index(es, List.of(latecomer));
                }
                if (page.next() == null) {
                    break;
                }
                assertThat(page.hits()).hasSize(40);
                query = query.withAfter(Cursor.decode(page.next()));
            }
        } finally {
            String id = latecomer.id();
            es.delete(d -> d.index(Indices.QUOTES).id(id));
            es.indices().refresh(r -> r.index(Indices.QUOTES));
        }
        assertThat(archive.pointInTimeSupported()).as("the local node serves point in time").isTrue();
        assertThat(pages).isEqualTo(7);
        assertThat(new HashSet<>(seen)).hasSize(250);
        assertThat(seen).containsExactlyElementsOf(QuoteFixtures.inArchiveOrder(quotes).stream().map(Quote::id).toList());
    }

    @Test
    void withoutPointInTimePagesAndExportsStillReturnEveryQuoteOnce() throws Exception {
        QuoteArchive plain = new QuoteArchive(es, Indices.QUOTES, false);
        List<String> seen = new ArrayList<>();
        QuoteQuery query = QuoteQuery.all().withSize(40);
        while (true) {
            SearchPage page = plain.search(query);
            page.hits().forEach(h -> seen.add(h.quote().id()));
            if (page.next() == null) {
                break;
            }
            assertThat(Cursor.decode(page.next()).pit()).isNull();
            query = query.withAfter(Cursor.decode(page.next()));
        }
        List<String> expected = QuoteFixtures.inArchiveOrder(quotes).stream().map(Quote::id).toList();
        assertThat(seen).containsExactlyElementsOf(expected);

        var out = new java.io.ByteArrayOutputStream();
        assertThat(plain.export(QuoteQuery.all(), ExportFormat.JSONL, out)).isEqualTo(quotes.size());
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
                .map(l -> io.stancewire.model.Json.read(l, ExportRow.class).id()).toList()).containsExactlyElementsOf(expected);
        assertThat(plain.pointInTimeSupported()).isFalse();
    }

    @Test
    void organisationMatchesAPhraseOfTheAffiliation() throws Exception {
        SearchPage page = archive.search(QuoteQuery.parse(Map.of("organisation", List.of("dga"), "size", List.of("1000")), Set.of()));
        assertThat(page.total()).isEqualTo(quotes.stream().filter(q -> q.speaker().affiliation().equals("DGA Group")).count());
        assertThat(page.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.quote().speaker().name()).isEqualTo("Paul Triolo"));
    }

    @Test
    void dateRangeIsInclusiveFromExclusiveTo() throws Exception {
        QuoteQuery query = QuoteQuery.parse(Map.of("from", List.of("2025-01-15"), "to", List.of("2025-02-14"),
                "size", List.of("1000")), Set.of());
        Instant from = Instant.parse("2025-01-15T00:00:00Z");
        Instant to = Instant.parse("2025-02-15T00:00:00Z");
        Set<String> expected = quotes.stream().filter(q -> !q.publishedAt().isBefore(from) && q.publishedAt().isBefore(to))
                .map(Quote::id).collect(Collectors.toSet());
        assertThat(expected).isNotEmpty().hasSizeLessThan(quotes.size());
        assertThat(archive.search(query).hits()).extracting(h -> h.quote().id()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void getReturnsTheIndexedDocument() throws Exception {
        Quote quote = quotes.get(7);
        QuoteDocument doc = archive.get(quote.id()).orElseThrow();
        assertThat(doc.text()).isEqualTo(quote.text());
        assertThat(doc.speaker()).isEqualTo(quote.speaker());
        assertThat(doc.stances()).isEqualTo(quote.stances());
        assertThat(doc.publishedAt()).isEqualTo(quote.publishedAt());
        assertThat(archive.get("no-such-id")).isEmpty();
    }

    @Test
    void speakerStanceCountsLabelsPerWeek() throws Exception {
        SpeakerStance stance = archive.speakerStance(QuoteQuery.all().withSpeakers(List.of("Jensen Huang")));
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        for (Quote q : quotes) {
            if (q.speaker().name().equals("Jensen Huang")) {
                String week = q.publishedAt().atZone(ZoneOffset.UTC).toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
                expected.computeIfAbsent(week, w -> new TreeMap<>()).merge(q.stances().getFirst().label(), 1L, Long::sum);
            }
        }
        assertThat(expected).isNotEmpty();
        Map<String, Map<String, Long>> actual = new TreeMap<>();
        stance.weeks().forEach(w -> actual.put(w.week(), new TreeMap<>(w.counts())));
        assertThat(actual).isEqualTo(expected);
        assertThat(stance.weeks()).allSatisfy(w -> assertThat(w.total()).isEqualTo(w.counts().values().stream().mapToLong(Long::longValue).sum()));
    }

    private static Map<String, Long> count(Function<Quote, String> key) {
        return quotes.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static Map<String, Long> buckets(List<SearchPage.Bucket> buckets) {
        return buckets.stream().collect(Collectors.toMap(SearchPage.Bucket::key, SearchPage.Bucket::count));
    }

    private static Set<String> words(String text) {
        return new HashSet<>(List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    }

}
