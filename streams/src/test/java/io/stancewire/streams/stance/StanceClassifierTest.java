package io.stancewire.streams.stance;

import io.stancewire.model.Stance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour on patterns where sentiment and stance part ways. The sentences are written for this test and are not
 * in the training file.
 */
class StanceClassifierTest {

    private static StanceClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = StanceClassifier.load(StanceTarget.chinaAi());
    }

    private static Stance classify(String quote) {
        return classifier.classify(quote, null, null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "No sanctions will stop Chinese engineers from building their own AI accelerators. | FAVOR",
            "Chinese AI labs are not behind American ones anymore.                              | FAVOR",
            "Huawei's new accelerator is not nearly as fast as Nvidia's.                        | AGAINST",
            "China has never been able to build a competitive EUV machine.                      | AGAINST",
    })
    void negationFlipsTheCueInsideItsScope(String quote, String expected) {
        assertThat(classify(quote).label()).isEqualTo(expected);
    }

    @Test
    void theRivalAsAgentFlipsTheCue() {
        assertThat(classify("The US is far ahead of China in AI chips.").label()).isEqualTo("AGAINST");
        assertThat(classify("China is far ahead of the US in AI deployment.").label()).isEqualTo("FAVOR");
    }

    @Test
    void aSmallDistanceBehindReadsAsNearParity() {
        assertThat(classify("Chinese models are only weeks behind the best American systems.").label()).isEqualTo("FAVOR");
        assertThat(classify("Chinese models are years behind the best American systems.").label()).isEqualTo("AGAINST");
    }

    @Test
    void calmWordsAboutAWideningGapAreAgainst() {
        Stance stance = classify("The gap between Chinese and American models will grow as compute budgets diverge.");
        assertThat(stance.label()).isEqualTo("AGAINST");
        assertThat(stance.evidence()).contains("gap");
    }

    @Test
    void aHedgeKeepsTheDirectionButLowersTheConfidence() {
        Stance plain = classify("China will overtake the United States in AI models.");
        Stance hedged = classify("China might overtake the United States in AI models.");
        assertThat(plain.label()).isEqualTo("FAVOR");
        assertThat(hedged.label()).isNotEqualTo("AGAINST");
        assertThat(hedged.confidence()).isLessThan(plain.confidence());
    }

    @Test
    void aCounterfactualNegationDoesNotDenyTheConstraint() {
        // "if they had no shortage, they would ship more" asserts that there is a shortage
        Stance stance = classify("If Chinese labs had no shortage of chips, they would be shipping far bigger models.");
        assertThat(stance.label()).isEqualTo("AGAINST");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The quarterback threw three touchdowns in the second half.",
            "We expect rain across the region on Tuesday.",
            "The senator is trailing badly in the latest polls, but she is catching up.",
    })
    void offTopicQuotesAreNone(String quote) {
        Stance stance = classify(quote);
        assertThat(stance.label()).isEqualTo("NONE");
        assertThat(stance.evidence()).isEmpty();
    }

    @Test
    void favorAndAgainstAlwaysCarryEvidenceFromTheQuote() {
        List<String> quotes = List.of(
                "DeepSeek's model is impressive.",
                "Chinese chipmakers are closing the gap with Nvidia.",
                "Huawei's chips remain two generations behind.",
                "The export curbs have crippled China's AI chip output.",
                "Qwen beats Llama on most benchmarks.");
        for (String quote : quotes) {
            Stance stance = classify(quote);
            assertThat(stance.label()).as(quote).isIn("FAVOR", "AGAINST");
            assertThat(stance.evidence()).as(quote).isNotEmpty();
            stance.evidence().forEach(phrase -> assertThat(quote.toLowerCase()).contains(phrase.toLowerCase()));
        }
    }

    @Test
    void confidenceIsAProbabilityAndTheTargetIsNamed() {
        for (String quote : List.of("China leads.", "It is too early to tell whether China or America leads in AI.",
                "", "   ", "Rain tomorrow.", "چین آگے ہے۔")) {
            Stance stance = classify(quote);
            assertThat(stance.confidence()).as(quote).isBetween(0.0, 1.0);
            assertThat(stance.target()).isEqualTo("china-ai-competitiveness");
            assertThat(StanceClassifier.LABELS).contains(stance.label());
        }
    }

    @Test
    void aFragmentIsReadInTheSentenceOfItsContext() {
        Stance stance = classifier.classify("all but disappeared",
                "The report says the performance gap between Chinese and US models has all but disappeared.", null);
        assertThat(stance.label()).isEqualTo("FAVOR");
    }

    @Test
    void fromAWesternSpeakerTheyAreChina() {
        assertThat(classifier.classify("In AI chips, they are still well behind us.", null, "John Smith (Nvidia)").label())
                .isEqualTo("AGAINST");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        String quote = "Chinese chipmakers are closing the gap with Nvidia.";
        Stance expected = classify(quote);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Stance>> results = pool.invokeAll(java.util.Collections.nCopies(200, () -> classify(quote)));
            for (Future<Stance> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
