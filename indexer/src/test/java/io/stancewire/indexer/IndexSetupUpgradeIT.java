package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.model.Indices;
import io.stancewire.model.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real node: an alerts index created by an older release (strict mappings without the spike and channel
 * fields) gets them when the setup runs again, so a spike alert is indexed there at once, not only after a rollover.
 */
class IndexSetupUpgradeIT {

    @Test
    void fieldsANewerTemplateAddsReachTheExistingIndex() throws Exception {
        try (ElasticsearchClient es = ElasticsearchClients.create(LocalElasticsearch.sharedForTests().httpUrl().toString())) {
            IndexSetup setup = new IndexSetup(es, IndexSettings.local());
            // Other tests on this node may expect it with or without templates: it is left as it was found.
            boolean installedBefore = es.cluster().existsComponentTemplate(e -> e.name(IndexSetup.COMPONENT_SETTINGS)).value();
            String first = Indices.ALERTS + "-000001";
            if (es.indices().existsIndexTemplate(e -> e.name(Indices.ALERTS)).value()) {
                es.indices().deleteIndexTemplate(d -> d.name(Indices.ALERTS));
            }
            deleteIndices(es, Indices.ALERTS);
            ObjectNode older = (ObjectNode) Json.MAPPER.readTree(setup.template("index-alerts.json")).path("template").path("mappings");
            ((ObjectNode) older.path("properties")).remove("spike");
            ((ObjectNode) older.path("properties")).remove("channel");
            es.indices().create(c -> c.index(first).aliases(Indices.ALERTS, a -> a.isWriteIndex(true))
                    .mappings(m -> m.withJson(new StringReader(older.toString()))));
            try {
                setup.install();

                Map<String, Object> spike = Map.of("day", "2026-11-08", "count", 6, "trailingAverage", 2.0, "trailingDays", 7,
                        "factor", 3.0, "minCount", 5, "threshold", 6.0);
                es.index(i -> i.index(Indices.ALERTS).id("upgrade-it").document(Map.of("record", "alert", "spike", spike,
                        "channel", "kafka")).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
                long found = es.count(c -> c.index(Indices.ALERTS).query(q -> q.range(r -> r.number(n -> n.field("spike.count").gte(6.0)))))
                        .count();
                assertThat(found).isEqualTo(1);
                assertThat(es.indices().getAlias(a -> a.name(Indices.ALERTS)).aliases()).containsOnlyKeys(first);
            } finally {
                deleteIndices(es, Indices.ALERTS);
                if (installedBefore) {
                    setup.install();
                } else {
                    for (String alias : IndexSetup.ALIASES) {
                        deleteIndices(es, alias);
                        es.indices().deleteIndexTemplate(d -> d.name(alias));
                    }
                    es.cluster().deleteComponentTemplate(d -> d.name(IndexSetup.COMPONENT_SETTINGS));
                }
            }
        }
    }

    /** By name: the node refuses wildcard deletes. */
    private static void deleteIndices(ElasticsearchClient es, String alias) throws java.io.IOException {
        for (String index : es.indices().get(g -> g.index(alias + "-*").allowNoIndices(true)).indices().keySet()) {
            es.indices().delete(d -> d.index(index));
        }
    }
}
