package io.stancewire.streams;

import java.nio.file.Path;

/**
 * @param applicationId the Kafka Streams application id (consumer group, internal topic prefix)
 * @param stateDir      local state of the stream tasks
 * @param threads       stream threads; the NLP models are shared between them
 */
public record StreamsSettings(String bootstrapServers, String applicationId, Path stateDir, int threads, NlpLimits limits) {
    public static final String DEFAULT_APPLICATION_ID = "stancewire-streams";

    public static StreamsSettings defaults(String bootstrapServers, Path stateDir) {
        return new StreamsSettings(bootstrapServers, DEFAULT_APPLICATION_ID, stateDir, 1, NlpLimits.defaults());
    }
}
