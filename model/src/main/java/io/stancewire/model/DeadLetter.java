package io.stancewire.model;

import java.time.Instant;

/**
 * A record a stage could not process. Nothing is dropped silently: it lands here with the reason.
 *
 * @param stage   producer, streams or indexer
 * @param source  where the input came from: a topic, a feed URL or a file
 * @param reason  short machine-readable reason, e.g. {@code invalid-json}, {@code feed-not-xml}
 * @param error   the human-readable error message
 * @param payload the offending input (truncated when huge)
 */
public record DeadLetter(
        int schemaVersion,
        String stage,
        String source,
        Integer partition,
        Long offset,
        String key,
        String reason,
        String error,
        String payload,
        Instant at) {

    /** Payloads beyond this size are cut so that one huge bad record cannot exceed the topic's message size. */
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;
    /** Error messages can quote the offending value in full (Elasticsearch does); the payload already has it. */
    public static final int MAX_ERROR_CHARS = 2 * 1024;
    private static final String TRUNCATION_MARK = "…[truncated ";

    public static DeadLetter of(String stage, String source, Integer partition, Long offset, String key,
                                String reason, String error, String payload) {
        return new DeadLetter(SchemaVersion.CURRENT, stage, source, partition, offset, key, reason,
                cut(error, MAX_ERROR_CHARS), cut(payload, MAX_PAYLOAD_CHARS), Instant.now());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max
                ? text
                : text.substring(0, max) + TRUNCATION_MARK + (text.length() - max) + " chars]";
    }

    /** Whether the payload was cut to fit the topic, so it is no longer the record that failed. */
    public boolean payloadTruncated() {
        return payload != null && payload.length() > MAX_PAYLOAD_CHARS && payload.startsWith(TRUNCATION_MARK, MAX_PAYLOAD_CHARS);
    }
}
