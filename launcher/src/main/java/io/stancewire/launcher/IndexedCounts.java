package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import io.stancewire.model.Indices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/** How many of given articles, and of the quotes the pipeline found in them, are searchable in Elasticsearch. */
final class IndexedCounts {
    record Counts(long articles, long quotes) {}

    private final ElasticsearchClient client;

    IndexedCounts(ElasticsearchClient client) {
        this.client = client;
    }

    Counts counts(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return new Counts(0, 0);
        }
        List<FieldValue> ids = articleIds.stream().map(FieldValue::of).toList();
        try {
            client.indices().refresh(r -> r.index(Indices.ARTICLES, Indices.QUOTES));
            long articles = client.count(c -> c.index(Indices.ARTICLES)
                    .query(q -> q.ids(i -> i.values(List.copyOf(articleIds))))).count();
            long quotes = client.count(c -> c.index(Indices.QUOTES)
                    .query(q -> q.terms(t -> t.field("articleId").terms(v -> v.value(ids))))).count();
            return new Counts(articles, quotes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot query Elasticsearch: " + e.getMessage(), e);
        }
    }
}
