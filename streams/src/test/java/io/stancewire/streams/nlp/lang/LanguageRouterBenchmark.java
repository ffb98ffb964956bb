package io.stancewire.streams.nlp.lang;

import io.stancewire.streams.nlp.QuoteBenchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Lingua's low- versus high-accuracy mode: build time, heap after building, detection speed, and whether the two
 * disagree on the corpus. Run by hand (see {@link QuoteBenchmark} for the class path).
 */
public final class LanguageRouterBenchmark {
    public static void main(String[] args) throws IOException {
        List<String> texts = QuoteBenchmark.corpus();
        texts.add(new String(LanguageRouterBenchmark.class.getResourceAsStream("/seed-urdu.txt").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
        // Twice each, alternating, so that JIT warm-up does not favour whichever runs second.
        measure("low accuracy", true, texts);
        measure("high accuracy", false, texts);
        LanguageRouter low = measure("low accuracy", true, texts);
        LanguageRouter high = measure("high accuracy", false, texts);
        long disagreements = texts.stream()
                .filter(t -> !low.detect(t, null).language().equals(high.detect(t, null).language())).count();
        System.out.printf("disagreements on %d texts: %d%n", texts.size(), disagreements);
    }

    private static LanguageRouter measure(String label, boolean lowAccuracy, List<String> texts) {
        System.gc();
        long heap0 = usedHeap();
        long t0 = System.nanoTime();
        LanguageRouter router = new LanguageRouter(lowAccuracy);
        double build = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heap = usedHeap() - heap0;
        texts.forEach(t -> router.detect(t, null));
        int passes = 5;
        long t1 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            texts.forEach(t -> router.detect(t, null));
        }
        double perText = (System.nanoTime() - t1) / 1e6 / (passes * texts.size());
        System.out.printf("%-14s build %.1f s, heap +%d MB, %.2f ms per article (first 2,000 chars)%n",
                label, build, heap >> 20, perText);
        return router;
    }

    private static long usedHeap() {
        var mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return mem.getUsed();
    }
}
