package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.stancewire.model.Indices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Waits until given articles, and every quote the pipeline found in them, are searchable in Elasticsearch. */
final class IndexedWait {
    record Counts(long articles, long expectedQuotes, long quotes) {}

    private final ElasticsearchClient client;

    IndexedWait(ElasticsearchClient client) {
        this.client = client;
    }

    /** @return true when everything arrived before the timeout or the stop flag */
    boolean await(Collection<String> articleIds, Duration timeout, AtomicBoolean stop, Runnable onTick) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stop.get() && System.nanoTime() < deadline) {
            Counts c = counts(articleIds);
            if (c.articles() == articleIds.size() && c.quotes() >= c.expectedQuotes()) {
                return true;
            }
            onTick.run();
            Thread.sleep(1000);
        }
        return false;
    }

    Counts counts(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return new Counts(0, 0, 0);
        }
        List<FieldValue> ids = articleIds.stream().map(FieldValue::of).toList();
        try {
            client.indices().refresh(r -> r.index(Indices.ARTICLES, Indices.QUOTES));
            SearchResponse<Map> articles = client.search(s -> s.index(Indices.ARTICLES).size(articleIds.size())
                    .source(src -> src.filter(f -> f.includes("quoteCount")))
                    .query(q -> q.ids(i -> i.values(List.copyOf(articleIds)))), Map.class);
            long expectedQuotes = articles.hits().hits().stream().map(Hit::source)
                    .mapToLong(src -> src == null ? 0 : ((Number) src.getOrDefault("quoteCount", 0)).longValue()).sum();
            long quotes = client.count(c -> c.index(Indices.QUOTES)
                    .query(q -> q.terms(t -> t.field("articleId").terms(v -> v.value(ids))))).count();
            return new Counts(articles.hits().hits().size(), expectedQuotes, quotes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot query Elasticsearch: " + e.getMessage(), e);
        }
    }
}
