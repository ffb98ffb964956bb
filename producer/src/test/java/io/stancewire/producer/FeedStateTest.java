package io.stancewire.producer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FeedStateTest {
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Duration interval = Duration.ofMinutes(10);

    @Test
    void failuresBackOffExponentiallyAndDisableTheFeedAfterTheLimit() {
        FeedState state = new FeedState(FeedConfig.of("https://example.com/rss"));
        assertThat(state.failed(t0, interval, "http-500: boom", null, 4)).isFalse();
        assertThat(state.nextPoll()).isEqualTo(t0.plus(Duration.ofMinutes(10)));
        state.failed(t0, interval, "http-500: boom", null, 4);
        assertThat(state.nextPoll()).isEqualTo(t0.plus(Duration.ofMinutes(20)));
        state.failed(t0, interval, "http-500: boom", null, 4);
        assertThat(state.nextPoll()).isEqualTo(t0.plus(Duration.ofMinutes(40)));
        assertThat(state.due(t0.plus(Duration.ofMinutes(39)))).isFalse();
        assertThat(state.due(t0.plus(Duration.ofMinutes(40)))).isTrue();

        assertThat(state.failed(t0, interval, "http-500: boom", null, 4)).isTrue();
        FeedStatus status = state.status();
        assertThat(status.disabledReason()).contains("4 consecutive failures").contains("http-500");
        assertThat(status.consecutiveFailures()).isEqualTo(4);
        assertThat(state.due(t0.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void successResetsTheCountAndKeepsValidators() {
        FeedState state = new FeedState(FeedConfig.of("https://example.com/rss"));
        state.failed(t0, interval, "timeout", null, 10);
        state.succeeded(t0, interval, "\"abc\"", "Tue, 03 Dec 2024 06:41:06 GMT");
        assertThat(state.status().consecutiveFailures()).isZero();
        assertThat(state.status().lastError()).isNull();
        assertThat(state.validators()).isEqualTo(new HttpFetcher.Validators("\"abc\"", "Tue, 03 Dec 2024 06:41:06 GMT"));
        // A 304 brings no new validators: the old ones stay.
        state.succeeded(t0.plusSeconds(600), interval, null, null);
        assertThat(state.validators().etag()).isEqualTo("\"abc\"");
    }

    @Test
    void retryAfterLongerThanTheBackoffWins() {
        FeedState state = new FeedState(FeedConfig.of("https://example.com/rss"));
        state.failed(t0, interval, "http-429", Duration.ofHours(2), 10);
        assertThat(state.nextPoll()).isEqualTo(t0.plus(Duration.ofHours(2)));
    }
}
