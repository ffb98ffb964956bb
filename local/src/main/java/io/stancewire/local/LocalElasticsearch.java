package io.stancewire.local;

import io.stancewire.esserver.ElasticsearchServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real single-node Elasticsearch cluster in a child JVM, for the local run and for integration tests.
 *
 * <p>Its indices live in the data directory and survive restarts. The node listens on 127.0.0.1 only and has no
 * security: it is a development node, not a server to expose.
 */
public final class LocalElasticsearch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);

    /** The launcher options that choose the ports; named in the error when a port is taken. */
    public static final String HTTP_PORT_OPTION = "--elasticsearch-port";
    public static final String TRANSPORT_PORT_OPTION = "--elasticsearch-transport-port";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 60;

    /**
     * @param dataDir       indices, cluster state, configuration and the node's log ({@code logs/elasticsearch.log})
     * @param startTimeout  how long to wait for the node to answer with a yellow or green cluster
     * @param fastStartup   stop the JIT at its first tier: start-up takes about half the CPU (measured 6 s instead of
     *                      12 s), but sustained heavy load runs slower. Right for short-lived test nodes.
     */
    public record Options(Path dataDir, int httpPort, int transportPort, String clusterName, Duration startTimeout,
                          boolean fastStartup) {
        public static Options defaults() {
            return new Options(Path.of(".stancewire", "elasticsearch"), 9200, 9300, "stancewire", Duration.ofMinutes(3),
                    false);
        }

        public Options withDataDir(Path dataDir) {
            return new Options(dataDir, httpPort, transportPort, clusterName, startTimeout, fastStartup);
        }

        public Options withHttpPort(int httpPort) {
            return new Options(dataDir, httpPort, transportPort, clusterName, startTimeout, fastStartup);
        }

        public Options withTransportPort(int transportPort) {
            return new Options(dataDir, httpPort, transportPort, clusterName, startTimeout, fastStartup);
        }

        public Options withClusterName(String clusterName) {
            return new Options(dataDir, httpPort, transportPort, clusterName, startTimeout, fastStartup);
        }

        public Options withStartTimeout(Duration startTimeout) {
            return new Options(dataDir, httpPort, transportPort, clusterName, startTimeout, fastStartup);
        }

        public Options withFastStartup(boolean fastStartup) {
            return new Options(dataDir, httpPort, transportPort, clusterName, startTimeout, fastStartup);
        }
    }

    private static LocalElasticsearch sharedForTests;

    private final Options options;
    private final ChildJvm jvm;
    private final URI httpUrl;

    private LocalElasticsearch(Options options, ChildJvm jvm, URI httpUrl) {
        this.options = options;
        this.jvm = jvm;
        this.httpUrl = httpUrl;
    }

    /**
     * Starts the node and returns once its cluster is at least yellow.
     *
     * @throws IllegalStateException if a port is taken, or the node exits or is not ready in time; the message says
     *                               why and carries the end of the node's log
     */
    public static LocalElasticsearch start(Options options) {
        if (options.httpPort() == options.transportPort()) {
            throw new IllegalStateException("Elasticsearch needs two different ports, but HTTP and transport are both "
                    + options.httpPort() + ": change one with " + HTTP_PORT_OPTION + " or " + TRANSPORT_PORT_OPTION);
        }
        requireFree(options.httpPort(), "HTTP", HTTP_PORT_OPTION, "withHttpPort");
        requireFree(options.transportPort(), "transport", TRANSPORT_PORT_OPTION, "withTransportPort");
        Path dataDir = options.dataDir().toAbsolutePath();
        URI httpUrl = URI.create("http://127.0.0.1:" + options.httpPort());
        ChildJvm jvm = ChildJvm.start("elasticsearch",
                ChildJvm.readClassPath(ElasticsearchServer.CLASS_PATH_RESOURCE, ElasticsearchServer.class),
                ElasticsearchServer.MAIN_CLASS,
                jvmArgs(options),
                List.of(dataDir.toString(), Integer.toString(options.httpPort()),
                        Integer.toString(options.transportPort()), options.clusterName()),
                dataDir.resolve("logs").resolve("elasticsearch.log"));
        try {
            awaitReady(jvm, httpUrl, options.startTimeout());
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
        log.info("Elasticsearch is ready at {} (data in {}, log {})", httpUrl, dataDir, jvm.logFile());
        return new LocalElasticsearch(options, jvm, httpUrl);
    }

    /** Starts a node for another module's tests: data under {@code tempDir}, on free ports. */
    public static LocalElasticsearch startForTests(Path tempDir) {
        int httpPort = freePort();
        int transportPort = freePort();
        while (transportPort == httpPort) {
            transportPort = freePort();
        }
        return start(Options.defaults()
                .withDataDir(tempDir.resolve("elasticsearch"))
                .withHttpPort(httpPort)
                .withTransportPort(transportPort)
                .withClusterName("stancewire-test")
                .withFastStartup(true));
    }

    /**
     * One node for all the tests of this JVM, started on first use and stopped (its temporary directory deleted) when
     * the JVM exits: a start costs seconds of CPU, so test classes share it. They must use index names of their own.
     */
    public static synchronized LocalElasticsearch sharedForTests() {
        if (sharedForTests == null || !sharedForTests.isRunning()) {
            Path dir;
            try {
                dir = Files.createTempDirectory("stancewire-es-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalElasticsearch node = startForTests(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                node.close();
                deleteRecursively(dir);
            }, "stop-shared-elasticsearch"));
            sharedForTests = node;
        }
        return sharedForTests;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    private static List<String> jvmArgs(Options options) {
        List<String> args = new ArrayList<>(List.of(
                "-Xms1g", "-Xmx1g",
                "-XX:+UseG1GC",
                "-Dfile.encoding=UTF-8",
                // Date formats must parse the same on every machine, as in a distribution's jvm.options.
                "-Djava.locale.providers=CLDR",
                // Lucene's vectorised code paths, as a distribution enables them.
                "--add-modules=jdk.incubator.vector"));
        if (options.fastStartup()) {
            args.add("-XX:TieredStopAtLevel=1");
        }
        return args;
    }

    private static void requireFree(int port, String kind, String option, String optionsMethod) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch cannot start: its " + kind + " port " + port
                    + " on 127.0.0.1 is already in use (another Elasticsearch or stancewire still running?). "
                    + "Stop whatever listens there, or choose another port with " + option + " <port> "
                    + "(LocalElasticsearch.Options." + optionsMethod + " in code).", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port: " + e.getMessage(), e);
        }
    }

    private static void awaitReady(ChildJvm jvm, URI httpUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(httpUrl.resolve("/_cluster/health?wait_for_status=yellow&timeout=5s"))
                .timeout(Duration.ofSeconds(15))
                .GET()
                .build();
        String lastProblem = "no answer yet";
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (System.nanoTime() < deadline) {
                if (!jvm.isAlive()) {
                    throw new IllegalStateException("Elasticsearch exited during start-up; end of its log "
                            + jvm.logFile() + ":" + System.lineSeparator() + jvm.logTail(LOG_TAIL_LINES));
                }
                try {
                    HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                    lastProblem = "cluster health answered " + response.statusCode() + ": " + response.body();
                } catch (ConnectException notListeningYet) {
                    lastProblem = "HTTP port not open yet";
                } catch (IOException e) {
                    lastProblem = e.toString();
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch to start", e);
        }
        throw new IllegalStateException("Elasticsearch was not ready within " + timeout.toSeconds() + " s ("
                + lastProblem + "); end of its log " + jvm.logFile() + ":" + System.lineSeparator()
                + jvm.logTail(LOG_TAIL_LINES));
    }

    /** Base URL of the node's REST API, e.g. {@code http://127.0.0.1:9200}. */
    public URI httpUrl() {
        return httpUrl;
    }

    public Options options() {
        return options;
    }

    public Path logFile() {
        return jvm.logFile();
    }

    /** The node JVM's process id. */
    public long pid() {
        return jvm.pid();
    }

    public boolean isRunning() {
        return jvm.isAlive();
    }

    /** Stops the node gracefully (it flushes and releases its data directory), killing it if it hangs. */
    public void stop() {
        jvm.close();
    }

    @Override
    public void close() {
        stop();
    }
}
