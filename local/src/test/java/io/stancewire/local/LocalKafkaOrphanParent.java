package io.stancewire.local;

import java.nio.file.Path;

/**
 * A parent process for {@link LocalKafkaOrphanIT}: starts a broker, prints its pid, then waits to be killed.
 * {@code LocalKafkaOrphanParent <data dir> <broker port> <controller port>}
 */
public final class LocalKafkaOrphanParent {
    static final String PID_PREFIX = "broker-pid=";

    private LocalKafkaOrphanParent() {}

    public static void main(String[] args) throws InterruptedException {
        LocalKafka kafka = LocalKafka.start(LocalKafka.Options.defaults()
                .withDataDir(Path.of(args[0]))
                .withBrokerPort(Integer.parseInt(args[1]))
                .withControllerPort(Integer.parseInt(args[2])));
        System.out.println(PID_PREFIX + kafka.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
