package io.stancewire.producer;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducerSettingsTest {

    @Test
    void loadsFeedsYamlWithShortDurationsAndBareUrls() throws Exception {
        Path file = Files.createTempFile("feeds", ".yaml");
        Files.writeString(file, """
                bootstrapServers: localhost:19092
                fetchArticles: false
                allowPrivateAddresses: true
                defaultPollInterval: 5m
                feeds:
                  - url: https://www.example.pk/urdu/rss.xml
                    name: Example Urdu
                    language: ur
                    pollInterval: 90s
                    tags: [urdu, tech]
                  - https://feeds.example.com/world.rss
                """);
        ProducerSettings s = ProducerSettings.load(file);
        assertThat(s.bootstrapServers()).isEqualTo("localhost:19092");
        assertThat(s.fetchArticles()).isFalse();
        assertThat(s.allowPrivateAddresses()).isTrue();
        assertThat(s.feeds()).hasSize(2);
        FeedConfig urdu = s.feeds().get(0);
        assertThat(urdu.languageHint()).isEqualTo("ur");
        assertThat(urdu.pollInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(urdu.tags()).containsExactly("urdu", "tech");
        assertThat(s.pollIntervalOf(s.feeds().get(1))).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.userAgent()).startsWith("Stancewire/");
        assertThat(s.maxRedirects()).isEqualTo(5);
    }

    @Test
    void typosAreErrorsNotSilentDefaults() {
        assertThatThrownBy(() -> ProducerSettings.parse("feeds: []\nfetchArticels: false\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fetchArticels");
        assertThatThrownBy(() -> ProducerSettings.parse("feeds:\n  - url: https://e.example/\n    pollInterval: soon\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("soon");
    }
}
