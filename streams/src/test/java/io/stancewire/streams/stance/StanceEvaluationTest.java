package io.stancewire.streams.stance;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StanceEvaluationTest {

    @Test
    void scoresMatchAHandComputedExample() {
        List<String> gold = List.of("FAVOR", "FAVOR", "AGAINST", "AGAINST", "NEUTRAL", "NONE");
        List<String> pred = List.of("FAVOR", "AGAINST", "AGAINST", "AGAINST", "FAVOR", "NONE");
        StanceEvaluation.Result r = StanceEvaluation.score(gold, pred, List.of());
        // FAVOR P=1/2 R=1/2 F1=.5; AGAINST P=2/3 R=1 F1=.8; NEUTRAL 0; NONE 1
        assertThat(r.accuracy()).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(r.perClass().get(0).f1()).isCloseTo(0.5, within(1e-9));
        assertThat(r.perClass().get(1).f1()).isCloseTo(0.8, within(1e-9));
        assertThat(r.perClass().get(2).f1()).isZero();
        assertThat(r.fAvg()).isCloseTo(0.65, within(1e-9));
        assertThat(r.macroF1()).isCloseTo((0.5 + 0.8 + 0 + 1) / 4, within(1e-9));
        assertThat(r.confusion()[0]).containsExactly(1, 1, 0, 0);
        assertThat(r.format()).contains("macro-F1=0.575", "F_avg=0.650");
    }

    /**
     * The development score: 10-fold cross-validation over the 380 real quotations of the training file (the dev set,
     * the first two held-out sets and the reported rows), every quote of a speaker in one fold, hand-written rows
     * always in training. The bars sit a little under the measured 0.555 / 0.650 so that a regression fails the build.
     */
    @Test
    void groupedCrossValidationOverRealQuotesDoesNotRegress() {
        StanceEvaluation.Result cv = StanceEvaluation.groupedCrossValidate(StanceTarget.chinaAi(), 10, 1);
        System.out.print("grouped cross-validation over real quotes:\n" + cv.format());
        assertThat(cv.n()).isEqualTo(380);
        assertThat(cv.macroF1()).isGreaterThanOrEqualTo(0.52);
        assertThat(cv.fAvg()).isGreaterThanOrEqualTo(0.61);
        // always-FAVOR scores 0.13 / 0.26 on real quotes: the classifier must be far from a constant
        assertThat(cv.perClass()).allSatisfy(c -> assertThat(c.predicted()).isPositive());
    }

    /**
     * 89 real quotations collected before the model learnt from the second held-out set, and measured once after
     * ({@code stance/HELDOUT.md}): the honest estimate of quality on unseen news, 0.464 / 0.470 (the model before
     * that: 0.462 / 0.481). It is much lower than cross-validation (most of these are hard: fragments, implicit stance,
     * sarcasm). The floor only guards against regressions; never tune on this file.
     */
    @Test
    void thirdHeldOutSetQualityDoesNotRegress() {
        StanceEvaluation.Result heldOut = StanceEvaluation.evaluate(classifier(), heldOut3());
        System.out.print("third held-out set:\n" + heldOut.format());
        assertThat(heldOut.n()).isEqualTo(89);
        assertThat(heldOut.macroF1()).isGreaterThanOrEqualTo(0.42);
        assertThat(heldOut.fAvg()).isGreaterThanOrEqualTo(0.42);
        assertThat(heldOut.perClass()).allSatisfy(c -> assertThat(c.predicted()).isPositive());
    }

    /**
     * The product learns from every real quotation it has: the dev set and the first two held-out sets are training
     * rows now (the third must stay out: {@link ThirdHeldOutSetTest}).
     */
    @Test
    void theTrainingFileHoldsTheDevAndFirstTwoHeldOutSets() {
        List<LabelledQuote> training = StanceClassifier.trainingData(StanceTarget.chinaAi());
        Set<String> trainingIds = training.stream().map(LabelledQuote::id).collect(Collectors.toSet());
        List<LabelledQuote> dev = StanceEvaluation.readLabelled(SharedData.require("stance/china-ai-stance-dev.jsonl"));
        assertThat(dev).hasSize(70).allSatisfy(q -> assertThat(trainingIds).contains(q.id()));
        assertThat(training.stream().filter(q -> q.id().startsWith("rp2-")).count()).isEqualTo(168);
        assertThat(training.stream().filter(q -> q.id().startsWith("h2-")).count()).isEqualTo(82);
    }

    @Test
    void confidenceIsCalibratedOnUnseenQuotes() {
        double meanConfidence = 0;
        int correct = 0;
        List<LabelledQuote> rows = heldOut3();
        for (LabelledQuote row : rows) {
            var stance = classifier().classify(row.quote(), row.context(), row.speakerWithAffiliation());
            meanConfidence += stance.confidence();
            correct += stance.label().equals(row.label()) ? 1 : 0;
        }
        meanConfidence /= rows.size();
        double accuracy = (double) correct / rows.size();
        // a calibrated model is, on average, about as confident as it is right (measured ≈0.54 against 0.51)
        assertThat(meanConfidence).isCloseTo(accuracy, within(0.15));
    }

    /**
     * The temperature is fitted on out-of-fold predictions of the reported real quotes, not of the cleaner
     * hand-written rows, which left the model over-confident on news.
     */
    @Test
    void theTrainingFileHasEnoughReportedQuotesToCalibrateOn() {
        long reported = StanceClassifier.trainingData(StanceTarget.chinaAi()).stream().filter(LabelledQuote::real).count();
        // below 30 the temperature silently falls back to all rows, the hand-written ones included
        assertThat(reported).isGreaterThanOrEqualTo(30);
    }

    /** A confidence is useful only if it ranks predictions: confident ones right more often than hesitant ones. */
    @Test
    void confidentPredictionsAreRightMoreOftenThanHesitantOnesOnUnseenQuotes() {
        List<LabelledQuote> rows = heldOut3();
        List<StanceEvaluation.Bin> bins = StanceEvaluation.reliability(classifier(), rows);
        bins.forEach(b -> System.out.printf("[%.2f, %.2f) n=%d confidence=%.2f accuracy=%.2f%n",
                b.from(), b.to(), b.n(), b.meanConfidence(), b.accuracy()));
        assertThat(bins.stream().mapToInt(StanceEvaluation.Bin::n).sum()).isEqualTo(rows.size());
        double hesitant = accuracyOf(bins.stream().filter(b -> b.to() <= 0.5).toList());
        double confident = accuracyOf(bins.stream().filter(b -> b.from() >= 0.7).toList());
        // measured on the third held-out set 0.33 below 0.5 against 0.65 from 0.7 up
        assertThat(confident).isGreaterThan(hesitant + 0.1);
    }

    private static double accuracyOf(List<StanceEvaluation.Bin> bins) {
        int n = bins.stream().mapToInt(StanceEvaluation.Bin::n).sum();
        double right = bins.stream().mapToDouble(b -> b.accuracy() * b.n()).sum();
        return n == 0 ? 0 : right / n;
    }

    private static StanceClassifier classifier;

    /** One trained classifier for the tests that only read it (training takes seconds). */
    private static synchronized StanceClassifier classifier() {
        if (classifier == null) {
            classifier = StanceClassifier.load(StanceTarget.chinaAi());
        }
        return classifier;
    }

    private static List<LabelledQuote> heldOut3() {
        try (var in = StanceEvaluationTest.class.getResourceAsStream("/stance/china-ai-heldout3.jsonl")) {
            return LabelledQuote.readJsonl(in, "china-ai-heldout3.jsonl");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void crossValidatedQualityOnTheTrainingDataDoesNotRegress() {
        StanceEvaluation.Result cv = StanceEvaluation.crossValidate(StanceTarget.chinaAi(), 5, 1);
        System.out.print("5-fold cross-validation:\n" + cv.format());
        assertThat(cv.n()).isEqualTo(StanceClassifier.trainingData(StanceTarget.chinaAi()).size());
        // measured 0.655 / 0.700 over 722 rows, 342 of them hand-written (easier than the news)
        assertThat(cv.macroF1()).isGreaterThanOrEqualTo(0.62);
        assertThat(cv.fAvg()).isGreaterThanOrEqualTo(0.66);
    }
}
