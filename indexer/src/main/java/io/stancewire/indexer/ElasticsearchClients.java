package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.stancewire.model.Json;

/** Builds the official client with our JSON settings, so documents look exactly like the Kafka records. */
public final class ElasticsearchClients {
    private ElasticsearchClients() {}

    public static ElasticsearchClient create(String url) {
        return ElasticsearchClient.of(b -> b.host(url).jsonMapper(new JacksonJsonpMapper(Json.MAPPER)));
    }
}
