package io.stancewire.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how long the local node takes from the start call to a ready (yellow) cluster, on a fresh data directory and
 * on a restart of the same directory, for the local run's JVM settings and for the tests' ({@code fastStartup}).
 * Besides wall-clock time it prints the CPU time the node's JVM used until ready: on a shared machine that number is
 * the steadier one.
 *
 * <p>Run after {@code ./mvnw -pl local -am test-compile}, with the test class path:
 * {@code java -cp local/target/test-classes:local/target/classes:<dependencies> io.stancewire.local.LocalElasticsearchStartupBenchmark [rounds]}.
 */
public final class LocalElasticsearchStartupBenchmark {

    private LocalElasticsearchStartupBenchmark() {}

    private record Sample(long wallMillis, long cpuMillis) {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.printf("%d cores, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (boolean fastStartup : new boolean[] {false, true}) {
            String mode = fastStartup ? "tests (fastStartup)" : "local run";
            List<Sample> fresh = new ArrayList<>();
            List<Sample> restart = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Path dir = Files.createTempDirectory("es-startup-benchmark");
                LocalElasticsearch.Options options = LocalElasticsearch.Options.defaults()
                        .withDataDir(dir)
                        .withHttpPort(freePort())
                        .withTransportPort(freePort())
                        .withFastStartup(fastStartup);
                fresh.add(startAndStop(options));
                restart.add(startAndStop(options));
                deleteRecursively(dir);
                System.out.printf("%s, round %d: fresh %s, restart %s%n", mode, round, fresh.getLast(), restart.getLast());
            }
            System.out.printf("%-20s fresh dir: %s%n", mode, summary(fresh));
            System.out.printf("%-20s restart:   %s%n", mode, summary(restart));
        }
    }

    private static Sample startAndStop(LocalElasticsearch.Options options) {
        long start = System.nanoTime();
        try (LocalElasticsearch node = LocalElasticsearch.start(options)) {
            long wall = Duration.ofNanos(System.nanoTime() - start).toMillis();
            long cpu = ProcessHandle.of(node.pid()).flatMap(p -> p.info().totalCpuDuration())
                    .map(Duration::toMillis).orElse(-1L);
            return new Sample(wall, cpu);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String summary(List<Sample> samples) {
        List<Long> wall = samples.stream().map(Sample::wallMillis).sorted().toList();
        List<Long> cpu = samples.stream().map(Sample::cpuMillis).sorted().toList();
        return "wall median " + wall.get(wall.size() / 2) + " ms (min " + wall.getFirst() + ", max " + wall.getLast()
                + "), node CPU median " + cpu.get(cpu.size() / 2) + " ms (" + samples.size() + " runs)";
    }
}
