package io.stancewire.streams;

import io.stancewire.model.Article;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.EnrichedArticle;
import io.stancewire.model.Ids;
import io.stancewire.model.Json;
import io.stancewire.model.JsonSerde;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.model.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The topology's routing on the real NLP, without a broker. */
class StancewireTopologyTest {
    static ArticleEnricher enricher;
    static ExecutorService nlpThreads;

    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> raw;
    TestOutputTopic<String, EnrichedArticle> enriched;
    TestOutputTopic<String, Quote> quotes;
    TestOutputTopic<String, DeadLetter> deadLetters;
    TestOutputTopic<String, SpeakerEntry> speakers;

    @BeforeAll
    static void loadModels() {
        enricher = ArticleEnricher.loadDefault();
        nlpThreads = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopThreads() {
        nlpThreads.shutdownNow();
    }

    void open(NlpLimits limits) {
        driver = new TopologyTestDriver(StancewireTopology.build(enricher, nlpThreads, limits, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), StreamsApp.properties(
                StreamsSettings.defaults("unused:9092", java.nio.file.Path.of("target", "topology-test-state"))));
        raw = driver.createInputTopic(Topics.ARTICLES_RAW, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(Topics.ARTICLES_ENRICHED, Serdes.String().deserializer(), JsonSerde.of(EnrichedArticle.class).deserializer());
        quotes = driver.createOutputTopic(Topics.QUOTES, Serdes.String().deserializer(), JsonSerde.of(Quote.class).deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER, Serdes.String().deserializer(), JsonSerde.of(DeadLetter.class).deserializer());
        speakers = driver.createOutputTopic(Topics.SPEAKERS, Serdes.String().deserializer(), JsonSerde.of(SpeakerEntry.class).deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void theSeedArticleBecomesAnEnrichedArticleAndOneRecordPerQuote() throws IOException {
        open(NlpLimits.defaults());
        Article seed = article("https://example.org/seed", seedText(), "ur");
        raw.pipeInput(seed.id(), Json.write(seed));

        EnrichedArticle out = enriched.readValue();
        assertThat(out.language()).isEqualTo("ur");
        assertThat(out.quotes()).hasSizeGreaterThanOrEqualTo(13);
        List<KeyValue<String, Quote>> perQuote = quotes.readKeyValuesToList();
        assertThat(perQuote).hasSize(out.quotes().size());
        assertThat(perQuote).allSatisfy(kv -> {
            assertThat(kv.key).isEqualTo(kv.value.id()).isEqualTo(Ids.quoteId(seed.id(), kv.value.begin(), kv.value.end()));
            assertThat(kv.value.articleId()).isEqualTo(seed.id());
            assertThat(kv.value.stances()).isNotEmpty();
        });
        assertThat(deadLetters.isEmpty()).isTrue();
        // its four quoted speakers are curated (Urdu spellings included); its reported speech adds DeepSeek (curated)
        // and groups without an id ("تجزیہ کاروں"): nothing new for the registry
        assertThat(out.quotes()).filteredOn(q -> !q.kind().equals("indirect")).extracting(q -> q.speaker().id())
                .containsOnly("person:tiezhen-wang", "person:grace-isford", "person:paul-triolo", "person:xin-sun");
        assertThat(out.quotes()).filteredOn(q -> q.kind().equals("indirect")).extracting(q -> q.speaker().id())
                .isNotEmpty().containsOnly("person:tiezhen-wang", "org:deepseek", null);
        assertThat(speakers.readValuesToList()).isEmpty();
    }

    @Test
    void brokenJsonIsDeadLetteredAndTheNextRecordStillFlows() {
        open(NlpLimits.defaults());
        raw.pipeInput("bad", "{\"id\": \"bad\", \"text\": ".getBytes(StandardCharsets.UTF_8));
        Article good = article("https://example.org/good", "\"We are way ahead on chips,\" Jensen Huang said.", "en");
        raw.pipeInput(good.id(), Json.write(good));

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.reason()).isEqualTo("invalid-json");
        assertThat(letter.key()).isEqualTo("bad");
        assertThat(letter.source()).isEqualTo(Topics.ARTICLES_RAW);
        assertThat(letter.offset()).isZero();
        assertThat(enriched.readKeyValue().key).isEqualTo(good.id());
    }

    @Test
    void anArticleWithoutTextIsIndexedFlaggedAndDeadLettered() {
        open(NlpLimits.defaults());
        Article empty = article("https://example.org/empty", "   ", "en");
        raw.pipeInput(empty.id(), Json.write(empty));

        assertThat(enriched.readValue().article().flags()).contains("no-text");
        assertThat(deadLetters.readValue().reason()).isEqualTo("article-without-text");
        assertThat(quotes.isEmpty()).isTrue();
    }

    @Test
    void aSyndicatedDuplicateIsNotAnalysedAgain() {
        open(NlpLimits.defaults());
        Article a = article("https://example.org/copy", "\"We are way ahead on chips,\" Jensen Huang said.", "en");
        Article copy = new Article(a.schemaVersion(), a.id(), a.url(), a.canonicalUrl(), a.guid(), a.feedUrl(), a.feedName(),
                a.outlet(), a.title(), a.authors(), a.publishedAt(), a.fetchedAt(), a.languageHint(), a.text(), "original-id", a.flags());
        raw.pipeInput(copy.id(), Json.write(copy));

        EnrichedArticle out = enriched.readValue();
        assertThat(out.article().flags()).contains("duplicate");
        assertThat(out.quotes()).isEmpty();
        assertThat(quotes.isEmpty()).isTrue();
    }

    @Test
    void anAnalysisOverItsTimeBudgetIsDeadLetteredAndTheArticleKept() {
        open(new NlpLimits(200_000, Duration.ofMillis(1)));
        String longText = "\"China is catching up quickly,\" the analyst said in Beijing on Monday. ".repeat(400);
        Article slow = article("https://example.org/slow", longText, "en");
        raw.pipeInput(slow.id(), Json.write(slow));

        assertThat(deadLetters.readValue().reason()).isEqualTo("nlp-timeout");
        assertThat(enriched.readValue().article().flags()).contains("nlp-timeout");
    }

    @Test
    void hugeTextIsCutForTheNlpAndFlagged() {
        open(new NlpLimits(2_000, Duration.ofSeconds(60)));
        Article huge = article("https://example.org/huge", "Plain words without any quotation at all. ".repeat(500), "en");
        raw.pipeInput(huge.id(), Json.write(huge));

        assertThat(enriched.readValue().article().flags()).contains("truncated-for-nlp");
    }

    @Test
    void aNewSpeakerIsRegisteredAndALaterArticleNamingOnlyTheSurnameResolvesToThem() {
        open(NlpLimits.defaults());
        Article first = article("https://example.org/doe-1",
                "\"Rates will fall before the summer,\" said Jane Doe, an analyst at Foo Capital, on Tuesday.", "en");
        raw.pipeInput(first.id(), Json.write(first));

        Quote introduced = enriched.readValue().quotes().get(0);
        assertThat(introduced.speaker().name()).isEqualTo("Jane Doe");
        List<KeyValue<String, SpeakerEntry>> registered = speakers.readKeyValuesToList();
        assertThat(registered).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(kv.value.id()).isEqualTo(introduced.speaker().id());
            assertThat(kv.value.name()).isEqualTo("Jane Doe");
            assertThat(kv.value.affiliation()).isEqualTo("Foo Capital");
            assertThat(kv.value.source()).isEqualTo(SpeakerEntry.LEARNED);
            assertThat(kv.value.firstArticleId()).isEqualTo(first.id());
        });

        Article later = article("https://example.org/doe-2",
                "Foo Capital published its outlook on Friday. \"We see no recession this year,\" Doe said.", "en");
        raw.pipeInput(later.id(), Json.write(later));

        Quote resolved = enriched.readValue().quotes().get(0);
        assertThat(resolved.speaker().id()).isEqualTo(introduced.speaker().id());
        assertThat(resolved.speaker().name()).isEqualTo("Jane Doe");
        assertThat(resolved.speaker().mention().text()).isEqualTo("Doe");
        assertThat(speakers.isEmpty()).isTrue(); // known now: not registered twice
    }

    @Test
    void curatedSpeakersAreKnownWithoutBeingRegisteredAgain() {
        open(NlpLimits.defaults());
        Article a = article("https://example.org/triolo", "\"The chip rules will bite,\" Triolo said at a DGA Group briefing.", "en");
        raw.pipeInput(a.id(), Json.write(a));

        assertThat(enriched.readValue().quotes()).extracting(q -> q.speaker().id()).containsExactly("person:paul-triolo");
        assertThat(speakers.isEmpty()).isTrue();
    }

    static Article article(String url, String text, String language) {
        return new Article(SchemaVersion.CURRENT, Ids.articleId(url), url, url, url, "https://example.org/feed", "Example",
                "example.org", "Title", List.of(), Instant.parse("2024-12-16T06:30:00Z"), Instant.now(), language, text, null, List.of());
    }

    static String seedText() throws IOException {
        try (InputStream in = StancewireTopologyTest.class.getResourceAsStream("/seed-urdu.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
