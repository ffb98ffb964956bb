package io.stancewire.streams.stance;

import java.util.List;
import java.util.Locale;

/**
 * Throughput of {@link StanceClassifier#classify} on the bundled training quotes (English and Urdu, with context):
 * prints load time, quotes per second and microseconds per quote on one thread.
 * Run: {@code java -cp <streams classpath> io.stancewire.streams.stance.StanceBenchmark [seconds]}.
 */
public final class StanceBenchmark {

    private static final int ROUNDS = 5;

    private StanceBenchmark() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        long t0 = System.nanoTime();
        StanceClassifier classifier = StanceClassifier.load(StanceTarget.chinaAi());
        long loadNanos = System.nanoTime() - t0;
        List<LabelledQuote> quotes = StanceClassifier.trainingData(StanceTarget.chinaAi());

        run(classifier, quotes, seconds / 2);   // warm-up: let the JIT compile the hot paths
        System.out.printf(Locale.ROOT, "stance classifier: load+train %.0f ms, %d distinct quotes%n", loadNanos / 1e6, quotes.size());
        // several rounds, because on a shared machine one round can be slowed by other processes
        double best = Double.MAX_VALUE;
        long checksum = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            Measured m = run(classifier, quotes, seconds / ROUNDS);
            double micros = m.nanos() / 1e3 / m.count();
            best = Math.min(best, micros);
            checksum += m.checksum();
            System.out.printf(Locale.ROOT, "round %d: %.0f quotes/s, %.1f µs/quote%n", round, 1e6 / micros, micros);
        }
        System.out.printf(Locale.ROOT, "best: %.0f quotes/s, %.1f µs/quote on one thread (checksum %d)%n", 1e6 / best, best, checksum);
    }

    private record Measured(long count, long nanos, long checksum) {}

    private static Measured run(StanceClassifier classifier, List<LabelledQuote> quotes, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        long checksum = 0;
        while (System.nanoTime() < deadline) {
            for (LabelledQuote q : quotes) {
                checksum += classifier.classify(q.quote(), q.context(), q.speakerWithAffiliation()).label().length();
                count++;
            }
        }
        return new Measured(count, System.nanoTime() - start, checksum);
    }
}
