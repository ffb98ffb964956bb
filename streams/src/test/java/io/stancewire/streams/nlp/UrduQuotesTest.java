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
    /** The passages in quote marks; reported speech without marks (kind indirect) comes between them. */
    private static List<FoundQuote> quoted;

    @BeforeAll
    static void load() throws IOException {
        analyzer = ArticleAnalyzer.create(AnalyzerSettings.defaults().withoutEnglish());
        try (InputStream in = UrduQuotesTest.class.getResourceAsStream("/seed-urdu.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        analysis = analyzer.analyze(seed, null);
        quoted = analysis.quotes().stream().filter(q -> !q.kind().equals(FoundQuote.INDIRECT)).toList();
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
        assertThat(quoted).extracting(q -> q.speaker() == null ? null : q.speaker().name()).containsExactly(
                "Tiezhen Wang", "Tiezhen Wang", "Tiezhen Wang", "Tiezhen Wang",
                "Grace Isford", "Paul Triolo", "Grace Isford", "Xin Sun", "Xin Sun",
                "Paul Triolo", "Paul Triolo", "Grace Isford", "Grace Isford");
    }

    @Test
    void offsetsPointAtTheQuotedWordsWithoutMarks() {
        for (FoundQuote q : quoted) {
            assertThat(seed.charAt(q.begin() - 1)).as("opening mark before %s", q.text()).isEqualTo('“');
            assertThat(seed.charAt(q.end())).as("closing mark after %s", q.text()).isEqualTo('”');
            assertThat(seed.substring(q.begin(), q.end())).isEqualTo(q.text());
        }
        assertThat(quoted.getFirst().text()).startsWith("کیوین مسابقتی بینچ مارکس");
    }

    @Test
    void fragmentsInsideTheWritersSentenceArePartial() {
        assertThat(analysis.quotes()).filteredOn(q -> q.kind().equals(FoundQuote.PARTIAL))
                .extracting(FoundQuote::text)
                .contains("انتہائی سازگار لائسنسنگ ماڈل", "وسیع قانونی جائزوں");
        assertThat(quoted.get(3).kind()).isEqualTo(FoundQuote.DIRECT);
    }

    @Test
    void speakersCarryTheMentionAsWrittenAndTheRegistryAffiliation() {
        Speaker triolo = quoted.get(5).speaker();
        assertThat(triolo.mention().text()).isEqualTo("پال ٹریولو");
        assertThat(seed.substring(triolo.mention().begin(), triolo.mention().end())).isEqualTo("پال ٹریولو");
        assertThat(triolo.affiliation()).isEqualTo("DGA Group");
        assertThat(triolo.id()).isEqualTo("person:paul-triolo");
        // "سورج" ("the sun") is the translator's rendering of the surname Sun.
        Speaker sun = quoted.get(8).speaker();
        assertThat(sun.mention().text()).isEqualTo("سورج");
        // The pronoun in "انہوں نے مزید کہا" resolves to the previous speaker.
        Speaker pronoun = quoted.get(12).speaker();
        assertThat(pronoun.mention().text()).isEqualTo("انہوں");
        assertThat(analysis.quotes()).extracting(FoundQuote::cue).contains("نے بتایا", "نے مزید کہا", "نے کہا");
    }

    @Test
    void reportedSpeechWithoutMarksIsFoundBetweenTheQuotes() {
        List<FoundQuote> reported = analysis.quotes().stream()
                .filter(q -> q.kind().equals(FoundQuote.INDIRECT)).toList();
        // "کمپنی کے ایک مشین لرننگ انجینئر ٹائیزن وانگ کے مطابق، LLMs کے ذخیرے پر …" and "ڈیپ سیک نے پچھلے مہینے کہا تھا کہ …"
        assertThat(reported).anySatisfy(q -> {
            assertThat(q.speaker().name()).isEqualTo("Tiezhen Wang");
            assertThat(q.cue()).isEqualTo("کے مطابق");
            assertThat(q.text()).startsWith("LLMs کے ذخیرے پر");
        });
        assertThat(reported).anySatisfy(q -> {
            assertThat(q.speaker().name()).isEqualTo("DeepSeek");
            assertThat(q.text()).startsWith("اس کا R1 ماڈل").doesNotEndWith("۔");
        });
        for (FoundQuote q : reported) {
            assertThat(seed.substring(q.begin(), q.end())).isEqualTo(q.text());
        }
        // The quotes' own attributions ("وانگ نے CNBC کو ای میل کے ذریعے بتایا کہ “…”") are not reported speech too.
        assertThat(reported).noneMatch(r -> quoted.stream().anyMatch(q -> r.begin() < q.end() && q.begin() < r.end()));
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
        List<FoundQuote> marked = a.quotes().stream().filter(q -> !q.kind().equals(FoundQuote.INDIRECT)).toList();
        assertThat(marked).extracting(q -> q.speaker().name()).containsExactly("احمد رضا", "احمد رضا");
        assertThat(marked.get(0).speaker().id()).isNotBlank();
        // The first sentence is a belief of a group (reported speech, PARC-style), with no registry id.
        assertThat(a.quotes().getFirst().kind()).isEqualTo(FoundQuote.INDIRECT);
        assertThat(a.quotes().getFirst().speaker().name()).isEqualTo("ماہرین");
        assertThat(a.quotes().getFirst().speaker().id()).isNull();
    }
}
