package io.stancewire.launcher;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the local broker and node keep their data and which ports they take. */
final class LocalServerOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".stancewire",
            description = "Where the local broker, node and stream state keep their data (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_DATA_DIR.")
    Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the local Kafka broker (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_KAFKA_PORT.")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", paramLabel = "PORT", defaultValue = "9093",
            description = "KRaft controller port of the local broker (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_KAFKA_CONTROLLER_PORT.")
    int kafkaControllerPort;

    @Option(names = "--elasticsearch-port", paramLabel = "PORT", defaultValue = "9200",
            description = "HTTP port of the local Elasticsearch node (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_ELASTICSEARCH_PORT.")
    int elasticsearchPort;

    @Option(names = "--elasticsearch-transport-port", paramLabel = "PORT", defaultValue = "9300",
            description = "Transport port of the local node (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_ELASTICSEARCH_TRANSPORT_PORT.")
    int elasticsearchTransportPort;
}
