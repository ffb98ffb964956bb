package io.stancewire.streams.nlp;

import io.stancewire.model.Speaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The seed article: an Urdu translation of a CNBC piece with 13 quoted passages by four people. */
class UrduQuotesTest {
    private static ArticleAnalyzer analyzer;
    private static String seed;
    private static Analysis analysis;

    @BeforeAll
    static void load() throws IOException {
        analyzer = ArticleAnalyzer.create(AnalyzerSettings.defaults().withoutEnglish());
        try (InputStream in = UrduQuotesTest.class.getResourceAsStream("/seed-urdu.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        analysis = analyzer.analyze(seed, null);
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @Test
    void seedIsUrdu() {
        assertThat(analysis.language()).isEqualTo("ur");
        assertThat(analysis.languageConfidence()).isGreaterThan(0.5);
    }

    @Test
    void allThirteenQuotedPassagesWithTheirSpeakers() {
        List<FoundQuote> quoted = analysis.quotes().stream().filter(q -> !q.kind().equals(FoundQuote.INDIRECT)).toList();
        assertThat(quoted).extracting(q -> q.speaker() == null ? null : q.speaker().name()).containsExactly(
                "Tiezhen Wang", "Tiezhen Wang", "Tiezhen Wang", "Tiezhen Wang",
                "Grace Isford", "Paul Triolo", "Grace Isford", "Xin Sun", "Xin Sun",
                "Paul Triolo", "Paul Triolo", "Grace Isford", "Grace Isford");
    }

    @Test
    void offsetsPointAtTheQuotedWordsWithoutMarks() {
        for (FoundQuote q : analysis.quotes()) {
            assertThat(seed.charAt(q.begin() - 1)).as("opening mark before %s", q.text()).isEqualTo('“');
            assertThat(seed.charAt(q.end())).as("closing mark after %s", q.text()).isEqualTo('”');
            assertThat(seed.substring(q.begin(), q.end())).isEqualTo(q.text());
        }
        assertThat(analysis.quotes().getFirst().text()).startsWith("کیوین مسابقتی بینچ مارکس");
    }

    @Test
    void fragmentsInsideTheWritersSentenceArePartial() {
        assertThat(analysis.quotes()).filteredOn(q -> q.kind().equals(FoundQuote.PARTIAL))
                .extracting(FoundQuote::text)
                .contains("انتہائی سازگار لائسنسنگ ماڈل", "وسیع قانونی جائزوں");
        assertThat(analysis.quotes().get(3).kind()).isEqualTo(FoundQuote.DIRECT);
    }

    @Test
    void speakersCarryTheMentionAsWrittenAndTheRegistryAffiliation() {
        Speaker triolo = analysis.quotes().get(5).speaker();
        assertThat(triolo.mention().text()).isEqualTo("پال ٹریولو");
        assertThat(seed.substring(triolo.mention().begin(), triolo.mention().end())).isEqualTo("پال ٹریولو");
        assertThat(triolo.affiliation()).isEqualTo("DGA Group");
        assertThat(triolo.id()).isEqualTo("person:paul-triolo");
        // "سورج" ("the sun") is the translator's rendering of the surname Sun.
        Speaker sun = analysis.quotes().get(8).speaker();
        assertThat(sun.mention().text()).isEqualTo("سورج");
        // The pronoun in "انہوں نے مزید کہا" resolves to the previous speaker.
        Speaker pronoun = analysis.quotes().get(12).speaker();
        assertThat(pronoun.mention().text()).isEqualTo("انہوں");
        assertThat(analysis.quotes()).extracting(FoundQuote::cue).contains("نے بتایا", "نے مزید کہا", "نے کہا");
    }

    @Test
    void entitiesIncludeThePeopleAndOrganisationsByCanonicalName() {
        assertThat(analysis.entities()).extracting(e -> e.type(), e -> e.name())
                .contains(tuple("PERSON", "Paul Triolo"), tuple("PERSON", "Xin Sun"),
                        tuple("ORGANIZATION", "Nvidia"), tuple("ORGANIZATION", "Lux Capital"));
    }

    @Test
    void oneAnalyzerServesManyThreads() throws Exception {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Analysis>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> analyzer.analyze(seed, null)));
            }
            for (var run : runs) {
                assertThat(run.get()).isEqualTo(analysis);
            }
        }
    }

    @Test
    void unknownSpeakersComeOutAsWritten() {
        String text = "ماہرین کا خیال ہے کہ یہ ایک بڑی تبدیلی ہے۔\n"
                + "احمد رضا نے صحافیوں کو بتایا، “یہ فیصلہ معیشت کے لیے بہت اہم ہے۔”\n"
                + "“ہم اس پر کام جاری رکھیں گے،” انہوں نے مزید کہا۔";
        Analysis a = analyzer.analyze(text, "ur");
        assertThat(a.quotes()).extracting(q -> q.speaker().name()).containsExactly("احمد رضا", "احمد رضا");
        assertThat(a.quotes().get(0).speaker().id()).isNotBlank();
    }
}
