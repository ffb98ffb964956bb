package io.stancewire.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSerdeTest {

    @Test
    void articleSurvivesRoundTripIncludingUrduText() {
        Article article = new Article(SchemaVersion.CURRENT, Ids.articleId("https://example.org/a"), "https://example.org/a?utm_source=x",
                "https://example.org/a", "guid-1", "https://example.org/feed", "Example", "example.org", "چین",
                List.of("A. Writer"), Instant.parse("2024-12-01T10:00:00Z"), Instant.parse("2024-12-01T10:05:00Z"),
                "ur", "“یہ ایک اقتباس ہے”، انہوں نے کہا۔", null, List.of());
        JsonSerde<Article> serde = JsonSerde.of(Article.class);

        Article back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", article));

        assertThat(back).isEqualTo(article);
    }

    @Test
    void datesAreWrittenAsIsoStringsForElasticsearchAndHumans() {
        String json = Json.writeString(new Mention(1, 2, "x"));
        assertThat(json).isEqualTo("{\"begin\":1,\"end\":2,\"text\":\"x\"}");
        String withDate = Json.writeString(DeadLetter.of("s", "t", 0, 1L, "k", "r", "e", "p"));
        assertThat(withDate).containsPattern("\"at\":\"\\d{4}-\\d\\d-\\d\\dT");
    }

    @Test
    void brokenJsonIsAnInvalidRecordNotAGenericCrash() {
        JsonSerde<Article> serde = JsonSerde.of(Article.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"id\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("Article");
    }

    @Test
    void unknownFieldsFromNewerWritersAreIgnored() {
        Mention m = Json.read("{\"begin\":3,\"end\":5,\"text\":\"ab\",\"addedLater\":true}", Mention.class);
        assertThat(m).isEqualTo(new Mention(3, 5, "ab"));
    }

    @Test
    void deadLetterPayloadIsBounded() {
        DeadLetter dl = DeadLetter.of("streams", "t", 0, 0L, "k", "too-big", "e", "x".repeat(DeadLetter.MAX_PAYLOAD_CHARS + 10));
        assertThat(dl.payload()).hasSizeLessThan(DeadLetter.MAX_PAYLOAD_CHARS + 40).endsWith("[truncated 10 chars]");
    }

    @Test
    void aDeadLetterKnowsWhetherItsPayloadWasCutAndKeepsThatOutOfItsJson() {
        DeadLetter cut = DeadLetter.of("indexer", "t", 0, 0L, "k", "too-big", "e", "x".repeat(DeadLetter.MAX_PAYLOAD_CHARS + 10));
        DeadLetter whole = DeadLetter.of("indexer", "t", 0, 0L, "k", "invalid-record", "e", "{\"note\":\"…[truncated \"}");

        assertThat(cut.payloadTruncated()).isTrue();
        assertThat(whole.payloadTruncated()).as("the mark inside a short payload is the input's own text").isFalse();
        assertThat(Json.read(Json.write(cut), DeadLetter.class).payloadTruncated()).isTrue();
        // the dead-letter index's mapping is strict: a derived field in the JSON would be rejected
        assertThat(new String(Json.write(cut), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("payloadTruncated");
    }

    @Test
    void idsAreDeterministicAndDistinct() {
        assertThat(Ids.articleId("https://a/1")).isEqualTo(Ids.articleId("https://a/1")).hasSize(32);
        assertThat(Ids.quoteId("a", 1, 2)).isNotEqualTo(Ids.quoteId("a", 1, 3));
    }
}
