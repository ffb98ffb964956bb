package io.stancewire.esserver;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.config.Configurator;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one single-node Elasticsearch cluster until the JVM is asked to stop:
 * {@code ElasticsearchNodeMain <data dir> <http port> <transport port> <cluster name>}.
 *
 * <p>Logs go to standard output, which the parent sends to the node's log file.
 */
public final class ElasticsearchNodeMain {
    private static final String LOG_CONFIG_RESOURCE = "/stancewire/elasticsearch-log4j2.properties";

    private ElasticsearchNodeMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ElasticsearchNodeMain <data dir> <http port> <transport port> <cluster name>");
            System.exit(2);
        }
        NodeConfig config = new NodeConfig(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), args[3]);

        // Read by Elasticsearch's class initialisers, so they must be set before any of its classes load.
        System.setProperty("es.nativelibs.path", NativeLibraries.prepare(config.nativeLibDir()).toString());
        // The SIMD vector library ships only inside the distribution; without it Lucene's Java code is used.
        System.setProperty("org.elasticsearch.nativeaccess.enableVectorLibrary", "false");
        // Our shutdown hook logs while the node closes, so log4j must not shut itself down first.
        System.setProperty("log4j.shutdownHookEnabled", "false");
        System.setProperty("log4j2.disable.jmx", "true");

        Files.createDirectories(config.configDir());
        try (InputStream in = ElasticsearchNodeMain.class.getResourceAsStream(LOG_CONFIG_RESOURCE)) {
            Files.copy(in, config.configDir().resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                config.settings(), Map.of(), config.configDir(), config::nodeName);
        LogConfigurator.setNodeName(config.nodeName());
        LogConfigurator.setClusterName(config.clusterName());
        LogConfigurator.configure(environment, true);
        Logger log = LogManager.getLogger(ElasticsearchNodeMain.class);

        CountDownLatch stopped = new CountDownLatch(1);
        try {
            Node node = new ClasspathPluginsNode(environment, List.of(Netty4Plugin.class, RootInfoPlugin.class));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node, log, stopped), "stop-elasticsearch"));
            node.start();
        } catch (Exception | Error e) {
            // Exit at once, so that the parent sees the failure instead of waiting for a node that will never answer
            // (a locked data directory, a port taken meanwhile, a corrupt cluster state ...).
            log.fatal("stancewire: the node failed to start", e);
            System.exit(1);
        }
        log.info("stancewire: node [{}] of cluster [{}] is up, HTTP on 127.0.0.1:{}, data in {}",
                config.nodeName(), config.clusterName(), config.httpPort(), config.dataDir());
        // Elasticsearch's threads are daemons: without this wait the JVM would exit as soon as main returns.
        stopped.await();
    }

    private static void close(Node node, Logger log, CountDownLatch stopped) {
        try {
            log.info("stancewire: stopping the node");
            node.prepareForClose();
            node.close();
            if (!node.awaitClose(20, TimeUnit.SECONDS)) {
                log.warn("stancewire: node did not close within 20 s");
            }
        } catch (IOException | RuntimeException e) {
            log.error("stancewire: error while stopping the node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
            Configurator.shutdown(org.apache.logging.log4j.core.LoggerContext.getContext(false));
        }
    }
}
