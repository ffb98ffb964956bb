package io.stancewire.local;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.InfoResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real node that other modules' tests share: what the indexer and the launcher rely on. */
class LocalElasticsearchIT {
    private static LocalElasticsearch node;
    private static ElasticsearchClient client;

    @BeforeAll
    static void startNode() {
        node = LocalElasticsearch.sharedForTests();
        client = ElasticsearchClient.of(b -> b.host(node.httpUrl()));
    }

    @AfterAll
    static void closeClient() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void sharedNodeIsStartedOnceAndReused() {
        assertThat(LocalElasticsearch.sharedForTests()).isSameAs(node);
        assertThat(node.isRunning()).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void rootEndpointAnswersLikeARealNode() throws Exception {
        InfoResponse info = client.info();
        assertThat(info.version().number()).isEqualTo("9.5.3");
        assertThat(info.clusterName()).isEqualTo("stancewire-test");
        assertThat(info.name()).isNotBlank();
        assertThat(info.clusterUuid()).isNotBlank().isNotEqualTo("_na_");
        assertThat(info.version().luceneVersion()).isNotBlank();
        assertThat(client.ping().value()).as("HEAD /").isTrue();

        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> raw = http.send(HttpRequest.newBuilder(node.httpUrl().resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.headers().firstValue("X-elastic-product")).contains("Elasticsearch");
            assertThat(raw.body()).contains("\"cluster_name\" : \"stancewire-test\"", "\"number\" : \"9.5.3\"");
        }
    }

    @Test
    void aSecondNodeOnTheSameDataDirectoryFailsFastWithItsLog() throws Exception {
        LocalElasticsearch.Options sameDir = node.options().withHttpPort(freePort()).withTransportPort(freePort());

        assertThatThrownBy(() -> LocalElasticsearch.start(sameDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited during start-up")
                .hasMessageContaining("failed to obtain node locks");
        assertThat(client.ping().value()).as("the first node is unharmed").isTrue();
    }

    @Test
    void bestCompressionIndexStoresGetsAndAggregates() throws Exception {
        String index = "articles-codec-test";
        client.indices().create(c -> c.index(index)
                .settings(s -> s.codec("best_compression").numberOfShards("1").numberOfReplicas("0"))
                .mappings(m -> m.properties("outlet", p -> p.keyword(k -> k)).properties("body", p -> p.text(t -> t))));
        List<Map<String, Object>> docs = List.of(
                Map.of("outlet", "dawn", "body", "China's AI push draws praise"),
                Map.of("outlet", "dawn", "body", "Chip export rules tighten"),
                Map.of("outlet", "bbc-urdu", "body", "A new model is released"));
        for (int i = 0; i < docs.size(); i++) {
            Map<String, Object> doc = docs.get(i);
            String id = "a" + i;
            client.index(r -> r.index(index).id(id).document(doc));
        }
        client.indices().refresh(r -> r.index(index));
        // A flush writes the stored fields through the zstd codec; reading them back after it proves zstd works.
        client.indices().flush(f -> f.index(index).force(true).waitIfOngoing(true));

        GetResponse<Map> got = client.get(g -> g.index(index).id("a1").realtime(false), Map.class);
        assertThat(got.found()).isTrue();
        assertThat(got.source()).containsEntry("body", "Chip export rules tighten").containsEntry("outlet", "dawn");

        IndexSettings settings = client.indices().getSettings(g -> g.index(index)).get(index).settings();
        assertThat(settings.index().codec()).isEqualTo("best_compression");

        SearchResponse<Void> search = client.search(s -> s.index(index).size(0)
                .query(q -> q.matchAll(m -> m))
                .aggregations("by_outlet", a -> a.terms(t -> t.field("outlet"))), Void.class);
        List<StringTermsBucket> buckets = search.aggregations().get("by_outlet").sterms().buckets().array();
        assertThat(buckets).extracting(b -> b.key().stringValue(), StringTermsBucket::docCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dawn", 2L),
                        org.assertj.core.groups.Tuple.tuple("bbc-urdu", 1L));
    }

    @Test
    void composableIndexTemplateAppliesToNewIndices() throws Exception {
        client.indices().putIndexTemplate(t -> t.name("quotes-template-test")
                .indexPatterns("quotes-test-*")
                .priority(100L)
                .template(tt -> tt
                        .settings(s -> s.numberOfShards("2").numberOfReplicas("0"))
                        .mappings(m -> m.properties("speaker", p -> p.keyword(k -> k)))));

        // Created implicitly by the first write, as the indexer's rolled-over indices will be.
        client.index(r -> r.index("quotes-test-2026").id("q1").document(Map.of("speaker", "Jensen Huang"))
                .refresh(Refresh.WaitFor));

        Property speaker = client.indices().getMapping(g -> g.index("quotes-test-2026"))
                .get("quotes-test-2026").mappings().properties().get("speaker");
        assertThat(speaker.isKeyword()).as("speaker mapped as keyword by the template, not dynamic text").isTrue();
        IndexSettings settings = client.indices().getSettings(g -> g.index("quotes-test-2026"))
                .get("quotes-test-2026").settings();
        assertThat(settings.index().numberOfShards()).isEqualTo("2");
        assertThat(client.cluster().health(h -> h.index("quotes-test-2026")).status().jsonValue()).isEqualTo("green");
    }
}
