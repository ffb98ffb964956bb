package io.stancewire.streams.trends;

import io.stancewire.model.JsonSerde;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;
import io.stancewire.model.StanceShift;
import io.stancewire.model.StanceTrend;
import io.stancewire.model.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/** Just the trend and shift sub-topology over an input topic of hand-made quotes: no NLP, no broker. */
final class TrendsHarness implements AutoCloseable {
    static final String TARGET = "china-ai-competitiveness";
    static final String QUOTES_IN = "test.quotes";

    final TopologyTestDriver driver;
    final TestInputTopic<String, Quote> quotes;
    final TestOutputTopic<String, StanceTrend> trends;
    final TestOutputTopic<String, StanceShift> shifts;

    TrendsHarness(Path stateDir, TrendSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        StanceTrends.addTo(builder, builder.stream(QUOTES_IN, Consumed.with(Serdes.String(), JsonSerde.of(Quote.class))), settings);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trends-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        quotes = driver.createInputTopic(QUOTES_IN, Serdes.String().serializer(), JsonSerde.of(Quote.class).serializer());
        trends = driver.createOutputTopic(Topics.STANCE_TRENDS, Serdes.String().deserializer(), JsonSerde.of(StanceTrend.class).deserializer());
        shifts = driver.createOutputTopic(Topics.STANCE_SHIFTS, Serdes.String().deserializer(), JsonSerde.of(StanceShift.class).deserializer());
    }

    /** Pipes the quote as the streams stage would: record time is the fetch, an hour after publication. */
    void pipe(Quote quote) {
        quotes.pipeInput(quote.id(), quote, quote.publishedAt().plus(Duration.ofHours(1)));
    }

    static Quote quote(String id, Speaker speaker, String outlet, String publishedAt, Stance... stances) {
        return new Quote(SchemaVersion.CURRENT, id, "article-of-" + id, 0, 10, "text of " + id, "direct", speaker, "said",
                "context of " + id, "en", List.of(stances), "https://example.org/" + id, "title", outlet, Instant.parse(publishedAt));
    }

    static Speaker person(String id, String name, String affiliation) {
        return new Speaker(id, name, null, affiliation, null, "PERSON");
    }

    static Stance stance(String label, double confidence) {
        return new Stance(TARGET, label, confidence, List.of());
    }

    @Override
    public void close() {
        driver.close();
    }
}
