package io.stancewire.producer;

import io.stancewire.model.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedStatusTableTest {
    static final Instant NOW = Instant.parse("2026-11-28T07:00:00Z");

    private static String print(List<FeedStatus> statuses, boolean json) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        if (json) {
            FeedStatusTable.printJson(statuses, out);
        } else {
            FeedStatusTable.printTable(statuses, NOW, out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsHealthFailuresAndWhyAFeedWasDisabled() {
        FeedStatus ok = new FeedStatus("https://a.example/rss", "A", NOW.minusSeconds(60), NOW.minusSeconds(60), null, 0,
                null, "\"e\"", null, NOW.plusSeconds(540), 42, null);
        FeedStatus failing = new FeedStatus("https://b.example/rss", "B", null, NOW.minusSeconds(5), "http-503: HTTP 503 from https://b.example/rss",
                2, null, null, null, NOW.plusSeconds(7200), 0, null);
        FeedStatus disabled = new FeedStatus("https://c.example/rss", "C", null, NOW, "feed-not-xml: not XML", 10,
                "disabled after 10 consecutive failures; last: feed-not-xml: not XML", null, null, null, 3, null);

        List<String> lines = print(List.of(ok, failing, disabled), false).lines().toList();

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("feed").contains("last success", "items", "failures", "next poll");
        assertThat(lines.get(1)).contains("A <https://a.example/rss>", "OK", "2026-11-28 06:59:00Z", "42", "in 9m");
        assertThat(lines.get(2)).contains("FAILING", "never", "in 2h0m", "http-503: HTTP 503", "(at 2026-11-28 06:59:55Z)");
        assertThat(lines.get(3)).contains("DISABLED", "disabled after 10 consecutive failures");
        assertThat(lines.get(4)).isEqualTo("3 feeds, 1 failing, 1 disabled");
        // Columns line up: every row has its state where the header has "state".
        int stateColumn = lines.get(0).indexOf("state");
        assertThat(lines.get(1).substring(stateColumn)).startsWith("OK");
        assertThat(lines.get(3).substring(stateColumn)).startsWith("DISABLED");
    }

    @Test
    void jsonLinesRoundTrip() {
        FeedStatus s = new FeedStatus("https://a.example/rss", "A", NOW, NOW, null, 0, null, null, null, NOW.plusSeconds(60), 7, "f1");
        String out = print(List.of(s), true);
        assertThat(out.lines()).singleElement().satisfies(l -> assertThat(Json.read(l, FeedStatus.class)).isEqualTo(s));
    }
}
