package io.stancewire.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A parent killed with SIGKILL runs no shutdown hook: its broker must still go away and give its port back. */
class LocalKafkaOrphanIT {

    @Test
    void brokerExitsAndFreesItsPortWhenItsParentIsKilled(@TempDir Path dir) throws Exception {
        int[] ports = LocalKafka.freePorts(2);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ChildJvm.modernJdkFlags());
        command.add("-cp");
        command.add(testClassPath());
        command.add(LocalKafkaOrphanParent.class.getName());
        command.add(dir.resolve("kafka").toString());
        command.add(Integer.toString(ports[0]));
        command.add(Integer.toString(ports[1]));
        Process parent = new ProcessBuilder(command)
                .redirectError(dir.resolve("parent.err").toFile())
                .start();
        long brokerPid;
        try {
            brokerPid = CompletableFuture.supplyAsync(() -> readBrokerPid(parent)).get(150, TimeUnit.SECONDS);
            assertThat(ProcessHandle.of(brokerPid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            assertThat(portIsFree(ports[0])).isFalse();
        } finally {
            parent.destroyForcibly();
        }
        assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
            assertThat(portIsFree(ports[0])).isTrue();
            assertThat(portIsFree(ports[1])).isTrue();
        });
    }

    private static long readBrokerPid(Process parent) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(LocalKafkaOrphanParent.PID_PREFIX)) {
                    return Long.parseLong(line.substring(LocalKafkaOrphanParent.PID_PREFIX.length()));
                }
            }
            throw new IllegalStateException("the parent process ended without starting its broker");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Surefire and failsafe may start tests from a manifest-only jar; this property has the real class path. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LocalKafka.HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
