package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * While the indexer works off a backlog (after downtime, a re-run, a burst of feeds), the indices refresh less often;
 * when it has caught up, they get their usual interval back. Every refresh writes a small segment that later has to
 * be merged, so at bulk rates a 5 s refresh costs the local node about a third more CPU per document than 30 s
 * (docs/benchmarks.md), while nobody needs second-fresh dashboards of documents that are minutes behind anyway.
 * <p>
 * Leaving takes the lag down to a tenth of the threshold, so a lag that hovers around the threshold does not flip the
 * setting at every check. A failed settings change is logged and tried again at the next check.
 */
public final class BacklogRefresh {
    private static final Logger log = LoggerFactory.getLogger(BacklogRefresh.class);

    /**
     * @param refreshInterval the indices' refresh interval while behind (an Elasticsearch time value)
     * @param threshold       records not yet indexed from which the indexer counts as behind; 0 never
     */
    public record Policy(String refreshInterval, long threshold) {
        public static final Policy DEFAULT = new Policy("30s", 50_000);
        public static final Policy OFF = new Policy(IndexSettings.DEFAULT_REFRESH_INTERVAL, 0);

        public Policy {
            IndexSettings.requireRefreshInterval(refreshInterval);
            if (threshold < 0) {
                throw new IllegalArgumentException("backlog threshold must be 0 (off) or more, not " + threshold);
            }
        }
    }

    private final ElasticsearchClient client;
    private final String normalInterval;
    private final Policy policy;
    private volatile boolean behind;
    private boolean settingsApplied = true;

    public BacklogRefresh(ElasticsearchClient client, String normalInterval, Policy policy, MeterRegistry meters) {
        this.client = client;
        this.normalInterval = normalInterval;
        this.policy = policy;
        Gauge.builder("stancewire.indexer.backlog", this, b -> b.behind ? 1 : 0)
                .description("1 while the indexer works off a backlog with the longer refresh interval, else 0")
                .register(meters);
    }

    /** Called with the indexer's current lag at every check. */
    public synchronized void observe(long lag) {
        if (policy.threshold() == 0) {
            return;
        }
        boolean wasBehind = behind;
        if (!behind && lag >= policy.threshold()) {
            behind = true;
            log.info("indexer is {} records behind: indices refresh every {} until it has caught up", lag, policy.refreshInterval());
        } else if (behind && lag <= policy.threshold() / 10) {
            behind = false;
            log.info("indexer has caught up ({} records behind): indices refresh every {} again", lag, normalInterval);
        }
        if (behind != wasBehind || !settingsApplied) {
            apply();
        }
    }

    public boolean behind() {
        return behind;
    }

    /** On shutdown: the next start would restore the interval too, but another process may search in between. */
    public synchronized void restore() {
        if (behind || !settingsApplied) {
            behind = false;
            apply();
        }
    }

    private void apply() {
        String interval = behind ? policy.refreshInterval() : normalInterval;
        try {
            client.indices().putSettings(p -> p.index(IndexSetup.ALIASES).allowNoIndices(true).ignoreUnavailable(true)
                    .settings(s -> s.refreshInterval(t -> t.time(interval))));
            settingsApplied = true;
        } catch (IOException | RuntimeException e) {
            settingsApplied = false;
            log.warn("could not set the refresh interval to {} (tried again at the next check): {}", interval, e.getMessage());
        }
    }
}
