package io.stancewire.archive;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteQueryTest {

    @Test
    void readsEveryFilter() {
        String cursor = new Cursor(1735787045000L, "abc", null).encode();
        QuoteQuery q = QuoteQuery.parse(Map.ofEntries(
                Map.entry("speaker", List.of("Paul Triolo", "jensen-huang")), Map.entry("organization", List.of("DGA Group")),
                Map.entry("label", List.of("against", "Favor")), Map.entry("target", List.of("china-ai")),
                Map.entry("minConfidence", List.of("0.7")), Map.entry("outlet", List.of("Reuters")),
                Map.entry("language", List.of("ur")), Map.entry("from", List.of("2025-01-01")),
                Map.entry("to", List.of("2025-01-31")), Map.entry("q", List.of("chips -export")),
                Map.entry("size", List.of("50")), Map.entry("after", List.of(cursor))),
                Set.of());
        assertThat(q.speakers()).containsExactly("Paul Triolo", "jensen-huang");
        assertThat(q.organisation()).isEqualTo("DGA Group");
        assertThat(q.labels()).containsExactly("AGAINST", "FAVOR");
        assertThat(q.minConfidence()).isEqualTo(0.7);
        assertThat(q.from()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(q.to()).as("a date-only upper bound includes that day").isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
        assertThat(q.size()).isEqualTo(50);
        assertThat(q.after()).isEqualTo(new Cursor(1735787045000L, "abc", null));
    }

    @Test
    void defaultsWhenEmpty() {
        QuoteQuery q = QuoteQuery.parse(Map.of("q", List.of("  ")), Set.of());
        assertThat(q).isEqualTo(QuoteQuery.all());
        assertThat(QuoteQuery.parse(Map.of("to", List.of("2025-01-31T12:00:00+05:00")), Set.of()).to())
                .isEqualTo(Instant.parse("2025-01-31T07:00:00Z"));
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        Map<Map<String, List<String>>, String> bad = Map.of(
                Map.of("size", List.of("0")), "size",
                Map.of("size", List.of("ten")), "size",
                Map.of("label", List.of("PRO")), "label",
                Map.of("minConfidence", List.of("NaN")), "minConfidence",
                Map.of("minConfidence", List.of("high")), "minConfidence",
                Map.of("from", List.of("31/01/2025")), "from",
                Map.of("from", List.of("2025-02-01"), "to", List.of("2025-01-01")), "before",
                Map.of("q", List.of("a", "b")), "q: give it once",
                Map.of("format", List.of("csv")), "unknown parameter format",
                Map.of("after", List.of("not-a-cursor")), "after");
        bad.forEach((params, message) -> assertThatThrownBy(() -> QuoteQuery.parse(params, Set.of()))
                .as(params.toString()).isInstanceOf(InvalidQueryException.class).hasMessageContaining(message));
        assertThat(QuoteQuery.parse(Map.of("format", List.of("csv")), Set.of("format"))).isEqualTo(QuoteQuery.all());
    }

    @Test
    void cursorRoundTripsAndRejectsForgeries() {
        Cursor cursor = new Cursor(Long.MIN_VALUE, "id-1", "pit==/+");
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
        String noId = java.util.Base64.getUrlEncoder().encodeToString("{\"publishedAt\":1}".getBytes());
        assertThatThrownBy(() -> Cursor.decode(noId)).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> Cursor.decode("%%%")).isInstanceOf(InvalidQueryException.class);
    }
}
