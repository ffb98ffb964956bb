package io.stancewire.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Prints how long the local broker takes from {@link LocalKafka#start} to answering admin requests, on a fresh data
 * directory and on a restart of the same one, and how long a clean stop takes.
 * {@code LocalKafkaStartupBenchmark [rounds]}, default 3.
 */
public final class LocalKafkaStartupBenchmark {
    private LocalKafkaStartupBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Long> fresh = new ArrayList<>();
        List<Long> restart = new ArrayList<>();
        List<Long> stop = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("stancewire-kafka-bench-");
            try {
                LocalKafka first = timed(() -> LocalKafka.startForTests(dir), fresh);
                timed(() -> { first.stop(); return null; }, stop);
                LocalKafka second = timed(() -> LocalKafka.startForTests(dir), restart);
                timed(() -> { second.stop(); return null; }, stop);
                System.out.printf("round %d: fresh start %d ms, restart %d ms, stops %s ms%n", round,
                        fresh.getLast(), restart.getLast(), stop.subList(stop.size() - 2, stop.size()));
            } finally {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
        System.out.printf("fresh start   median %d ms (min %d, max %d)%n", median(fresh), min(fresh), max(fresh));
        System.out.printf("restart       median %d ms (min %d, max %d)%n", median(restart), min(restart), max(restart));
        System.out.printf("clean stop    median %d ms (min %d, max %d)%n", median(stop), min(stop), max(stop));
    }

    private static <T> T timed(Supplier<T> action, List<Long> millis) {
        long start = System.nanoTime();
        T result = action.get();
        millis.add((System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElseThrow();
    }
}
