package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

import java.util.ArrayList;
import java.util.List;

/** Sends one bulk request and sorts its items into done, worth retrying, and rejected for good. */
public final class BulkWriter {
    private final ElasticsearchClient client;

    public BulkWriter(ElasticsearchClient client) {
        this.client = client;
    }

    public record Rejection(IndexAction action, int status, String error) {}

    public record Outcome(int indexed, List<IndexAction> retry, List<Rejection> rejected) {}

    /** @throws Exception when the cluster cannot be reached or refuses the whole request: retry it all */
    public Outcome write(List<IndexAction> actions) throws Exception {
        List<BulkOperation> operations = actions.stream()
                .map(a -> BulkOperation.of(b -> a.isDelete()
                        ? b.delete(d -> d.index(a.index()).id(a.id()))
                        : b.index(i -> i.index(a.index()).id(a.id()).document(a.document()))))
                .toList();
        BulkResponse response = client.bulk(b -> b.operations(operations));
        List<IndexAction> retry = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        int indexed = 0;
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                indexed++;
            } else if (isTransient(item.status())) {
                retry.add(actions.get(i));
            } else {
                rejected.add(new Rejection(actions.get(i), item.status(), item.error().type() + ": " + item.error().reason()));
            }
        }
        return new Outcome(indexed, retry, rejected);
    }

    static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }
}
