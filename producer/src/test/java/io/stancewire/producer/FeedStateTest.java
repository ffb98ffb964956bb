package io.stancewire.producer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    @Test
    void aSavedStatusOfTheSameEntryIsContinuedIncludingDisabledAndBackoff() {
        FeedConfig feed = new FeedConfig("https://example.com/rss", "Ex", "en", interval, List.of("a"));
        FeedState before = new FeedState(feed);
        before.failed(t0, interval, "http-500: boom", null, 3);
        before.failed(t0, interval, "http-500: boom", null, 3);
        FeedState failing = new FeedState(feed);
        assertThat(failing.restore(before.status(), 3)).isTrue();
        assertThat(failing.status().consecutiveFailures()).isEqualTo(2);
        assertThat(failing.nextPoll()).isEqualTo(t0.plus(Duration.ofMinutes(20)));
        assertThat(failing.due(t0.plus(Duration.ofMinutes(19)))).isFalse();
        // The third failure after the restart is the one that disables it, as without a restart.
        assertThat(failing.failed(t0, interval, "http-500: boom", null, 3)).isTrue();

        FeedState disabled = new FeedState(feed);
        assertThat(disabled.restore(failing.status(), 3)).isTrue();
        assertThat(disabled.disabled()).isTrue();
        assertThat(disabled.status().disabledReason()).contains("3 consecutive failures");
        assertThat(disabled.due(t0.plus(Duration.ofDays(365)))).isFalse();

        // A limit raised above the failures re-enables it, due at once.
        FeedState raised = new FeedState(feed);
        assertThat(raised.restore(failing.status(), 5)).isTrue();
        assertThat(raised.disabled()).isFalse();
        assertThat(raised.due(t0)).isTrue();
        assertThat(raised.status().consecutiveFailures()).isEqualTo(3);
    }

    @Test
    void anEditedEntryOrAStatusWithoutFingerprintStartsFresh() {
        FeedConfig feed = new FeedConfig("https://example.com/rss", "Ex", "en", interval, List.of());
        FeedState old = new FeedState(feed);
        old.failed(t0, interval, "http-500: boom", null, 1);
        FeedStatus saved = old.status();

        FeedState renamed = new FeedState(new FeedConfig(feed.url(), "Example", "en", interval, List.of()));
        assertThat(renamed.restore(saved, 1)).isFalse();
        assertThat(renamed.disabled()).isFalse();
        assertThat(renamed.status().consecutiveFailures()).isZero();

        FeedState otherInterval = new FeedState(new FeedConfig(feed.url(), "Ex", "en", Duration.ofMinutes(5), List.of()));
        assertThat(otherInterval.restore(saved, 1)).isFalse();

        FeedStatus legacy = new FeedStatus(saved.url(), saved.name(), null, saved.lastAttempt(), saved.lastError(), 1,
                saved.disabledReason(), null, null, null, 0, null);
        FeedState fromLegacy = new FeedState(feed);
        assertThat(fromLegacy.restore(legacy, 1)).isFalse();
        assertThat(fromLegacy.due(t0)).isTrue();
    }
}
