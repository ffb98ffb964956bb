package io.stancewire.streams;

import java.time.Duration;

/**
 * How much text and time one article may take. Longer text is cut (and the article flagged); an analysis over
 * budget is abandoned and dead-lettered so that the partition moves on.
 */
public record NlpLimits(int maxTextChars, Duration budget) {
    public static NlpLimits defaults() {
        return new NlpLimits(200_000, Duration.ofSeconds(60));
    }
}
