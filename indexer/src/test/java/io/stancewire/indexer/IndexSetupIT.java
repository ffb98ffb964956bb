package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.model.Indices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Installing again with other settings changes the indices that already exist, not only the next generation. */
class IndexSetupIT {
    ElasticsearchClient es;

    @BeforeEach
    void connect() {
        es = ElasticsearchClients.create(LocalElasticsearch.sharedForTests().httpUrl().toString());
    }

    /** The node is shared with other test classes, some of which expect it without Stancewire's templates. */
    @AfterEach
    void removeWhatWasInstalled() throws Exception {
        TemplateFeatureCheckIT.removeInstalled(es);
        es.close();
    }

    @Test
    void aChangedRefreshIntervalReachesTheExistingIndices() throws Exception {
        new IndexSetup(es, IndexSettings.local()).install();
        assertThat(refreshIntervalOf(es, Indices.QUOTES)).isEqualTo(IndexSettings.DEFAULT_REFRESH_INTERVAL);

        new IndexSetup(es, IndexSettings.local().withRefreshInterval("30s")).install();

        for (String alias : IndexSetup.ALIASES) {
            assertThat(refreshIntervalOf(es, alias)).as(alias).isEqualTo("30s");
        }
    }

    static String refreshIntervalOf(ElasticsearchClient es, String alias) throws Exception {
        String firstGeneration = alias + "-000001";
        var settings = es.indices().getSettings(g -> g.index(firstGeneration)).get(firstGeneration).settings();
        return settings.index().refreshInterval().time();
    }
}
