package io.stancewire.model;

/** A record that cannot be read; its handlers dead-letter it instead of failing the stage. */
public class InvalidRecordException extends RuntimeException {
    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidRecordException(String message) {
        super(message);
    }
}
