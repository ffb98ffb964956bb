package io.stancewire.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.stancewire.alerts.AlertTopology;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.EnrichedArticle;
import io.stancewire.model.JsonSerde;
import io.stancewire.model.Quote;
import io.stancewire.model.Topics;
import io.stancewire.streams.nlp.speakers.SpeakerIndex;
import io.stancewire.streams.trends.StanceTrends;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The streams stage as named steps: raw article -> enriched article -> one record per quote, bad input -> dead letters,
 * new speakers -> the shared speaker registry.
 */
public final class StancewireTopology {
    private StancewireTopology() {}

    public static Topology build(ArticleEnricher enricher, ExecutorService nlpThreads, NlpLimits limits, MeterRegistry meters) {
        StreamsBuilder builder = new StreamsBuilder();
        // a null enricher only describes the topology (no models loaded, nothing processed)
        SpeakerIndex speakers = SpeakerRegistryTopology.addTo(builder, enricher == null ? List.of() : enricher.curatedSpeakers());

        KStream<String, EnrichOutcome> outcomes = builder
                .stream(Topics.ARTICLES_RAW, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-raw-articles"))
                .processValues(() -> new EnrichArticle(enricher, nlpThreads, limits, speakers), Named.as("enrich-article"))
                .peek((key, outcome) -> count(meters, outcome), Named.as("count-outcomes"));

        outcomes.flatMapValues(EnrichOutcome::deadLetters, Named.as("dead-letters"))
                .to(Topics.DEAD_LETTER, Produced.with(Serdes.String(), JsonSerde.of(DeadLetter.class)).withName("write-dead-letters"));

        SpeakerRegistryTopology.writeNewSpeakers(outcomes, speakers);

        KStream<String, EnrichedArticle> enriched = outcomes.flatMapValues(EnrichOutcome::articles, Named.as("enriched-articles"));
        enriched.to(Topics.ARTICLES_ENRICHED,
                Produced.with(Serdes.String(), JsonSerde.of(EnrichedArticle.class)).withName("write-enriched-articles"));

        KStream<String, Quote> quotes = enriched.flatMap((articleId, article) -> article.quotes().stream().map(q -> KeyValue.pair(q.id(), q)).toList(),
                        Named.as("one-record-per-quote"));
        quotes.to(Topics.QUOTES, Produced.with(Serdes.String(), JsonSerde.of(Quote.class)).withName("write-quotes"));
        StanceTrends.addTo(builder, quotes);
        AlertTopology.addTo(builder, quotes);

        return builder.build();
    }

    private static void count(MeterRegistry meters, EnrichOutcome outcome) {
        if (outcome.article() != null) {
            meters.counter("stancewire.streams.articles").increment();
            meters.counter("stancewire.streams.quotes").increment(outcome.article().quotes().size());
        }
        outcome.deadLetters().forEach(d -> meters.counter("stancewire.deadletters", "stage", "streams", "reason", d.reason()).increment());
    }
}
