package io.stancewire.kafkaserver;

import java.nio.file.Path;

/**
 * Where the local broker keeps its files under its data directory. Shared by the broker's JVM and the parent that
 * starts it; free of Kafka classes so that the parent can load it without the broker's class path.
 *
 * @param root the data directory given to the broker; it survives restarts
 */
public record KafkaServerLayout(Path root) {
    /** The broker's entry point, started by name because the parent does not have Kafka on its class path. */
    public static final String MAIN_CLASS = "io.stancewire.kafkaserver.KafkaServerMain";
    /** Resource listing the broker's runtime class path, written by this module's build. */
    public static final String CLASS_PATH_RESOURCE = "stancewire/kafka-server.classpath";

    public KafkaServerLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** Kafka's log directory (partitions and the KRaft metadata log). */
    public Path storageDir() {
        return root.resolve("data");
    }

    /** Written anew on every start, so that changed ports take effect on an existing data directory. */
    public Path serverProperties() {
        return root.resolve("server.properties");
    }

    /** The broker JVM's console and log output. */
    public Path logFile() {
        return root.resolve("broker.log");
    }
}
