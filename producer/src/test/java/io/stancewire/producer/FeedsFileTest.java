package io.stancewire.producer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedsFileTest {
    @TempDir
    Path dir;

    @Test
    void addsToAFileKeepingItsSettingsAndHeaderAndRefusesTheSameFeedUnderAnotherSpelling() throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, """
                # My feeds
                # second line
                defaultPollInterval: 15m
                perHostDelay: 2s
                feeds:
                  - https://example.org/rss
                  - url: https://news.example.com/feed.xml
                    name: Example News
                    tags: [news]
                """);
        FeedsFile feeds = new FeedsFile(file);

        feeds.add(new FeedConfig("https://www.dawn.com/feeds/home", "Dawn", "en", Duration.ofMinutes(5), List.of("pk", "news")));

        String text = Files.readString(file);
        assertThat(text).startsWith("# My feeds\n# second line\n");
        ProducerSettings settings = ProducerSettings.load(file);
        assertThat(settings.defaultPollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.perHostDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.feeds()).extracting(FeedConfig::url).containsExactly(
                "https://example.org/rss", "https://news.example.com/feed.xml", "https://www.dawn.com/feeds/home");
        assertThat(settings.feeds().get(2)).isEqualTo(
                new FeedConfig("https://www.dawn.com/feeds/home", "Dawn", "en", Duration.ofMinutes(5), List.of("pk", "news")));

        // Scheme/host case, a trailing slash and tracking parameters do not make another feed.
        assertThatThrownBy(() -> feeds.add(FeedConfig.of("HTTPS://News.Example.com/feed.xml?utm_source=x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already in").hasMessageContaining("https://news.example.com/feed.xml");
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void removesByCanonicalUrlAndSaysWhenThereIsNone() {
        Path file = dir.resolve("new.yaml");
        FeedsFile feeds = new FeedsFile(file);
        feeds.add(FeedConfig.of("https://a.example/feed"));
        feeds.add(FeedConfig.of("https://b.example/feed"));

        FeedConfig removed = feeds.remove("https://A.example/feed?fbclid=1");

        assertThat(removed.url()).isEqualTo("https://a.example/feed");
        assertThat(feeds.list()).extracting(FeedConfig::url).containsExactly("https://b.example/feed");
        assertThatThrownBy(() -> feeds.remove("https://a.example/feed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no feed https://a.example/feed");
    }

    @Test
    void addAllReportsDuplicatesWithinTheBatchAndRefusesNonHttpUrls() {
        FeedsFile feeds = new FeedsFile(dir.resolve("f.yaml"));
        FeedsFile.AddResult r = feeds.addAll(List.of(FeedConfig.of("https://a.example/rss"),
                FeedConfig.of("https://a.example/rss/"), FeedConfig.of("https://b.example/rss")));
        assertThat(r.added()).extracting(FeedConfig::url).containsExactly("https://a.example/rss", "https://b.example/rss");
        assertThat(r.duplicates()).singleElement().asString().contains("https://a.example/rss/");
        assertThatThrownBy(() -> feeds.add(FeedConfig.of("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
    }

    @Test
    void refusesToEditAFileTheProducerCannotRead() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "feeds:\n  - url: https://a.example/rss\n    colour: red\n");
        assertThatThrownBy(() -> new FeedsFile(file).add(FeedConfig.of("https://b.example/rss")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid feeds file");
        assertThat(Files.readString(file)).contains("colour: red");
    }

    @Test
    void commentsBetweenEntriesStayAndAnEntrysOwnCommentGoesWithIt() throws Exception {
        Path file = dir.resolve("commented.yaml");
        String original = """
                # My feeds
                feeds:
                  # Pakistan
                  - url: https://www.dawn.com/feeds/home
                    name: Dawn   # English edition
                  # the BBC's Urdu service
                  - https://feeds.bbci.co.uk/urdu/rss.xml

                  # --- wires ---
                  # Reuters, via a mirror
                  - url: https://mirror.example/reuters.xml
                    tags: [wire]
                  # - https://paused.example/rss (paused)

                # politeness
                perHostDelay: 2s
                """;
        Files.writeString(file, original);
        FeedsFile feeds = new FeedsFile(file);

        feeds.add(new FeedConfig("https://example.org/rss", "Example", null, null, List.of("news")));
        String added = Files.readString(file);
        assertThat(added).contains("# Pakistan\n", "name: Dawn   # English edition\n", "# the BBC's Urdu service\n",
                "# --- wires ---\n", "# Reuters, via a mirror\n", "# - https://paused.example/rss (paused)\n", "# politeness\n");
        // The new entry follows the last one, before the comments that trail the list.
        assertThat(added).contains("    tags: [wire]\n  - url: https://example.org/rss\n    name: Example\n");
        assertThat(ProducerSettings.load(file).feeds()).extracting(FeedConfig::url).containsExactly(
                "https://www.dawn.com/feeds/home", "https://feeds.bbci.co.uk/urdu/rss.xml", "https://mirror.example/reuters.xml",
                "https://example.org/rss");
        assertThat(ProducerSettings.load(file).perHostDelay()).isEqualTo(Duration.ofSeconds(2));

        feeds.remove("https://feeds.bbci.co.uk/urdu/rss.xml");
        feeds.remove("https://www.dawn.com/feeds/home");
        String removed = Files.readString(file);
        assertThat(removed).doesNotContain("BBC", "Pakistan", "Dawn");
        assertThat(removed).startsWith("# My feeds\nfeeds:\n").contains("# --- wires ---\n  # Reuters, via a mirror\n  - url: https://mirror.example/reuters.xml\n");
        assertThat(removed).contains("# - https://paused.example/rss (paused)\n", "# politeness\nperHostDelay: 2s");
        assertThat(ProducerSettings.load(file).feeds()).extracting(FeedConfig::url)
                .containsExactly("https://mirror.example/reuters.xml", "https://example.org/rss");
    }

    @Test
    void aFlowStyleListIsRewrittenAndStillEditedRight() throws Exception {
        Path file = dir.resolve("flow.yaml");
        Files.writeString(file, """
                # header
                allowedPrivateHosts:
                  - mirror.internal
                feeds: [https://a.example/rss]
                """);
        new FeedsFile(file).add(FeedConfig.of("https://b.example/rss"));
        ProducerSettings settings = ProducerSettings.load(file);
        assertThat(settings.feeds()).extracting(FeedConfig::url).containsExactly("https://a.example/rss", "https://b.example/rss");
        assertThat(settings.allowedPrivateHosts()).containsExactly("mirror.internal");
        assertThat(Files.readString(file)).startsWith("# header\n");
    }
}
