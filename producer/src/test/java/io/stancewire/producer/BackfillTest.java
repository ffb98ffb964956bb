package io.stancewire.producer;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancewire.model.Article;
import io.stancewire.model.Ids;
import io.stancewire.model.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackfillTest {
    @Test
    void tellsFeedsPagesAndJsonLinesApartByNameThenByContent() {
        assertThat(Backfill.kindOf(Path.of("a.jsonl"), new byte[0])).isEqualTo(Backfill.Kind.JSON_LINES);
        assertThat(Backfill.kindOf(Path.of("a.HTML"), new byte[0])).isEqualTo(Backfill.Kind.HTML);
        assertThat(Backfill.kindOf(Path.of("a.xml"), bytes("<rss/>"))).isEqualTo(Backfill.Kind.FEED);
        assertThat(Backfill.kindOf(Path.of("saved"), bytes("  <!DOCTYPE html><html>"))).isEqualTo(Backfill.Kind.HTML);
        assertThat(Backfill.kindOf(Path.of("dump"), bytes("{\"url\": 1}"))).isEqualTo(Backfill.Kind.JSON_LINES);
        assertThat(Backfill.kindOf(Path.of("feed"), bytes("<?xml version=\"1.0\"?><feed/>"))).isEqualTo(Backfill.Kind.FEED);
    }

    @Test
    void aJsonLineBecomesAnArticleIdentifiedByItsCanonicalUrlWithItsOwnDate() {
        Article a = Backfill.article(Json.read("{\"url\": \"https://www.example.org/story/?utm_source=x\", \"text\": \"t\","
                + " \"publishedAt\": \"Tue, 03 Dec 2024 06:41:06 GMT\", \"language\": \"ur\"}", JsonNode.class), "file:///x.jsonl");
        assertThat(a.canonicalUrl()).isEqualTo(UrlCanonicalizer.canonicalize("https://www.example.org/story/").orElseThrow());
        assertThat(a.id()).isEqualTo(Ids.articleId(a.canonicalUrl()));
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-12-03T06:41:06Z"));
        assertThat(a.languageHint()).isEqualTo("ur");
        assertThat(a.outlet()).isEqualTo("example.org");
        assertThat(a.feedUrl()).isEqualTo("file:///x.jsonl");
        assertThat(a.flags()).containsExactly("backfill");
    }

    @Test
    void aJsonLineWithoutUrlTextOrWithABadDateIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Backfill.article(Json.read("{\"text\": \"t\"}", JsonNode.class), "s"))
                .hasMessageContaining("url");
        assertThatThrownBy(() -> Backfill.article(Json.read("{\"url\": \"https://a.example/x\"}", JsonNode.class), "s"))
                .hasMessageContaining("no text");
        assertThatThrownBy(() -> Backfill.article(Json.read("{\"url\": \"https://a.example/x\", \"text\": \"t\", \"publishedAt\": \"soon\"}",
                JsonNode.class), "s")).hasMessageContaining("not a date: soon");
        assertThatThrownBy(() -> Backfill.article(Json.read("[1]", JsonNode.class), "s")).hasMessageContaining("not a JSON object");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
