package io.stancewire.streams.stance;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SoftmaxRegressionTest {

    private static SparseVector one(int feature) {
        return new SparseVector(new int[] {feature}, new double[] {1.0});
    }

    @Test
    void learnsASeparableProblemWithUnbalancedClasses() {
        List<SparseVector> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            xs.add(one(0));
            ys.add(0);
        }
        for (int i = 0; i < 3; i++) {
            xs.add(one(1));
            ys.add(1);
        }
        SoftmaxRegression m = SoftmaxRegression.train(xs, ys.stream().mapToInt(Integer::intValue).toArray(), 2, 2,
                SoftmaxRegression.Hyper.DEFAULT);
        assertThat(SoftmaxRegression.softmax(m.logits(one(0)), 1.0)[0]).isGreaterThan(0.8);
        assertThat(SoftmaxRegression.softmax(m.logits(one(1)), 1.0)[1]).isGreaterThan(0.8);
        assertThat(m.contribution(1, 1, 1.0)).isPositive();
    }

    @Test
    void sampleWeightsDecideBetweenContradictingExamples() {
        // the same feature labelled 0 by a heavy example and 1 by a light one: the heavy one wins, whichever it is
        List<SparseVector> xs = List.of(one(0), one(0), one(1), one(1));
        int[] ys = {0, 1, 0, 1};
        SoftmaxRegression favourFirst = SoftmaxRegression.train(xs, ys, new double[] {1, 0.1, 0.1, 1}, 2, 2,
                SoftmaxRegression.Hyper.DEFAULT);
        SoftmaxRegression favourSecond = SoftmaxRegression.train(xs, ys, new double[] {0.1, 1, 1, 0.1}, 2, 2,
                SoftmaxRegression.Hyper.DEFAULT);
        assertThat(SoftmaxRegression.softmax(favourFirst.logits(one(0)), 1)[0]).isGreaterThan(0.7);
        assertThat(SoftmaxRegression.softmax(favourSecond.logits(one(0)), 1)[0]).isLessThan(0.3);
    }

    @Test
    void temperatureSoftensOverconfidentLogits() {
        // logits that say 99.99% but are right only 70% of the time need T > 1
        Random random = new Random(3);
        List<double[]> logits = new ArrayList<>();
        int[] ys = new int[200];
        for (int i = 0; i < ys.length; i++) {
            logits.add(new double[] {10, 0});
            ys[i] = random.nextDouble() < 0.7 ? 0 : 1;
        }
        double t = SoftmaxRegression.fitTemperature(logits, ys);
        assertThat(t).isGreaterThan(5);
        assertThat(SoftmaxRegression.softmax(new double[] {10, 0}, t)[0]).isBetween(0.6, 0.9);
    }
}
