package io.stancewire.launcher;

import io.stancewire.local.LocalKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * `stancewire kafka` as a user runs it, in its own process: whether it is stopped politely (SIGTERM, as Ctrl-C) or
 * killed (SIGKILL), the broker it started must not outlive it and keep the port.
 */
class NoOrphansIT {

    @Test
    void sigtermStopsTheBrokerToo(@TempDir Path dir) throws Exception {
        assertNoOrphanAfter(dir, Process::destroy);
    }

    @Test
    void sigkillOfTheCommandStillStopsTheBroker(@TempDir Path dir) throws Exception {
        assertNoOrphanAfter(dir, Process::destroyForcibly);
    }

    private static void assertNoOrphanAfter(Path dir, Consumer<Process> stop) throws Exception {
        int[] ports = LocalKafka.freePorts(2);
        Process command = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "kafka", "--data-dir", dir.toString(),
                "--kafka-port", Integer.toString(ports[0]), "--kafka-controller-port", Integer.toString(ports[1])))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("command.log").toFile())
                .start();
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> accepts(ports[0]) && command.descendants().findAny().isPresent());
            List<ProcessHandle> children = command.descendants().toList();

            stop.accept(command);

            await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(accepts(ports[0])).isFalse();
        } finally {
            command.descendants().forEach(ProcessHandle::destroyForcibly);
            command.destroyForcibly();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
