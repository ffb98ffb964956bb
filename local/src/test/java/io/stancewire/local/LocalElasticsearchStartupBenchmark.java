package io.stancewire.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prints how long the local node takes from the start call to a ready (yellow) cluster, on a fresh data directory
 * and on a restart of the same directory, and how long a graceful stop takes.
 *
 * <p>Run after {@code ./mvnw -pl local -am test-compile} with the test class path, e.g.
 * {@code ./mvnw -q -pl local dependency:build-classpath -Dmdep.outputFile=cp.txt} and
 * {@code java -cp local/target/test-classes:local/target/classes:$(cat cp.txt) io.stancewire.local.LocalElasticsearchStartupBenchmark [rounds]}.
 */
public final class LocalElasticsearchStartupBenchmark {

    private LocalElasticsearchStartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Duration> fresh = new ArrayList<>();
        List<Duration> restart = new ArrayList<>();
        List<Duration> stop = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("es-startup-benchmark");
            LocalElasticsearch.Options options;
            Timed<LocalElasticsearch> first = time(() -> LocalElasticsearch.startForTests(dir));
            fresh.add(first.took());
            options = first.value().options();
            stop.add(time(() -> {
                first.value().stop();
                return null;
            }).took());
            Timed<LocalElasticsearch> second = time(() -> LocalElasticsearch.start(options));
            restart.add(second.took());
            second.value().stop();
            System.out.printf("round %d: fresh %d ms, stop %d ms, restart %d ms%n", round,
                    fresh.getLast().toMillis(), stop.getLast().toMillis(), restart.getLast().toMillis());
        }
        System.out.printf("start-up to ready, fresh dir: %s%n", summary(fresh));
        System.out.printf("start-up to ready, restart:   %s%n", summary(restart));
        System.out.printf("graceful stop:                %s%n", summary(stop));
    }

    private record Timed<T>(T value, Duration took) {}

    private static <T> Timed<T> time(Supplier<T> action) {
        long start = System.nanoTime();
        T value = action.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    private static String summary(List<Duration> samples) {
        List<Long> millis = samples.stream().map(Duration::toMillis).sorted().toList();
        return "min " + millis.getFirst() + " ms, median " + millis.get(millis.size() / 2) + " ms, max "
                + millis.getLast() + " ms (" + millis.size() + " runs)";
    }
}
