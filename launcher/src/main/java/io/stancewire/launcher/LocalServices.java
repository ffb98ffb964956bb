package io.stancewire.launcher;

import io.stancewire.local.LocalElasticsearch;
import io.stancewire.local.LocalKafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Kafka broker and Elasticsearch node a command talks to: the ones named on the command line, or local ones
 * started here, both at once, since each takes seconds to come up.
 */
final class LocalServices implements AutoCloseable {
    private final LocalKafka kafka;
    private final LocalElasticsearch elasticsearch;
    final String bootstrapServers;
    final String elasticsearchUrl;

    private LocalServices(LocalKafka kafka, LocalElasticsearch elasticsearch, String bootstrapServers, String elasticsearchUrl) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.bootstrapServers = bootstrapServers;
        this.elasticsearchUrl = elasticsearchUrl;
    }

    static LocalServices start(ConnectionOptions connection, boolean needKafka, boolean needElasticsearch) {
        return start(connection.kafka, connection.elasticsearch, connection.local, needKafka, needElasticsearch);
    }

    /**
     * @param kafka         bootstrap servers of an existing cluster, or null to start a local broker when needed
     * @param elasticsearch URL of an existing cluster, or null to start a local node when needed
     */
    static LocalServices start(String kafka, String elasticsearch, LocalServerOptions options, boolean needKafka,
                               boolean needElasticsearch) {
        CompletableFuture<LocalKafka> localKafka = CompletableFuture.supplyAsync(() -> needKafka && kafka == null
                ? LocalKafka.start(LocalKafka.Options.defaults()
                        .withDataDir(options.dataDir.resolve("kafka"))
                        .withBrokerPort(options.kafkaPort)
                        .withControllerPort(options.kafkaControllerPort))
                : null);
        CompletableFuture<LocalElasticsearch> es = CompletableFuture.supplyAsync(() -> needElasticsearch && elasticsearch == null
                ? LocalElasticsearch.start(LocalElasticsearch.Options.defaults()
                        .withDataDir(options.dataDir.resolve("elasticsearch"))
                        .withHttpPort(options.elasticsearchPort)
                        .withTransportPort(options.elasticsearchTransportPort))
                : null);
        LocalKafka startedKafka = null;
        try {
            startedKafka = join(localKafka);
            LocalElasticsearch startedEs = join(es);
            return new LocalServices(startedKafka, startedEs,
                    startedKafka != null ? startedKafka.bootstrapServers() : kafka,
                    startedEs != null ? startedEs.httpUrl().toString().replaceAll("/$", "") : elasticsearch);
        } catch (RuntimeException e) {
            if (startedKafka != null) {
                startedKafka.close();
            }
            es.thenAccept(node -> { if (node != null) node.close(); });
            throw e;
        }
    }

    boolean localKafka() {
        return kafka != null;
    }

    boolean localElasticsearch() {
        return elasticsearch != null;
    }

    String describe() {
        return "Kafka " + bootstrapServers + (kafka != null ? " (local, log " + kafka.logFile() + ")" : "")
                + ", Elasticsearch " + elasticsearchUrl + (elasticsearch != null ? " (local, log " + elasticsearch.logFile() + ")" : "");
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public void close() {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
