package io.stancewire.streams.stance;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How cues are oriented before the model sees them; deterministic, independent of the training data. */
class FeatureExtractorTest {

    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(CueLexicon.loadBuiltIn(), StanceTarget.chinaAi());

    private static Map<String, Double> features(String quote, String speaker) {
        return EXTRACTOR.extract(quote, null, speaker).features();
    }

    @Test
    void negationFlipsAndIsMarked() {
        assertThat(features("Chinese labs are not behind.", null)).containsKeys("p+", "p+|neg").doesNotContainKey("p-");
        assertThat(features("Chinese labs are behind.", null)).containsKey("p-").doesNotContainKey("p+");
    }

    @Test
    void fillerPhrasesDoNotNegate() {
        assertThat(features("Huawei is not only competitive, it leads.", null)).doesNotContainKey("p-");
    }

    @Test
    void theRivalAsAgentFlips() {
        assertThat(features("The US leads in AI.", null)).containsKeys("p-", "p-|rival");
        assertThat(features("China leads in AI.", null)).containsKey("p+").doesNotContainKey("p+|rival");
    }

    @Test
    void anEntityInAConcededOrConditionalClauseIsNotTheMainClausesAgent() {
        // Nvidia sits in the "even if" clause; the lead belongs to the main clause, whose agent is the subject by default
        assertThat(features("Even if Nvidia chips are banned, the labs will still lead.", null))
                .containsKey("p+").doesNotContainKeys("p-", "p-|rival");
        assertThat(features("Nvidia chips are everywhere, and the company will still lead.", null)).containsKey("p-|rival");
    }

    @Test
    void warningsAreNotFlippedByTheirNegator() {
        assertThat(features("You can't underestimate the Chinese labs.", null)).containsKey("p+").doesNotContainKey("p-");
        assertThat(features("People overestimate China's AI capabilities.", null)).containsKey("p-").doesNotContainKey("p+");
    }

    @Test
    void theSpeakerDecidesWhoWeAndTheyAre() {
        String quote = "In AI chips, they are still well behind us.";
        assertThat(features(quote, "John Smith (Nvidia)")).containsKey("p-").doesNotContainKey("p+");
        assertThat(features(quote, "Zhang Wei (Huawei)")).containsKeys("p+", "p+|rival", "rel:speakerIsSubject");
    }

    @Test
    void aReportingPronounIsNotTheAgent() {
        assertThat(features("We have seen really strong performance from the new models this year.", null))
                .containsKey("p+").doesNotContainKey("p-");
        assertThat(features("We are way ahead in chips.", null)).containsKeys("p-", "p-|rival");
    }

    @Test
    void smallAndLargeDistancesBehind() {
        assertThat(features("China is only months behind.", null)).containsKeys("p+", "p+|small");
        assertThat(features("China is years behind.", null)).containsKeys("p-", "p-|large");
    }

    @Test
    void aGapThatClosesFavoursAndOneThatWidensDoesNot() {
        assertThat(features("The gap with the US has all but disappeared.", null)).containsKeys("p+", "p+|shrink");
        assertThat(features("The gap with the US keeps widening.", null)).containsKeys("p-", "p-|widen");
        assertThat(features("The gap with the US is not big.", null)).containsKey("p+|shrink");
    }

    @Test
    void hedgesConditionsAndConcessionsAreMarked() {
        assertThat(features("China might lead.", null)).containsKey("p+|hedge");
        assertThat(features("If China leads, we lose.", null)).containsKey("p+|cond");
        assertThat(features("Although China leads in apps, it lags in chips.", null)).containsKeys("p+|conc", "p-");
        assertThat(features("China leads in apps, but it lags in chips.", null)).containsKeys("p+|conc", "p-");
    }

    @Test
    void aCounterfactualNegationIsNotADenial() {
        assertThat(features("If there were no chip shortage, Chinese labs would train bigger models.", null))
                .containsKeys("p-", "p-|cf").doesNotContainKey("p+|neg");
    }

    @Test
    void aRefutationFlipsItsSentence() {
        assertThat(features("The idea that China is far behind is a myth.", null)).containsKeys("p+", "p+|refuted");
    }

    @Test
    void aCueDescribingTheStandardOfComparisonIsDropped() {
        assertThat(features("Kimi is as good as the best American models.", null)).doesNotContainKey("p-");
    }

    @Test
    void urduOrientationUsesTheSameFeatures() {
        assertThat(features("چین امریکہ سے پیچھے ہے۔", null)).containsKey("p-").doesNotContainKey("p+");
        assertThat(features("چین امریکہ سے پیچھے نہیں ہے۔", null)).containsKeys("p+", "p+|neg");
        assertThat(features("چینی ماڈلز امریکی ماڈلز کے برابر ہیں۔", null)).containsKey("p+").doesNotContainKey("p-");
        assertThat(features("فرق بڑھتا جا رہا ہے۔", null)).containsKeys("p-", "p-|widen");
    }

    @Test
    void aFragmentIsReadInItsContextSentence() {
        String context = "Analysts said so. Researchers found “obvious gaps” between domestic and foreign models. Others disagreed.";
        assertThat(FeatureExtractor.analysedText("obvious gaps", context))
                .isEqualTo("Researchers found “obvious gaps” between domestic and foreign models.");
        assertThat(FeatureExtractor.analysedText("a quote long enough to stand on its own words", context))
                .isEqualTo("a quote long enough to stand on its own words");
    }

    @Test
    void relevanceNeedsTheSubjectOrTheDomain() {
        assertThat(EXTRACTOR.extract("The quarterback threw three touchdowns.", null, null).relevant()).isFalse();
        assertThat(EXTRACTOR.extract("They threw three touchdowns.", "Huawei's team won the company cup.", null).relevant()).isTrue();
        assertThat(EXTRACTOR.extract("They are behind.", "Researchers compared the models.", null).relevant()).isTrue();
    }
}
