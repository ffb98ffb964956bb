package io.stancewire.alerts;

/** A subscription that cannot be matched (bad query, unknown kind or label); the message says why, for the user. */
public final class InvalidSubscriptionException extends RuntimeException {
    public InvalidSubscriptionException(String message) {
        super(message);
    }

    public InvalidSubscriptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
