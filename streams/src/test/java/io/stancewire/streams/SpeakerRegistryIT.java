package io.stancewire.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.local.LocalKafka;
import io.stancewire.model.Article;
import io.stancewire.model.EnrichedArticle;
import io.stancewire.model.Json;
import io.stancewire.model.Quote;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.model.TopicSetup;
import io.stancewire.model.Topics;
import io.stancewire.streams.nlp.speakers.ArticleSpeakers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real broker, with the real NLP: two instances of the streams application and then a third, fresh one (new
 * state folder, as on another machine) agree on speaker ids through {@link Topics#SPEAKERS}.
 */
class SpeakerRegistryIT {
    static final String APP = "speaker-registry-it";
    static ArticleEnricher enricher;
    static String bootstrap;

    @BeforeAll
    static void start() {
        bootstrap = LocalKafka.sharedForTests().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicSetup.ensureTopics(admin, 2, Optional.empty());
        }
        enricher = ArticleEnricher.loadDefault();
    }

    @Test
    void instancesAgreeOnNewSpeakersAndAFreshInstanceResolvesASurnameToThem() throws Exception {
        String roe = ArticleSpeakers.idFor("PERSON", "Richard Roe");
        String doe = ArticleSpeakers.idFor("PERSON", "Jane Doe");
        try (StreamsApp a = app(); StreamsApp b = app()) {
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(120)).until(() -> a.state() == KafkaStreams.State.RUNNING && b.state() == KafkaStreams.State.RUNNING);
            // a second start writes nothing: the curated entries are in the topic already
            assertThat(SpeakerSeed.seed(bootstrap, enricher.curatedSpeakers())).isZero();

            // the same new person in two articles on the two partitions, processed at the same time
            Article x = article("roe-x", "\"Supply is tight,\" said Richard Roe, a fellow at Qux Institute.");
            Article y = article("roe-y", "\"Prices will rise,\" said Richard Roe, a fellow at Qux Institute, on Monday.");
            send(x, 0);
            send(y, 1);
            assertThat(speakerIds(awaitEnriched(x), awaitEnriched(y))).containsOnly(roe);

            Article introduces = article("doe-1", "\"Rates will fall before the summer,\" said Jane Doe, an analyst at Foo Capital.");
            send(introduces, 0);
            assertThat(speakerIds(awaitEnriched(introduces))).containsExactly(doe);
            await().atMost(Duration.ofSeconds(60)).until(() -> latestSpeakers().containsKey(doe));
            Article surname = article("doe-2", "Foo Capital published its outlook on Friday. \"We see no recession this year,\" Doe said.");
            send(surname, 1);
            assertThat(speakerIds(awaitEnriched(surname))).containsExactly(doe);
        }

        try (StreamsApp fresh = app()) {
            fresh.start();
            Article later = article("doe-3", "Foo Capital kept its forecast. \"The labour market is cooling,\" Doe said.");
            send(later, 1);
            assertThat(speakerIds(awaitEnriched(later))).containsExactly(doe);
        }

        Map<String, SpeakerEntry> registry = latestSpeakers();
        assertThat(registry.get(doe).name()).isEqualTo("Jane Doe");
        assertThat(registry.get(doe).affiliation()).isEqualTo("Foo Capital");
        assertThat(registry.get(roe).source()).isEqualTo(SpeakerEntry.LEARNED);
        assertThat(registry).containsKey("person:paul-triolo");
        assertThat(registry.keySet()).doesNotContain(ArticleSpeakers.idFor("PERSON", "Doe"));
    }

    static StreamsApp app() throws Exception {
        Path state = Files.createTempDirectory("speaker-registry-it");
        return new StreamsApp(new StreamsSettings(bootstrap, APP, state, 1, NlpLimits.defaults()), enricher, new SimpleMeterRegistry());
    }

    static Article article(String slug, String text) {
        return StancewireTopologyTest.article("https://example.org/" + slug + "-" + UUID.randomUUID(), text, "en");
    }

    static void send(Article article, int partition) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, partition, article.id(), Json.write(article))).get();
        }
    }

    static List<String> speakerIds(EnrichedArticle... articles) {
        return java.util.Arrays.stream(articles).flatMap(a -> a.quotes().stream()).map(Quote::speaker).map(s -> s.id()).toList();
    }

    static EnrichedArticle awaitEnriched(Article article) {
        EnrichedArticle[] found = new EnrichedArticle[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            found[0] = readAll(Topics.ARTICLES_ENRICHED, EnrichedArticle.class).get(article.id());
            return found[0] != null;
        });
        return found[0];
    }

    static Map<String, SpeakerEntry> latestSpeakers() {
        return readAll(Topics.SPEAKERS, SpeakerEntry.class);
    }

    /** Latest committed value per key, read from the beginning to the end. */
    static <T> Map<String, T> readAll(String topic, Class<T> type) {
        Map<String, T> out = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "speaker-registry-it-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 2) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (r.value() != null) {
                        out.put(r.key(), Json.read(r.value(), type));
                    }
                }
            }
        }
        return out;
    }
}
