package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The indexer on threads of its own, one consumer each in the indexer's group (so they split the partitions and each
 * has one bulk in flight), stopped (after flushing their current batches) by {@link #close()}.
 */
public final class IndexerThreads implements AutoCloseable {
    private final List<KafkaIndexer> indexers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    public IndexerThreads(IndexerSettings settings, int threadCount, ElasticsearchClient client, MeterRegistry meters) {
        for (int i = 0; i < threadCount; i++) {
            KafkaIndexer indexer = new KafkaIndexer(settings, client, meters);
            indexers.add(indexer);
            Thread thread = Thread.ofPlatform().name("indexer-" + i).unstarted(() -> {
                try {
                    indexer.run(stop);
                } finally {
                    indexer.close();
                }
            });
            threads.add(thread);
            thread.start();
        }
        // One number for the stage, whatever the thread count: how far indexing is behind Kafka.
        Gauge.builder("stancewire.indexer.lag", indexers, list -> list.stream().mapToLong(KafkaIndexer::lag).sum())
                .description("records on the indexer's topics not indexed yet, as of each consumer's last poll")
                .register(meters);
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        indexers.forEach(KafkaIndexer::wakeup);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
