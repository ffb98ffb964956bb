package io.stancewire.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Prints how long the local broker takes from {@link LocalKafka#start} until it answers admin requests: on a fresh
 * data directory, on a restart of the same one, and on a restart with a class-data archive (made at the stop
 * before it); and how long clean stops take. {@code LocalKafkaStartupBenchmark [rounds]}, default 3.
 *
 * <p>The archive is used only when the broker's class path is made of jars: run it from packaged jars, e.g. after
 * {@code ./mvnw -pl local -am verify}, with {@code local/target/*.jar} and {@code local-kafka-server/target/*.jar}.
 */
public final class LocalKafkaStartupBenchmark {
    private LocalKafkaStartupBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Long> fresh = new ArrayList<>();
        List<Long> restart = new ArrayList<>();
        List<Long> archivedRestart = new ArrayList<>();
        List<Long> stop = new ArrayList<>();
        List<Long> archivingStop = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("stancewire-kafka-bench-");
            try {
                int[] ports = LocalKafka.freePorts(2);
                LocalKafka.Options plain = new LocalKafka.Options(dir, ports[0], ports[1], Duration.ofMinutes(3), false);
                LocalKafka.Options archived = plain.withClassDataSharing(true);

                LocalKafka first = timed(() -> LocalKafka.start(plain), fresh);
                timed(() -> stop(first), stop);
                LocalKafka second = timed(() -> LocalKafka.start(plain), restart);
                timed(() -> stop(second), stop);
                LocalKafka archiving = LocalKafka.start(archived);
                timed(() -> stop(archiving), archivingStop);
                boolean archiveMade = Files.exists(dir.resolve("broker.jsa"));
                LocalKafka fromArchive = timed(() -> LocalKafka.start(archived), archivedRestart);
                timed(() -> stop(fromArchive), stop);
                System.out.printf("round %d: fresh %d ms, restart %d ms, restart with archive %d ms (archive %s)%n",
                        round, fresh.getLast(), restart.getLast(), archivedRestart.getLast(),
                        archiveMade ? "used" : "NOT made: class path has directories");
            } finally {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
        print("fresh start", fresh);
        print("restart", restart);
        print("restart with class-data archive", archivedRestart);
        print("clean stop", stop);
        print("clean stop writing the archive", archivingStop);
    }

    private static Void stop(LocalKafka kafka) {
        kafka.stop();
        return null;
    }

    private static <T> T timed(Supplier<T> action, List<Long> millis) {
        long start = System.nanoTime();
        T result = action.get();
        millis.add((System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private static void print(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%-32s median %6d ms  (min %d, max %d, n=%d)%n",
                what, sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), sorted.size());
    }
}
