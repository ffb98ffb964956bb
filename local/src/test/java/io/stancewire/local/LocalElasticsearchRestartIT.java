package io.stancewire.local;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalElasticsearchRestartIT {

    @Test
    void documentsSurviveARestartOnTheSameDataDirectory(@TempDir Path tempDir) throws Exception {
        LocalElasticsearch.Options options;
        try (LocalElasticsearch first = LocalElasticsearch.startForTests(tempDir);
             ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(first.httpUrl()))) {
            options = first.options();
            client.index(r -> r.index("restart-test").id("doc-1").document(Map.of("text", "kept across restarts"))
                    .refresh(Refresh.True));
            first.stop();
            assertThat(first.isRunning()).isFalse();
        }

        // Same directory and same ports: stop must also have released both ports.
        try (LocalElasticsearch second = LocalElasticsearch.start(options);
             ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(second.httpUrl()))) {
            GetResponse<Map> got = client.get(g -> g.index("restart-test").id("doc-1"), Map.class);
            assertThat(got.found()).isTrue();
            assertThat(got.source()).containsEntry("text", "kept across restarts");
        }
    }
}
