package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.stancewire.indexer.IndexerSettings;
import io.stancewire.indexer.KafkaIndexer;

import java.util.concurrent.atomic.AtomicBoolean;

/** The indexer on a thread of its own, stopped (after flushing its current batch) by {@link #close()}. */
final class IndexerStage implements AutoCloseable {
    private final KafkaIndexer indexer;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    IndexerStage(IndexerSettings settings, ElasticsearchClient client, MeterRegistry meters) {
        this.indexer = new KafkaIndexer(settings, client, meters);
        this.thread = Thread.ofPlatform().name("indexer").unstarted(() -> {
            try {
                indexer.run(stop);
            } finally {
                indexer.close();
            }
        });
        this.thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        indexer.wakeup();
        thread.join(30_000);
    }
}
