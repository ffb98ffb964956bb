package io.stancewire.launcher;

import io.stancewire.model.Ids;
import io.stancewire.model.Json;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static io.stancewire.launcher.CliCommandsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code stancewire alerts test} on sample quotes: what would fire, nothing delivered, no server needed. */
class AlertsCommandTest {
    static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");

    static Quote quote(String id, String speaker, String org, String label, String text, Instant at) {
        return new Quote(SchemaVersion.CURRENT, Ids.hash(id), "article-" + id, 0, text.length(), text, "direct",
                new Speaker(null, speaker, null, org, null, "PERSON"), "said", text, "en",
                List.of(new Stance("china-ai-competitiveness", label, 0.8, List.of())), "https://example.org/" + id, "T", "Reuters", at);
    }

    static Path jsonLines(Path dir, List<Quote> quotes) throws Exception {
        Path file = dir.resolve("quotes.jsonl");
        Files.writeString(file, quotes.stream().map(Json::writeString).collect(Collectors.joining("\n")));
        return file;
    }

    @Test
    void printsTheQuotesAQuoteSubscriptionWouldFireOn(@TempDir Path dir) throws Exception {
        Path file = jsonLines(dir, List.of(
                quote("a", "Paul Triolo", "DGA Group", "AGAINST", "Blackwell export licences are the choke point", MONDAY),
                quote("b", "Paul Triolo", "DGA Group", "FAVOR", "Huawei's Ascend chips are catching up", MONDAY),
                quote("c", "Jensen Huang", "Nvidia", "AGAINST", "Blackwell export rules hurt us", MONDAY)));

        CliCommandsTest.Run result = run("alerts", "test", "--organisation", "DGA Group", "--stance", "AGAINST",
                "--query", "Blackwell AND export", "--quotes", file.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("1 of 3 quote(s) would fire");
        assertThat(result.out().lines().filter(l -> l.startsWith("would fire:")).toList())
                .singleElement().asString().contains("Paul Triolo").contains("choke point");
    }

    @Test
    void printsTheDaysASpikeSubscriptionWouldFireOn(@TempDir Path dir) throws Exception {
        List<Quote> quotes = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            quotes.add(quote("base-" + day, "Someone", "DGA Group", "AGAINST", "Chips lag", MONDAY.plus(Duration.ofDays(day))));
        }
        for (int i = 0; i < 4; i++) {
            quotes.add(quote("spike-" + i, "Someone", "DGA Group", "AGAINST", "Chips lag", MONDAY.plus(Duration.ofDays(7)).plusSeconds(i)));
            quotes.add(quote("other-" + i, "Someone", "DGA Group", "FAVOR", "Chips lead", MONDAY.plus(Duration.ofDays(7)).plusSeconds(i)));
        }

        CliCommandsTest.Run result = run("alerts", "test", "--kind", "spike", "--organisation", "DGA Group", "--stance", "AGAINST",
                "--spike-min-count", "4", "--quotes", jsonLines(dir, quotes).toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines().filter(l -> l.startsWith("would fire:")).toList())
                .containsExactly("would fire: 2026-11-09  4 matching quotes");
        assertThat(result.out()).contains("11 of 15 quote(s) count towards the spike; 1 day(s) would fire");
    }

    @Test
    void aBadQueryOrAMissingKeyIsAClearError(@TempDir Path dir) throws Exception {
        Path file = jsonLines(dir, List.of(quote("a", "Paul Triolo", "DGA Group", "AGAINST", "text", MONDAY)));
        assertThat(run("alerts", "test", "--query", "Blackwell AND (", "--quotes", file.toString()).exit()).isEqualTo(1);
        assertThat(run("alerts", "list", "--url", "http://127.0.0.1:9").exit()).isEqualTo(1);
    }
}
