package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.stancewire.indexer.IndexSettings;
import io.stancewire.indexer.IndexSetup;
import io.stancewire.model.TopicSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Topics and index templates, created at every start when missing (both steps are idempotent). */
final class Setup {
    private Setup() {}

    static List<String> topics(String bootstrapServers, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return TopicSetup.ensureTopics(admin, partitions, Optional.empty());
        }
    }

    static void indices(ElasticsearchClient client, IndexSettings settings) {
        new IndexSetup(client, settings).install();
    }
}
