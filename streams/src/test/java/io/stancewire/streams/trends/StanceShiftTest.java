package io.stancewire.streams.trends;

import io.stancewire.model.Speaker;
import io.stancewire.model.StanceShift;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.stancewire.streams.trends.TrendsHarness.TARGET;
import static io.stancewire.streams.trends.TrendsHarness.person;
import static io.stancewire.streams.trends.TrendsHarness.quote;
import static io.stancewire.streams.trends.TrendsHarness.stance;
import static org.assertj.core.api.Assertions.assertThat;

class StanceShiftTest {
    static final Speaker TRIOLO = person("sp-triolo", "Paul Triolo", "DGA Group");
    static final Speaker ALLEN = person("sp-allen", "Gregory Allen", "CSIS");

    @TempDir
    Path stateDir;
    TrendsHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void favorFavorAgainstAgainstIsOneShiftTriggeredByTheQuoteThatTippedIt() {
        h = new TrendsHarness(stateDir, TrendSettings.defaults());
        says(TRIOLO, "q1", 1, "FAVOR");
        says(TRIOLO, "q2", 2, "FAVOR");
        says(TRIOLO, "q3", 3, "AGAINST");
        says(TRIOLO, "q4", 4, "AGAINST");

        List<KeyValue<String, StanceShift>> shifts = h.shifts.readKeyValuesToList();

        assertThat(shifts).hasSize(1);
        StanceShift shift = shifts.getFirst().value;
        assertThat(shifts.getFirst().key).isEqualTo(shift.id()).isEqualTo(StanceShift.id("sp-triolo", TARGET, "q4"));
        assertThat(shift.from()).isEqualTo("FAVOR");
        assertThat(shift.to()).isEqualTo("AGAINST");
        assertThat(shift.quoteId()).isEqualTo("q4");
        assertThat(shift.articleId()).isEqualTo("article-of-q4");
        assertThat(shift.target()).isEqualTo(TARGET);
        assertThat(shift.speakerId()).isEqualTo("sp-triolo");
        assertThat(shift.speakerName()).isEqualTo("Paul Triolo");
        assertThat(shift.affiliation()).isEqualTo("DGA Group");
        assertThat(shift.previousScore()).as("after one AGAINST the balance still leans FAVOR").isPositive();
        assertThat(shift.score()).isLessThanOrEqualTo(-0.2);
        assertThat(shift.at()).isEqualTo(day(4));
    }

    @Test
    void aSingleNeutralQuoteDoesNotEmit() {
        h = new TrendsHarness(stateDir, TrendSettings.defaults());
        says(TRIOLO, "q1", 1, "FAVOR");
        says(TRIOLO, "q2", 2, "FAVOR");
        says(TRIOLO, "q3", 3, "NEUTRAL");

        assertThat(h.shifts.readKeyValuesToList()).isEmpty();
        assertThat(state(TRIOLO).side()).isEqualTo("FAVOR");
    }

    @Test
    void oneContraryQuoteInsideTheDeadBandDoesNotFlipTheSpeaker() {
        h = new TrendsHarness(stateDir, TrendSettings.defaults());
        says(TRIOLO, "q1", 1, "FAVOR");
        says(TRIOLO, "q2", 2, "AGAINST"); // score -0.18: leans AGAINST, but not past the dead band of 0.2

        assertThat(h.shifts.readKeyValuesToList()).isEmpty();
        assertThat(state(TRIOLO).side()).isEqualTo("FAVOR");
        assertThat(state(TRIOLO).score()).isNegative();
    }

    @Test
    void withoutADeadBandTheSameTwoQuotesDoFlip() {
        h = new TrendsHarness(stateDir, new TrendSettings(Duration.ofDays(2), Duration.ofDays(2), 5, 0.7, 0.0));
        says(TRIOLO, "q1", 1, "FAVOR");
        says(TRIOLO, "q2", 2, "AGAINST");

        assertThat(h.shifts.readValuesToList()).extracting(StanceShift::quoteId).containsExactly("q2");
    }

    @Test
    void aSpeakerTakingAFirstSideIsNotAShift() {
        h = new TrendsHarness(stateDir, TrendSettings.defaults());
        says(TRIOLO, "q1", 1, "NEUTRAL");
        says(TRIOLO, "q2", 2, "AGAINST");
        says(TRIOLO, "q3", 3, "AGAINST");

        assertThat(h.shifts.readKeyValuesToList()).isEmpty();
        assertThat(state(TRIOLO).side()).isEqualTo("AGAINST");
    }

    @Test
    void speakersAreIndependent() {
        h = new TrendsHarness(stateDir, TrendSettings.defaults());
        Speaker onlyFavor = person("sp-third", "Third Person", null);
        says(TRIOLO, "t1", 1, "FAVOR");
        says(ALLEN, "a1", 1, "AGAINST");
        says(onlyFavor, "o1", 1, "FAVOR");
        says(TRIOLO, "t2", 2, "FAVOR");
        says(ALLEN, "a2", 2, "AGAINST");
        says(TRIOLO, "t3", 3, "AGAINST");
        says(ALLEN, "a3", 3, "FAVOR");
        says(onlyFavor, "o2", 3, "FAVOR");
        says(TRIOLO, "t4", 4, "AGAINST");
        says(ALLEN, "a4", 4, "FAVOR");

        assertThat(h.shifts.readValuesToList())
                .extracting(StanceShift::speakerId, StanceShift::from, StanceShift::to, StanceShift::quoteId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("sp-triolo", "FAVOR", "AGAINST", "t4"),
                        org.assertj.core.groups.Tuple.tuple("sp-allen", "AGAINST", "FAVOR", "a4"));
    }

    @Test
    void aSpeakerWithoutIdIsFollowedByNormalisedName() {
        h = new TrendsHarness(stateDir, TrendSettings.defaults());
        says(person(null, "Jane Doe", null), "q1", 1, "FAVOR");
        says(person(null, "JANE  DOE", null), "q2", 2, "FAVOR");
        says(person(null, "Jane Doe’s", null), "q3", 3, "AGAINST");
        says(person(null, "jane doe", null), "q4", 4, "AGAINST");

        List<StanceShift> shifts = h.shifts.readValuesToList();
        assertThat(shifts).singleElement().satisfies(s -> {
            assertThat(s.speakerKey()).isEqualTo("name:jane doe");
            assertThat(s.speakerId()).isNull();
            assertThat(s.quoteId()).isEqualTo("q4");
        });
    }

    @Test
    void theRollingStanceSurvivesBetweenBatchesInItsStore() {
        h = new TrendsHarness(stateDir, TrendSettings.defaults());
        says(TRIOLO, "q1", 1, "FAVOR");
        says(TRIOLO, "q2", 2, "FAVOR");
        assertThat(h.shifts.readKeyValuesToList()).isEmpty();
        RollingStance between = state(TRIOLO);
        assertThat(between.side()).isEqualTo("FAVOR");
        assertThat(between.recent()).extracting(RollingStance.Recent::quoteId).containsExactly("q1", "q2");

        says(TRIOLO, "q3", 3, "AGAINST");
        says(TRIOLO, "q4", 4, "AGAINST");

        assertThat(h.shifts.readValuesToList()).extracting(StanceShift::quoteId).containsExactly("q4");
    }

    @Test
    void aLateOldQuoteTakesItsPlaceInTimeInsteadOfCountingAsTheLatest() {
        h = new TrendsHarness(stateDir, new TrendSettings(Duration.ofDays(2), Duration.ofDays(2), 3, 0.7, 0.2));
        says(TRIOLO, "q2", 2, "FAVOR");
        says(TRIOLO, "q3", 3, "FAVOR");
        says(TRIOLO, "q4", 4, "FAVOR");
        // Older than the three kept quotes: it cannot change the speaker's latest stance.
        says(TRIOLO, "q1-late", 1, "AGAINST");
        says(TRIOLO, "q1-late-2", 1, "AGAINST");

        assertThat(h.shifts.readKeyValuesToList()).isEmpty();
        assertThat(state(TRIOLO).recent()).extracting(RollingStance.Recent::quoteId).containsExactly("q2", "q3", "q4");
        assertThat(state(TRIOLO).score()).isEqualTo(1.0);
    }

    @Test
    void replayingTheSameQuotesDoesNotShiftAgain() {
        h = new TrendsHarness(stateDir, TrendSettings.defaults());
        for (int round = 0; round < 2; round++) {
            says(TRIOLO, "q1", 1, "FAVOR");
            says(TRIOLO, "q2", 2, "FAVOR");
            says(TRIOLO, "q3", 3, "AGAINST");
            says(TRIOLO, "q4", 4, "AGAINST");
        }
        assertThat(h.shifts.readValuesToList()).hasSize(1);
    }

    private void says(Speaker speaker, String quoteId, int day, String label) {
        h.pipe(quote(quoteId, speaker, "Reuters", day(day).toString(), stance(label, 0.9)));
    }

    private static Instant day(int day) {
        return Instant.parse("2026-11-01T12:00:00Z").plus(Duration.ofDays(day));
    }

    private RollingStance state(Speaker speaker) {
        KeyValueStore<String, RollingStance> store = h.driver.getKeyValueStore(StanceTrends.SPEAKER_STANCE_STORE);
        return store.get(speaker.id() + '\u001f' + TARGET);
    }
}
