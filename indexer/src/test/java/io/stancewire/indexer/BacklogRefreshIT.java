package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.local.LocalElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** The indices' refresh interval follows the indexer's lag on a real node: longer while behind, back when caught up. */
class BacklogRefreshIT {
    static final String USUAL = "7s";
    ElasticsearchClient es;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void install() {
        es = ElasticsearchClients.create(LocalElasticsearch.sharedForTests().httpUrl().toString());
        new IndexSetup(es, IndexSettings.local().withRefreshInterval(USUAL)).install();
    }

    @AfterEach
    void removeWhatWasInstalled() throws Exception {
        TemplateFeatureCheckIT.removeInstalled(es);
        es.close();
    }

    @Test
    void behindFromTheThresholdAndCaughtUpAtATenthOfIt() throws Exception {
        BacklogRefresh backlog = new BacklogRefresh(es, USUAL, new BacklogRefresh.Policy("30s", 1_000), meters);

        backlog.observe(999);
        assertThat(backlog.behind()).isFalse();
        assertEveryIndexRefreshesEvery(USUAL);

        backlog.observe(1_000);
        assertThat(backlog.behind()).isTrue();
        assertThat(meters.get("stancewire.indexer.backlog").gauge().value()).isEqualTo(1.0);
        assertEveryIndexRefreshesEvery("30s");

        backlog.observe(500);
        assertThat(backlog.behind()).as("still working off the backlog").isTrue();
        assertEveryIndexRefreshesEvery("30s");

        backlog.observe(100);
        assertThat(backlog.behind()).isFalse();
        assertThat(meters.get("stancewire.indexer.backlog").gauge().value()).isZero();
        assertEveryIndexRefreshesEvery(USUAL);
    }

    @Test
    void aShutdownWhileBehindRestoresTheUsualInterval() throws Exception {
        BacklogRefresh backlog = new BacklogRefresh(es, USUAL, new BacklogRefresh.Policy("1m", 10), meters);
        backlog.observe(50);
        assertEveryIndexRefreshesEvery("1m");

        backlog.restore();

        assertThat(backlog.behind()).isFalse();
        assertEveryIndexRefreshesEvery(USUAL);
    }

    @Test
    void thresholdZeroNeverChangesTheInterval() throws Exception {
        BacklogRefresh backlog = new BacklogRefresh(es, USUAL, new BacklogRefresh.Policy("30s", 0), meters);

        backlog.observe(10_000_000);

        assertThat(backlog.behind()).isFalse();
        assertEveryIndexRefreshesEvery(USUAL);
    }

    @Test
    void anUnreachableClusterIsLoggedNotThrown() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        try (ElasticsearchClient unreachable = ElasticsearchClients.create("http://127.0.0.1:" + deadPort)) {
            BacklogRefresh backlog = new BacklogRefresh(unreachable, USUAL, new BacklogRefresh.Policy("30s", 10), meters);

            backlog.observe(100);
            backlog.restore();

            assertThat(backlog.behind()).isFalse();
        }
    }

    private void assertEveryIndexRefreshesEvery(String interval) throws Exception {
        for (String alias : IndexSetup.ALIASES) {
            assertThat(IndexSetupIT.refreshIntervalOf(es, alias)).as(alias).isEqualTo(interval);
        }
    }
}
