package io.stancewire.local;

import io.stancewire.kafkaserver.KafkaServerLayout;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker (KRaft, its own controller) in a child JVM, listening on 127.0.0.1 only. Its data
 * directory survives restarts. {@link #start(Options)} returns once the broker answers admin requests.
 */
public final class LocalKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    static final String HOST = "127.0.0.1";
    private static final List<String> JVM_ARGS = List.of(
            "-Xms512m", "-Xmx768m",
            // A broker that ran out of memory is better gone (and reported) than limping on.
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 40;

    private static LocalKafka sharedForTests;

    private final Options options;
    private final ChildJvm child;

    /**
     * @param dataDir        the broker's files (storage, generated server.properties, broker.log); kept across starts
     * @param brokerPort     where clients connect
     * @param controllerPort the KRaft controller's own listener
     * @param startTimeout   how long to wait for the broker to answer before giving up
     * @param classDataSharing whether to keep a JVM class-data archive in the data directory: it cuts the CPU of
     *                       later starts by about a third, but the first clean stop spends seconds writing it (and
     *                       it is some 50 MB), so it pays only for a data directory that is started again and again
     */
    public record Options(Path dataDir, int brokerPort, int controllerPort, Duration startTimeout,
                          boolean classDataSharing) {
        public static final Path DEFAULT_DATA_DIR = Path.of(".stancewire", "kafka");
        public static final int DEFAULT_BROKER_PORT = 9092;
        public static final int DEFAULT_CONTROLLER_PORT = 9093;
        public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(startTimeout, "startTimeout");
            requireValidPort(brokerPort, "broker");
            requireValidPort(controllerPort, "controller");
            if (brokerPort == controllerPort) {
                throw new IllegalArgumentException("the Kafka broker and controller ports must differ, both are " + brokerPort);
            }
        }

        public static Options defaults() {
            return new Options(DEFAULT_DATA_DIR, DEFAULT_BROKER_PORT, DEFAULT_CONTROLLER_PORT, DEFAULT_START_TIMEOUT, true);
        }

        public Options withDataDir(Path dir) {
            return new Options(dir, brokerPort, controllerPort, startTimeout, classDataSharing);
        }

        public Options withBrokerPort(int port) {
            return new Options(dataDir, port, controllerPort, startTimeout, classDataSharing);
        }

        public Options withControllerPort(int port) {
            return new Options(dataDir, brokerPort, port, startTimeout, classDataSharing);
        }

        public Options withStartTimeout(Duration timeout) {
            return new Options(dataDir, brokerPort, controllerPort, timeout, classDataSharing);
        }

        public Options withClassDataSharing(boolean enabled) {
            return new Options(dataDir, brokerPort, controllerPort, startTimeout, enabled);
        }

        private static void requireValidPort(int port, String role) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("the Kafka " + role + " port must be between 1 and 65535, not " + port);
            }
        }
    }

    private LocalKafka(Options options, ChildJvm child) {
        this.options = options;
        this.child = child;
    }

    /** Starts the broker and waits until it answers; fails with the tail of the broker's log if it does not. */
    public static LocalKafka start(Options options) {
        requireFree(options.brokerPort(), "broker", "--kafka-port");
        requireFree(options.controllerPort(), "controller", "--kafka-controller-port");
        KafkaServerLayout layout = new KafkaServerLayout(options.dataDir());
        keepPreviousLog(layout.logFile());
        List<Path> classPath = ChildJvm.readClassPath(KafkaServerLayout.CLASS_PATH_RESOURCE, KafkaServerLayout.class);
        List<String> jvmArgs = new ArrayList<>(JVM_ARGS);
        // The JVM refuses to archive classes loaded from directories (a build's target/classes): only jars qualify.
        if (options.classDataSharing() && classPath.stream().noneMatch(Files::isDirectory)
                && !Files.isDirectory(ChildJvm.codeSourceOf(ChildMain.class))) {
            jvmArgs.add("-XX:+AutoCreateSharedArchive");
            jvmArgs.add("-XX:SharedArchiveFile=" + layout.classDataArchive());
            // A checksum over the archive (some 50 ms): an archive cut short by a killed JVM is ignored, not mapped.
            jvmArgs.add("-XX:+VerifySharedSpaces");
        }
        ChildJvm child = ChildJvm.start("kafka", classPath, KafkaServerLayout.MAIN_CLASS, jvmArgs,
                List.of(layout.root().toString(), Integer.toString(options.brokerPort()),
                        Integer.toString(options.controllerPort())),
                layout.logFile());
        LocalKafka kafka = new LocalKafka(options, child);
        try {
            kafka.awaitReady();
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        log.info("Kafka broker ready at {} (pid {}, data {}, log {})",
                kafka.bootstrapServers(), child.pid(), layout.root(), layout.logFile());
        return kafka;
    }

    /**
     * A broker of its own for one test: free ports, data in {@code dir}, no class-data archive (a test directory is
     * seldom started twice). Close it at the end of the test.
     */
    public static LocalKafka startForTests(Path dir) {
        int[] ports = freePorts(2);
        return start(new Options(dir, ports[0], ports[1], Options.DEFAULT_START_TIMEOUT, false));
    }

    /**
     * One broker for every test of this JVM that does not need a broker of its own: started on first use in a
     * temporary directory, stopped and deleted when the JVM exits. Tests sharing it must use their own topic names.
     */
    public static synchronized LocalKafka sharedForTests() {
        if (sharedForTests == null || !sharedForTests.isRunning()) {
            Path dir;
            try {
                dir = Files.createTempDirectory("stancewire-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalKafka kafka = startForTests(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                deleteRecursively(dir);
            }, "stop-shared-kafka"));
            sharedForTests = kafka;
        }
        return sharedForTests;
    }

    public String bootstrapServers() {
        return HOST + ":" + options.brokerPort();
    }

    public Options options() {
        return options;
    }

    public boolean isRunning() {
        return child.isAlive();
    }

    /** The broker JVM's process id. */
    public long pid() {
        return child.pid();
    }

    public Path logFile() {
        return child.logFile();
    }

    /** Stops the broker cleanly (it flushes and closes its logs), killing it if it takes more than 30 s. */
    public void stop() {
        child.close();
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        // Waiting for the port first keeps the admin client from logging a warning per refused connection.
        while (!accepts(options.brokerPort())) {
            checkStillStarting(deadline, "its port " + options.brokerPort() + " never opened");
            sleep(POLL);
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "stancewire-local-kafka-probe");
        try (Admin admin = Admin.create(config)) {
            while (true) {
                checkStillStarting(deadline, "it did not answer admin requests");
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                            .nodes().get(3, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // Still starting: the deadline above decides when to give up.
                }
                sleep(POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the local Kafka broker to start", e);
        }
    }

    private void checkStillStarting(long deadline, String symptom) {
        if (!child.isAlive()) {
            throw startFailure("the broker process exited during start-up");
        }
        if (System.nanoTime() > deadline) {
            throw startFailure("it was not ready after " + options.startTimeout().toMillis() + " ms: " + symptom);
        }
    }

    private IllegalStateException startFailure(String why) {
        return new IllegalStateException("The local Kafka broker on " + bootstrapServers() + " did not start: " + why
                + ". Its log is " + child.logFile() + "; last lines:" + System.lineSeparator()
                + child.logTail(LOG_TAIL_LINES));
    }

    private static void requireFree(int port, String role, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the broker's own listener, so that connections left in TIME_WAIT by a previous run do not count.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the local Kafka broker: its " + role + " port " + port
                    + " on " + HOST + " is already in use (" + e.getMessage() + "). Stop the program holding it "
                    + "(another Kafka?) or choose another " + role + " port with " + option + " <port>.", e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Ports free right now, all different (each is held open until all are chosen). */
    public static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST));
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // It was only held to reserve the number.
            }
        }
    }

    /** Keeps one previous log beside the new one, so that a restart does not erase why the last run ended. */
    private static void keepPreviousLog(Path logFile) {
        try {
            if (Files.exists(logFile)) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate " + logFile, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the local Kafka broker to start", e);
        }
    }
}
