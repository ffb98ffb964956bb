package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import io.stancewire.indexer.IndexSetup;
import io.stancewire.model.Indices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an operator asks first of a running pipeline: is each stage keeping up, what did it give up on, and is the
 * archive there. Read-only: it starts nothing and changes nothing, so it is safe against production.
 */
final class PipelineStatus {
    record GroupLag(String stage, String groupId, long lag) {}

    record IndexCount(String alias, Long documents) {}

    record DeadLetterCount(String stage, String reason, long count) {}

    /**
     * @param problems what could not be reached or read; empty when everything answered
     */
    record Report(String kafka, List<GroupLag> lags, String elasticsearch, String health, List<IndexCount> indices,
                  List<DeadLetterCount> deadLetters, List<String> problems) {}

    private final List<ConsumerLag.Group> groups;
    private final Duration timeout;

    /** @param timeout how long to wait for an unreachable Kafka before reporting it */
    PipelineStatus(List<ConsumerLag.Group> groups, Duration timeout) {
        this.groups = List.copyOf(groups);
        this.timeout = timeout;
    }

    Report read(String bootstrapServers, ElasticsearchClient es, String elasticsearchUrl) {
        List<String> problems = new ArrayList<>();
        List<GroupLag> lags = lags(bootstrapServers, problems);
        String health = null;
        List<IndexCount> indices = new ArrayList<>();
        List<DeadLetterCount> deadLetters = new ArrayList<>();
        try {
            health = es.cluster().health().status().jsonValue();
            for (String alias : IndexSetup.ALIASES) {
                boolean exists = es.indices().existsAlias(a -> a.name(alias)).value();
                indices.add(new IndexCount(alias, exists ? es.count(c -> c.index(alias)).count() : null));
            }
            if (es.indices().existsAlias(a -> a.name(Indices.DEAD_LETTERS)).value()) {
                deadLetters.addAll(deadLettersByReason(es));
            }
        } catch (Exception e) {
            problems.add("Elasticsearch at " + elasticsearchUrl + " did not answer: " + e.getMessage());
        }
        return new Report(bootstrapServers, lags, elasticsearchUrl, health, indices, deadLetters, problems);
    }

    private List<GroupLag> lags(String bootstrapServers, List<String> problems) {
        List<GroupLag> lags = new ArrayList<>();
        try (ConsumerLag lag = new ConsumerLag(bootstrapServers, timeout)) {
            for (ConsumerLag.Group group : groups) {
                lags.add(new GroupLag(group.stage(), group.groupId(), lag.of(group)));
            }
        } catch (RuntimeException e) {
            problems.add("Kafka at " + bootstrapServers + " did not answer: " + e.getMessage());
        }
        return lags;
    }

    private static List<DeadLetterCount> deadLettersByReason(ElasticsearchClient es) throws java.io.IOException {
        var response = es.search(s -> s.index(Indices.DEAD_LETTERS).size(0)
                .aggregations("stage", a -> a.terms(t -> t.field("stage").size(20))
                        .aggregations("reason", r -> r.terms(t -> t.field("reason").size(50)))), Map.class);
        List<DeadLetterCount> counts = new ArrayList<>();
        for (StringTermsBucket stage : response.aggregations().get("stage").sterms().buckets().array()) {
            for (StringTermsBucket reason : stage.aggregations().get("reason").sterms().buckets().array()) {
                counts.add(new DeadLetterCount(stage.key().stringValue(), reason.key().stringValue(), reason.docCount()));
            }
        }
        return counts;
    }
}
