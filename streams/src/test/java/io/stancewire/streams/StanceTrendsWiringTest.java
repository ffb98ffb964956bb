package io.stancewire.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.model.Topics;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The main topology feeds its quotes into the trend and shift steps; described only, so no NLP models load. */
class StanceTrendsWiringTest {

    @Test
    void quotesFeedTrendsAndShiftsWhichWriteTheirTopics() {
        TopologyDescription description = StancewireTopology.build(null, null, NlpLimits.defaults(), new SimpleMeterRegistry()).describe();

        TopologyDescription.Subtopology main = description.subtopologies().stream()
                .filter(s -> names(s).contains("one-record-per-quote"))
                .findFirst().orElseThrow();
        assertThat(names(main)).contains("write-quotes", "stance-count-each-quote-once");

        List<String> sinkTopics = description.subtopologies().stream()
                .flatMap(s -> s.nodes().stream())
                .filter(n -> n instanceof TopologyDescription.Sink)
                .map(n -> ((TopologyDescription.Sink) n).topic())
                .toList();
        assertThat(sinkTopics).contains(Topics.QUOTES, Topics.STANCE_TRENDS, Topics.STANCE_SHIFTS, Topics.SPEAKERS);
        assertThat(description.globalStores()).extracting(g -> g.source().topicSet()).contains(Set.of(Topics.SPEAKERS));
        // Quotes arrive partitioned by article: counting per speaker, organisation or outlet needs them re-keyed
        // through a topic, or each partition would count its own share of a speaker.
        assertThat(sinkTopics).contains("stance-trend-by-key-repartition", "stance-shift-by-speaker-repartition");
    }

    private static Set<String> names(TopologyDescription.Subtopology subtopology) {
        return subtopology.nodes().stream().map(TopologyDescription.Node::name).collect(Collectors.toSet());
    }
}
