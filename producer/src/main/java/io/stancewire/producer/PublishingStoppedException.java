package io.stancewire.producer;

/**
 * Kafka will not take more from this producer: another instance with the same transactional id took over (it was
 * fenced; an open transaction the coordinator timed out is reported the same way), or the broker refuses it. Nothing can be retried; the producer must stop, and whoever runs it decides
 * whether to start a fresh one.
 */
public class PublishingStoppedException extends RuntimeException {
    public PublishingStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
