package io.stancewire.model;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StanceTopicsTest {

    @Test
    void trendsAreCompactedBecauseOnlyAWindowsLatestCountMattersAndShiftsAreEvents() {
        assertThat(Topics.ALL).contains(Topics.STANCE_TRENDS, Topics.STANCE_SHIFTS);
        assertThat(TopicSetup.configFor(Topics.STANCE_TRENDS))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
        assertThat(TopicSetup.configFor(Topics.STANCE_SHIFTS))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    }

    @Test
    void trendIdsDifferByEveryPartOfTheWindowKey() {
        Instant monday = Instant.parse("2026-11-23T00:00:00Z");
        String id = StanceTrend.id("speaker", "sp-1", "t", "day", monday);
        assertThat(id).isEqualTo(StanceTrend.id("speaker", "sp-1", "t", "day", monday)).hasSize(32);
        assertThat(id)
                .isNotEqualTo(StanceTrend.id("outlet", "sp-1", "t", "day", monday))
                .isNotEqualTo(StanceTrend.id("speaker", "sp-2", "t", "day", monday))
                .isNotEqualTo(StanceTrend.id("speaker", "sp-1", "u", "day", monday))
                .isNotEqualTo(StanceTrend.id("speaker", "sp-1", "t", "week", monday))
                .isNotEqualTo(StanceTrend.id("speaker", "sp-1", "t", "day", monday.plusSeconds(86400)));
    }

    @Test
    void trendAndShiftSurviveJsonRoundTrip() {
        StanceTrend trend = new StanceTrend(SchemaVersion.CURRENT, "id", "t", "speaker", "sp-1", "Paul Triolo", "day",
                Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z"), 2, 1, 1, 4, 0.25, 0.3, 0.8,
                Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T11:00:00Z"));
        StanceShift shift = new StanceShift(SchemaVersion.CURRENT, "id", "t", "sp-1", "sp-1", "Paul Triolo", "DGA Group",
                "FAVOR", "AGAINST", 0.1, -0.3, "q", "a", "text", "https://x", "Reuters", Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(Json.read(Json.write(trend), StanceTrend.class)).isEqualTo(trend);
        assertThat(Json.read(Json.write(shift), StanceShift.class)).isEqualTo(shift);
        assertThat(Json.writeString(trend)).contains("\"windowStart\":\"2026-11-23T00:00:00Z\"");
    }
}
