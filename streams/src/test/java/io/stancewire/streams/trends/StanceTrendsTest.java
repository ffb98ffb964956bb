package io.stancewire.streams.trends;

import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;
import io.stancewire.model.StanceTrend;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.stancewire.streams.trends.TrendsHarness.TARGET;
import static io.stancewire.streams.trends.TrendsHarness.person;
import static io.stancewire.streams.trends.TrendsHarness.quote;
import static io.stancewire.streams.trends.TrendsHarness.stance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StanceTrendsTest {
    static final Speaker TRIOLO = person("sp-triolo", "Paul Triolo", "DGA Group");
    static final Speaker DOE = person(null, "Jane Doe", "DGA Group");

    @TempDir
    Path stateDir;
    TrendsHarness h;

    @BeforeEach
    void open() {
        h = new TrendsHarness(stateDir, TrendSettings.defaults());
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void countsPerSpeakerOrganisationAndOutletPerDayAndWeek() {
        // Tuesday and Wednesday of the week that starts on Monday 2026-11-23.
        h.pipe(quote("q1", TRIOLO, "Reuters", "2026-11-24T10:00:00Z", stance("FAVOR", 0.8)));
        h.pipe(quote("q2", DOE, "Reuters", "2026-11-24T11:00:00Z", stance("AGAINST", 0.6)));
        h.pipe(quote("q3", TRIOLO, "Dawn", "2026-11-25T09:00:00Z", stance("FAVOR", 0.9)));

        Map<String, StanceTrend> latest = h.trends.readKeyValuesToMap();

        StanceTrend trioloTuesday = find(latest, StanceTrend.SPEAKER, "sp-triolo", StanceTrend.DAY, "2026-11-24T00:00:00Z").orElseThrow();
        assertThat(trioloTuesday.name()).isEqualTo("Paul Triolo");
        assertThat(trioloTuesday.windowEnd()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(List.of(trioloTuesday.favor(), trioloTuesday.against(), trioloTuesday.neutral(), trioloTuesday.total()))
                .containsExactly(1L, 0L, 0L, 1L);
        assertThat(trioloTuesday.score()).isEqualTo(1.0);

        StanceTrend trioloWeek = find(latest, StanceTrend.SPEAKER, "sp-triolo", StanceTrend.WEEK, "2026-11-23T00:00:00Z").orElseThrow();
        assertThat(trioloWeek.windowEnd()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(trioloWeek.favor()).isEqualTo(2);
        assertThat(trioloWeek.meanConfidence()).isCloseTo(0.85, within(1e-9));
        assertThat(trioloWeek.lastQuoteAt()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));

        // A speaker without a registry id is keyed by the normalised name.
        StanceTrend doeTuesday = find(latest, StanceTrend.SPEAKER, "name:jane doe", StanceTrend.DAY, "2026-11-24T00:00:00Z").orElseThrow();
        assertThat(doeTuesday.against()).isEqualTo(1);
        assertThat(doeTuesday.score()).isEqualTo(-1.0);

        // Both work for DGA Group: one for, one against.
        StanceTrend dgaTuesday = find(latest, StanceTrend.ORGANIZATION, "dga group", StanceTrend.DAY, "2026-11-24T00:00:00Z").orElseThrow();
        assertThat(dgaTuesday.name()).isEqualTo("DGA Group");
        assertThat(List.of(dgaTuesday.favor(), dgaTuesday.against(), dgaTuesday.total())).containsExactly(1L, 1L, 2L);
        assertThat(dgaTuesday.score()).isEqualTo(0.0);
        assertThat(dgaTuesday.weightedScore()).isCloseTo((0.8 - 0.6) / 1.4, within(1e-9));
        StanceTrend dgaWeek = find(latest, StanceTrend.ORGANIZATION, "dga group", StanceTrend.WEEK, "2026-11-23T00:00:00Z").orElseThrow();
        assertThat(dgaWeek.total()).isEqualTo(3);
        assertThat(dgaWeek.score()).isCloseTo(1.0 / 3, within(1e-9));

        assertThat(find(latest, StanceTrend.OUTLET, "reuters", StanceTrend.DAY, "2026-11-24T00:00:00Z").orElseThrow().total()).isEqualTo(2);
        assertThat(find(latest, StanceTrend.OUTLET, "dawn", StanceTrend.DAY, "2026-11-25T00:00:00Z").orElseThrow().total()).isEqualTo(1);
        assertThat(find(latest, StanceTrend.OUTLET, "reuters", StanceTrend.DAY, "2026-11-25T00:00:00Z")).isEmpty();

        // The Kafka key is the deterministic id the index overwrites by.
        assertThat(latest).allSatisfy((key, trend) -> {
            assertThat(key).isEqualTo(trend.id());
            assertThat(trend.id()).isEqualTo(StanceTrend.id(trend.dimension(), trend.key(), trend.target(), trend.window(), trend.windowStart()));
        });
        // 2 speakers x 2 days' windows (Doe only Tuesday) + week, 1 organisation, 2 outlets.
        assertThat(latest).hasSize(/* speaker */ 2 + 1 + 1 + 1 + /* org */ 2 + 1 + /* outlet */ 2 + 2);
    }

    @Test
    void noneIsNotAboutTheTargetAndDoesNotCount() {
        Speaker other = person("sp-other", "Someone Else", "Elsewhere Inc");
        h.pipe(quote("q1", TRIOLO, "Reuters", "2026-11-24T10:00:00Z", stance("FAVOR", 0.8)));
        h.pipe(quote("q2", TRIOLO, "Reuters", "2026-11-24T11:00:00Z", stance("NONE", 0.95)));
        h.pipe(quote("q3", other, "Dawn", "2026-11-24T12:00:00Z", stance("NONE", 0.9)));

        Map<String, StanceTrend> latest = h.trends.readKeyValuesToMap();

        assertThat(find(latest, StanceTrend.SPEAKER, "sp-triolo", StanceTrend.DAY, "2026-11-24T00:00:00Z").orElseThrow().total()).isEqualTo(1);
        assertThat(latest.values()).noneMatch(t -> t.key().equals("sp-other") || t.key().equals("elsewhere inc") || t.key().equals("dawn"));
    }

    @Test
    void eachTargetHasItsOwnTrend() {
        h.pipe(quote("q1", TRIOLO, "Reuters", "2026-11-24T10:00:00Z",
                stance("FAVOR", 0.8), new Stance("us-ai-leadership", "AGAINST", 0.7, List.of())));

        Map<String, StanceTrend> latest = h.trends.readKeyValuesToMap();

        assertThat(latest.values())
                .filteredOn(t -> t.dimension().equals(StanceTrend.SPEAKER) && t.window().equals(StanceTrend.DAY))
                .extracting(StanceTrend::target, StanceTrend::score)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(TARGET, 1.0), org.assertj.core.groups.Tuple.tuple("us-ai-leadership", -1.0));
    }

    @Test
    void aLateQuoteCountsWithinGraceAndIsDroppedFromTheDayBeyondIt() {
        // Grace is 2 days: Monday 23rd's window closes when stream time reaches Wednesday 26th 00:00.
        h.pipe(quote("q1", TRIOLO, "Reuters", "2026-11-23T10:00:00Z", stance("FAVOR", 0.8)));
        h.pipe(quote("q2", TRIOLO, "Reuters", "2026-11-25T23:00:00Z", stance("FAVOR", 0.8)));
        h.pipe(quote("q3-late", TRIOLO, "Reuters", "2026-11-23T12:00:00Z", stance("AGAINST", 0.8)));
        assertThat(monday(h.trends.readKeyValuesToMap()).total()).as("late but within grace: counts").isEqualTo(2);

        h.pipe(quote("q4", TRIOLO, "Reuters", "2026-11-26T01:00:00Z", stance("FAVOR", 0.8)));
        h.pipe(quote("q5-too-late", TRIOLO, "Reuters", "2026-11-23T15:00:00Z", stance("AGAINST", 0.8)));

        // Kafka Streams drops a record for a closed window (and counts it in dropped-records); the quote itself is
        // on the quotes topic, and it still counts in its week, which is open until Monday 30th + 2 days.
        Map<String, StanceTrend> latest = h.trends.readKeyValuesToMap();
        assertThat(find(latest, StanceTrend.SPEAKER, "sp-triolo", StanceTrend.DAY, "2026-11-23T00:00:00Z"))
                .as("no update of Monday since the first read").isEmpty();
        assertThat(find(latest, StanceTrend.SPEAKER, "sp-triolo", StanceTrend.WEEK, "2026-11-23T00:00:00Z").orElseThrow().total()).isEqualTo(5);
        assertThat(droppedRecords()).isGreaterThanOrEqualTo(3); // speaker, organisation and outlet day windows
    }

    @Test
    void aPublicationDateInTheFutureIsCappedAtFetchTimeSoLaterQuotesAreNotLate() {
        var future = quote("q-future", TRIOLO, "Reuters", "2027-06-01T00:00:00Z", stance("FAVOR", 0.8));
        h.quotes.pipeInput(future.id(), future, Instant.parse("2026-11-24T12:00:00Z"));
        h.pipe(quote("q-normal", TRIOLO, "Reuters", "2026-11-24T08:00:00Z", stance("FAVOR", 0.8)));

        Map<String, StanceTrend> latest = h.trends.readKeyValuesToMap();
        assertThat(find(latest, StanceTrend.SPEAKER, "sp-triolo", StanceTrend.DAY, "2026-11-24T00:00:00Z").orElseThrow().total()).isEqualTo(2);
        assertThat(latest.values()).noneMatch(t -> t.windowStart().isAfter(Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void withoutAUsablePublicationDateTheRecordTimeStandsIn() {
        Speaker unnamed = new Speaker("sp-unnamed", null, null, null, null, "PERSON");
        var undated = quote("q-undated", unnamed, "Reuters", "2026-11-24T10:00:00Z", stance("FAVOR", 0.8));
        undated = new io.stancewire.model.Quote(undated.schemaVersion(), undated.id(), undated.articleId(), 0, 10, undated.text(),
                undated.kind(), unnamed, "said", "", "en", undated.stances(), undated.url(), "t", "Reuters", null);
        var before1970 = quote("q-1900", TRIOLO, "Reuters", "1900-01-01T00:00:00Z", stance("AGAINST", 0.8));
        h.quotes.pipeInput(undated.id(), undated, Instant.parse("2026-11-24T12:00:00Z"));
        h.quotes.pipeInput(before1970.id(), before1970, Instant.parse("2026-11-24T13:00:00Z"));

        Map<String, StanceTrend> latest = h.trends.readKeyValuesToMap();
        StanceTrend reuters = find(latest, StanceTrend.OUTLET, "reuters", StanceTrend.DAY, "2026-11-24T00:00:00Z").orElseThrow();
        assertThat(reuters.total()).isEqualTo(2);
        assertThat(reuters.lastQuoteAt()).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
        assertThat(find(latest, StanceTrend.SPEAKER, "sp-unnamed", StanceTrend.DAY, "2026-11-24T00:00:00Z").orElseThrow().name())
                .as("a speaker known only by id is named by it").isEqualTo("sp-unnamed");
    }

    @Test
    void theSameQuoteArrivingTwiceCountsOnce() {
        var q = quote("q1", TRIOLO, "Reuters", "2026-11-24T10:00:00Z", stance("FAVOR", 0.8));
        h.pipe(q);
        h.pipe(q);
        h.pipe(quote("q2", TRIOLO, "Reuters", "2026-11-24T11:00:00Z", stance("AGAINST", 0.8)));

        assertThat(find(h.trends.readKeyValuesToMap(), StanceTrend.SPEAKER, "sp-triolo", StanceTrend.DAY, "2026-11-24T00:00:00Z")
                .orElseThrow().total()).isEqualTo(2);
    }

    @Test
    void weeksStartOnMondayUtcEvenBeforeTheEpoch() {
        assertThat(Instant.ofEpochMilli(MondayWeeks.startOf(Instant.parse("2026-11-29T23:59:59Z").toEpochMilli())))
                .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(Instant.ofEpochMilli(MondayWeeks.startOf(Instant.parse("2026-11-30T00:00:00Z").toEpochMilli())))
                .isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(Instant.ofEpochMilli(MondayWeeks.startOf(Instant.parse("1970-01-01T00:00:00Z").toEpochMilli())))
                .isEqualTo(Instant.parse("1969-12-29T00:00:00Z"));
    }

    private StanceTrend monday(Map<String, StanceTrend> latest) {
        return find(latest, StanceTrend.SPEAKER, "sp-triolo", StanceTrend.DAY, "2026-11-23T00:00:00Z").orElseThrow();
    }

    private double droppedRecords() {
        return h.driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("dropped-records-total"))
                .map(Map.Entry<MetricName, ? extends Metric>::getValue)
                .mapToDouble(m -> ((Number) m.metricValue()).doubleValue())
                .sum();
    }

    static Optional<StanceTrend> find(Map<String, StanceTrend> latest, String dimension, String key, String window, String start) {
        return latest.values().stream()
                .filter(t -> t.target().equals(TARGET) && t.dimension().equals(dimension) && t.key().equals(key)
                        && t.window().equals(window) && t.windowStart().equals(Instant.parse(start)))
                .findFirst();
    }
}
