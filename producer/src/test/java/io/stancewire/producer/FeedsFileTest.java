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
}
