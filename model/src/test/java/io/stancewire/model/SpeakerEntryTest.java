package io.stancewire.model;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerEntryTest {

    @Test
    void theRegistryTopicIsCompactedBecauseOnlyASpeakersLatestEntryMatters() {
        assertThat(Topics.ALL).contains(Topics.SPEAKERS);
        assertThat(TopicSetup.configFor(Topics.SPEAKERS))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
    }

    @Test
    void anEntryRoundTripsThroughJsonAndKeepsAtMostTwentyAliases() {
        List<String> many = IntStream.range(0, 50).mapToObj(i -> "Alias " + i).toList();
        SpeakerEntry entry = new SpeakerEntry(SchemaVersion.CURRENT, "id-1", "PERSON", "Paul Triolo", many, "DGA Group",
                "partner", SpeakerEntry.LEARNED, Instant.parse("2026-11-28T06:00:00Z"), "article-1");
        assertThat(entry.aliases()).hasSize(SpeakerEntry.MAX_ALIASES).startsWith("Alias 0");
        assertThat(Json.read(Json.write(entry), SpeakerEntry.class)).isEqualTo(entry);
        assertThat(Json.read("{\"id\": \"x\", \"name\": \"X\"}", SpeakerEntry.class).aliases()).isEmpty();
    }
}
