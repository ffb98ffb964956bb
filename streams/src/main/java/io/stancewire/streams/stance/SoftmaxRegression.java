package io.stancewire.streams.stance;

import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression with L2 regularisation, trained by AdaGrad on a class-balanced loss (every
 * class weighs the same in total, because the quality measure is macro-F1 and NONE/NEUTRAL are rarer than FAVOR).
 * Small on purpose: a few hundred examples and a few thousand sparse features train in milliseconds, so a target's
 * model is trained from its labelled file when the classifier loads and nothing but the file ships.
 * Immutable after training, hence safe to share between stream threads.
 */
final class SoftmaxRegression {

    private final double[][] weights;   // [class][feature]
    private final double[] bias;

    private SoftmaxRegression(double[][] weights, double[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    record Hyper(double l2, int epochs, double learningRate, long seed) {
        static final Hyper DEFAULT = new Hyper(0.002, 60, 0.3, 42);
    }

    static SoftmaxRegression train(List<SparseVector> xs, int[] ys, int numFeatures, int numClasses, Hyper hyper) {
        double[] ones = new double[ys.length];
        java.util.Arrays.fill(ones, 1.0);
        return train(xs, ys, ones, numFeatures, numClasses, hyper);
    }

    /**
     * @param sampleWeights how much each example counts (hand-written rows can count less than real quotes); the
     *                      class balance is computed on the weighted counts
     */
    static SoftmaxRegression train(List<SparseVector> xs, int[] ys, double[] sampleWeights, int numFeatures, int numClasses,
                                   Hyper hyper) {
        if (xs.size() != ys.length || xs.isEmpty() || sampleWeights.length != ys.length) {
            throw new IllegalArgumentException("need as many labels as examples, and at least one");
        }
        double[][] w = new double[numClasses][numFeatures];
        double[] b = new double[numClasses];
        double[][] g2 = new double[numClasses][numFeatures];
        double[] gb2 = new double[numClasses];
        double[] classWeight = balancedWeights(ys, sampleWeights, numClasses);
        int[] order = new int[xs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(hyper.seed());
        double[] p = new double[numClasses];
        for (int epoch = 0; epoch < hyper.epochs(); epoch++) {
            shuffle(order, random);
            for (int n : order) {
                SparseVector x = xs.get(n);
                scores(w, b, x, p);
                softmaxInPlace(p, 1.0);
                for (int k = 0; k < numClasses; k++) {
                    double err = sampleWeights[n] * classWeight[ys[n]] * (p[k] - (ys[n] == k ? 1 : 0));
                    gb2[k] += err * err;
                    b[k] -= hyper.learningRate() * err / Math.sqrt(gb2[k] + 1e-8);
                    for (int j = 0; j < x.indices().length; j++) {
                        int f = x.indices()[j];
                        double g = err * x.values()[j] + hyper.l2() * w[k][f];
                        g2[k][f] += g * g;
                        w[k][f] -= hyper.learningRate() * g / Math.sqrt(g2[k][f] + 1e-8);
                    }
                }
            }
        }
        return new SoftmaxRegression(w, b);
    }

    private static double[] balancedWeights(int[] ys, double[] sampleWeights, int numClasses) {
        double[] counts = new double[numClasses];
        double total = 0;
        for (int n = 0; n < ys.length; n++) {
            counts[ys[n]] += sampleWeights[n];
            total += sampleWeights[n];
        }
        double[] weight = new double[numClasses];
        for (int k = 0; k < numClasses; k++) {
            weight[k] = counts[k] == 0 ? 0 : total / (numClasses * counts[k]);
        }
        return weight;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void scores(double[][] w, double[] b, SparseVector x, double[] out) {
        for (int k = 0; k < out.length; k++) {
            double s = b[k];
            for (int j = 0; j < x.indices().length; j++) {
                s += w[k][x.indices()[j]] * x.values()[j];
            }
            out[k] = s;
        }
    }

    double[] logits(SparseVector x) {
        double[] out = new double[bias.length];
        scores(weights, bias, x, out);
        return out;
    }

    /** How much feature {@code f} with value {@code v} pushes class {@code k} above the average class. */
    double contribution(int k, int f, double v) {
        double mean = 0;
        for (double[] classWeights : weights) {
            mean += classWeights[f];
        }
        mean /= weights.length;
        return v * (weights[k][f] - mean);
    }

    static double[] softmax(double[] logits, double temperature) {
        double[] p = logits.clone();
        softmaxInPlace(p, temperature);
        return p;
    }

    private static void softmaxInPlace(double[] z, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp((z[k] - max) / temperature);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
    }

    /**
     * Temperature scaling: the T that minimises the negative log-likelihood of held-out logits (from
     * cross-validation), so that a confidence of 0.8 is right about 80% of the time.
     */
    static double fitTemperature(List<double[]> heldOutLogits, int[] ys) {
        double best = 1.0;
        double bestNll = Double.POSITIVE_INFINITY;
        for (double t = 0.2; t <= 6.0; t += 0.05) {
            double nll = 0;
            for (int n = 0; n < ys.length; n++) {
                nll -= Math.log(Math.max(1e-12, softmax(heldOutLogits.get(n), t)[ys[n]]));
            }
            if (nll < bestNll) {
                bestNll = nll;
                best = t;
            }
        }
        return best;
    }
}
