package io.stancewire.archive;

/** A request parameter that cannot be used as given; the message names it and says what would be accepted. */
public final class InvalidQueryException extends IllegalArgumentException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
