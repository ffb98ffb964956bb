package io.stancewire.producer;

/**
 * A fetch or parse that failed for a reason worth reporting, with a short machine-readable {@link #reason()} that
 * becomes the dead letter's reason (e.g. {@code http-404}, {@code too-large}, {@code feed-not-xml}).
 */
public class FetchException extends Exception {
    private final String reason;
    private java.time.Duration retryAfter;

    public FetchException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FetchException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Marks a refusal the server asked us to wait out (429/503 with Retry-After). */
    public FetchException withRetryAfter(java.time.Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public String reason() {
        return reason;
    }
}
