package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.indexer.IndexSettings;
import io.stancewire.indexer.IndexerThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Run the indexer stage alone: articles, quotes and dead letters from Kafka into Elasticsearch.",
                "Needs --kafka and --elasticsearch (or STANCEWIRE_KAFKA / STANCEWIRE_ELASTICSEARCH), or starts local ones."})
final class IndexCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connection;

    @Mixin IndexerOptions indexerOptions;

    @Mixin ProgressOptions progressOptions;
    @Mixin MetricsOptions metricsOptions;

    @Override
    public Integer call() throws Exception {
        StopSignal signal = StopSignal.install();
        try (ProcessMetrics metrics = new ProcessMetrics();
             MetricsServer ignored = metricsOptions.startIfConfigured(metrics);
             LocalServices services = LocalServices.start(connection, true, true);
             ElasticsearchClient es = ElasticsearchClients.create(services.elasticsearchUrl)) {
            Setup.topics(services.bootstrapServers, connection.partitions);
            IndexSettings indexSettings = connection.indexSettings(services.localElasticsearch());
            Setup.indices(es, indexSettings);
            try (IndexerThreads stage = new IndexerThreads(indexerOptions.settings(services.bootstrapServers, services.elasticsearchUrl, indexSettings), indexerOptions.threads, es, metrics.registry())) {
                new Progress(metrics.registry()).printUntilStopped(signal, progressOptions.interval, System.out);
            }
            return 0;
        }
    }
}
