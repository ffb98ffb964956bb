package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The indexer on threads of its own, one consumer each in the indexer's group (so they split the partitions and each
 * has one bulk in flight), stopped (after flushing their current batches) by {@link #close()}. Every few seconds their
 * summed lag decides whether the indices refresh at the backlog's interval ({@link BacklogRefresh}).
 */
public final class IndexerThreads implements AutoCloseable {
    private static final long BACKLOG_CHECK_SECONDS = 5;

    private final List<KafkaIndexer> indexers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final BacklogRefresh backlog;
    private final ScheduledExecutorService backlogCheck = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("indexer-backlog-check").daemon().factory());

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
        Gauge.builder("stancewire.indexer.lag", this, IndexerThreads::lag)
                .description("records on the indexer's topics not indexed yet, as of each consumer's last poll")
                .register(meters);
        backlog = new BacklogRefresh(client, settings.index().refreshInterval(), settings.backlog(), meters);
        backlogCheck.scheduleWithFixedDelay(() -> backlog.observe(lag()), BACKLOG_CHECK_SECONDS, BACKLOG_CHECK_SECONDS,
                TimeUnit.SECONDS);
    }

    private long lag() {
        return indexers.stream().mapToLong(KafkaIndexer::lag).sum();
    }

    @Override
    public void close() throws InterruptedException {
        backlogCheck.shutdownNow();
        backlogCheck.awaitTermination(30, TimeUnit.SECONDS);
        stop.set(true);
        indexers.forEach(KafkaIndexer::wakeup);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        backlog.restore();
    }
}
