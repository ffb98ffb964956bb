package io.stancewire.streams.stance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Quality of a stance classifier on labelled quotes (the dev set's JSONL shape): accuracy, per-class precision,
 * recall and F1, macro-F1 over the four labels, and F_avg = mean(F1 FAVOR, F1 AGAINST), the usual stance-detection
 * score (SemEval-2016 Task 6). Also k-fold cross-validation on a target's own training data.
 */
public final class StanceEvaluation {

    private StanceEvaluation() {}

    public record ClassScores(String label, int support, int predicted, double precision, double recall, double f1) {}

    /** One quote the classifier got wrong, for people reading the report. */
    public record Miss(String id, String gold, String predicted, double confidence, String quote) {}

    /**
     * @param confusion rows are gold labels, columns predicted, both in {@link StanceClassifier#LABELS} order
     */
    public record Result(int n, double accuracy, double macroF1, double fAvg, List<ClassScores> perClass,
                         int[][] confusion, List<Miss> misses) {

        /** A plain-text report for the CLI. */
        public String format() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "n=%d  accuracy=%.3f  macro-F1=%.3f  F_avg=%.3f%n", n, accuracy, macroF1, fAvg));
            sb.append(String.format(Locale.ROOT, "%-8s %7s %7s %9s %7s %7s%n", "label", "gold", "pred", "precision", "recall", "F1"));
            for (ClassScores c : perClass) {
                sb.append(String.format(Locale.ROOT, "%-8s %7d %7d %9.3f %7.3f %7.3f%n",
                        c.label(), c.support(), c.predicted(), c.precision(), c.recall(), c.f1()));
            }
            sb.append("confusion (rows gold, columns predicted: ").append(String.join(" ", StanceClassifier.LABELS)).append(")\n");
            for (int g = 0; g < confusion.length; g++) {
                sb.append(String.format(Locale.ROOT, "%-8s", StanceClassifier.LABELS.get(g)));
                for (int p : confusion[g]) {
                    sb.append(String.format(Locale.ROOT, " %4d", p));
                }
                sb.append('\n');
            }
            return sb.toString();
        }
    }

    /** Scores the classifier on a labelled JSONL file; a missing or malformed file is an error. */
    public static Result evaluate(StanceClassifier classifier, Path labelledJsonl) {
        return evaluate(classifier, readLabelled(labelledJsonl));
    }

    static List<LabelledQuote> readLabelled(Path labelledJsonl) {
        try (InputStream in = Files.newInputStream(labelledJsonl)) {
            return LabelledQuote.readJsonl(in, labelledJsonl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labelled quotes " + labelledJsonl, e);
        }
    }

    static Result evaluate(StanceClassifier classifier, List<LabelledQuote> rows) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        classifyAll(classifier, rows, gold, predicted, misses);
        return score(gold, predicted, misses);
    }

    private static void classifyAll(StanceClassifier classifier, List<LabelledQuote> rows,
                                    List<String> gold, List<String> predicted, List<Miss> misses) {
        for (LabelledQuote row : rows) {
            var stance = classifier.classify(row.quote(), row.context(), row.speakerWithAffiliation());
            gold.add(row.label());
            predicted.add(stance.label());
            if (!stance.label().equals(row.label())) {
                misses.add(new Miss(row.id(), row.label(), stance.label(), stance.confidence(), row.quote()));
            }
        }
    }

    /**
     * k-fold cross-validation on the target's training file: each fold is classified by a model trained (and
     * calibrated) on the other folds only. Folds are a seeded shuffle, so the numbers are reproducible.
     */
    public static Result crossValidate(StanceTarget target, int folds, long seed) {
        List<LabelledQuote> rows = new ArrayList<>(StanceClassifier.trainingData(target));
        if (folds < 2 || folds > rows.size()) {
            throw new IllegalArgumentException("folds must be in [2, " + rows.size() + "], was " + folds);
        }
        Collections.shuffle(rows, new Random(seed));
        Map<LabelledQuote, Integer> fold = new IdentityHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            fold.put(rows.get(i), i % folds);
        }
        return runFolds(target, StanceClassifier.Options.DEFAULT, rows, folds, fold);
    }

    /**
     * The development score on real quotations: k-fold cross-validation over the training file's real quotes only,
     * with every quote of one speaker in the same fold (one interview often yields several quotes, and a model that
     * has seen a speaker's other sentences scores too well on them); hand-written rows are always in training.
     */
    public static Result groupedCrossValidate(StanceTarget target, int folds, long seed) {
        return groupedCrossValidate(target, folds, seed, StanceClassifier.Options.DEFAULT);
    }

    static Result groupedCrossValidate(StanceTarget target, int folds, long seed, StanceClassifier.Options options) {
        List<LabelledQuote> all = StanceClassifier.trainingData(target);
        List<LabelledQuote> real = all.stream().filter(LabelledQuote::real).toList();
        List<String> speakers = new ArrayList<>(new TreeSet<>(real.stream().map(StanceEvaluation::speakerGroup).toList()));
        if (folds < 2 || folds > speakers.size()) {
            throw new IllegalArgumentException("folds must be in [2, " + speakers.size() + "] (speakers), was " + folds);
        }
        Collections.shuffle(speakers, new Random(seed));
        Map<String, Integer> speakerFold = new HashMap<>();
        for (int i = 0; i < speakers.size(); i++) {
            speakerFold.put(speakers.get(i), i % folds);
        }
        Map<LabelledQuote, Integer> fold = new IdentityHashMap<>();
        real.forEach(row -> fold.put(row, speakerFold.get(speakerGroup(row))));
        return runFolds(target, options, all, folds, fold);
    }

    /** Classifies each fold with a model trained on every other row; rows without a fold are always in training. */
    private static Result runFolds(StanceTarget target, StanceClassifier.Options options, List<LabelledQuote> rows,
                                   int folds, Map<LabelledQuote, Integer> fold) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            List<LabelledQuote> train = new ArrayList<>();
            List<LabelledQuote> test = new ArrayList<>();
            for (LabelledQuote row : rows) {
                (fold.get(row) != null && fold.get(row) == k ? test : train).add(row);
            }
            classifyAll(StanceClassifier.train(target, train, options), test, gold, predicted, misses);
        }
        return score(gold, predicted, misses);
    }

    private static String speakerGroup(LabelledQuote row) {
        return row.speaker() == null ? row.id() : row.speaker().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    }

    static Result score(List<String> gold, List<String> predicted, List<Miss> misses) {
        List<String> labels = StanceClassifier.LABELS;
        int[][] confusion = new int[labels.size()][labels.size()];
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            int g = labels.indexOf(gold.get(i));
            int p = labels.indexOf(predicted.get(i));
            confusion[g][p]++;
            correct += g == p ? 1 : 0;
        }
        List<ClassScores> perClass = new ArrayList<>();
        double macro = 0;
        for (int k = 0; k < labels.size(); k++) {
            int tp = confusion[k][k];
            int support = 0;
            int pred = 0;
            for (int j = 0; j < labels.size(); j++) {
                support += confusion[k][j];
                pred += confusion[j][k];
            }
            double precision = pred == 0 ? 0 : (double) tp / pred;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassScores(labels.get(k), support, pred, precision, recall, f1));
            macro += f1;
        }
        double fAvg = (perClass.get(labels.indexOf("FAVOR")).f1() + perClass.get(labels.indexOf("AGAINST")).f1()) / 2;
        return new Result(gold.size(), gold.isEmpty() ? 0 : (double) correct / gold.size(), macro / labels.size(),
                fAvg, List.copyOf(perClass), confusion, List.copyOf(misses));
    }

    /** One confidence bin of a reliability table: how often the classifier is right when it is this confident. */
    public record Bin(double from, double to, int n, double meanConfidence, double accuracy) {}

    private static final double[] BIN_EDGES = {0, 0.5, 0.6, 0.7, 0.85, 1.0};

    /** Reliability table of the classifier's confidence on labelled quotes (bins [0,.5) [.5,.6) [.6,.7) [.7,.85) [.85,1]). */
    public static List<Bin> reliability(StanceClassifier classifier, List<LabelledQuote> rows) {
        int bins = BIN_EDGES.length - 1;
        int[] n = new int[bins];
        double[] conf = new double[bins];
        int[] right = new int[bins];
        for (LabelledQuote row : rows) {
            var stance = classifier.classify(row.quote(), row.context(), row.speakerWithAffiliation());
            int b = 0;
            while (b < bins - 1 && stance.confidence() >= BIN_EDGES[b + 1]) {
                b++;
            }
            n[b]++;
            conf[b] += stance.confidence();
            right[b] += stance.label().equals(row.label()) ? 1 : 0;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            out.add(new Bin(BIN_EDGES[b], BIN_EDGES[b + 1], n[b], n[b] == 0 ? 0 : conf[b] / n[b], n[b] == 0 ? 0 : (double) right[b] / n[b]));
        }
        return List.copyOf(out);
    }

    /**
     * Prints the grouped cross-validation on real quotes and the scores on labelled files:
     * {@code StanceEvaluation [labelled.jsonl ...] [--misses]}.
     */
    public static void main(String[] args) {
        StanceTarget target = StanceTarget.chinaAi();
        boolean showMisses = List.of(args).contains("--misses");
        System.out.println("10-fold cross-validation over the real quotations of " + target.name() + ", grouped by speaker:");
        Result cv = groupedCrossValidate(target, 10, 1);
        System.out.print(cv.format());
        if (showMisses) {
            printMisses(cv);
        }
        for (String arg : args) {
            if (arg.startsWith("--")) {
                continue;
            }
            Result dev = evaluate(StanceClassifier.load(target), Path.of(arg));
            System.out.println("\n" + arg + ":");
            System.out.print(dev.format());
            System.out.println("reliability (confidence bin: n, mean confidence, accuracy):");
            reliability(StanceClassifier.load(target), readLabelled(Path.of(arg))).forEach(b -> System.out.printf(Locale.ROOT,
                    "  [%.2f, %.2f) n=%d confidence=%.2f accuracy=%.2f%n", b.from(), b.to(), b.n(), b.meanConfidence(), b.accuracy()));
            if (showMisses) {
                printMisses(dev);
            }
        }
    }

    private static void printMisses(Result result) {
        result.misses().forEach(m -> System.out.printf(Locale.ROOT, "  %s gold=%s pred=%s (%.2f) %s%n",
                m.id(), m.gold(), m.predicted(), m.confidence(), m.quote()));
    }
}
