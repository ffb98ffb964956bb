package io.stancewire.esserver;

import org.elasticsearch.common.settings.Settings;

import java.nio.file.Path;

/** The node's settings: a single-node development cluster on the loopback interface, all its files under one directory. */
record NodeConfig(Path dataDir, int httpPort, int transportPort, String clusterName) {

    String nodeName() {
        return clusterName + "-node";
    }

    Path configDir() {
        return dataDir.resolve("config");
    }

    Path nativeLibDir() {
        return dataDir.resolve("native");
    }

    Settings settings() {
        return Settings.builder()
                .put("cluster.name", clusterName)
                .put("node.name", nodeName())
                // Home, data and logs in the data directory: indices and cluster state survive restarts there.
                .put("path.home", dataDir.toString())
                .put("path.data", dataDir.resolve("data").toString())
                .put("path.logs", dataDir.resolve("logs").toString())
                .put("discovery.type", "single-node")
                // Loopback only; this also keeps the node in development mode (no production bootstrap checks).
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", transportPort)
                // The default watermarks (85/90/95 % used) make a nearly full laptop disk refuse all writes. Absolute
                // free-space floors still protect a truly full disk.
                .put("cluster.routing.allocation.disk.watermark.low", "1gb")
                .put("cluster.routing.allocation.disk.watermark.high", "500mb")
                .put("cluster.routing.allocation.disk.watermark.flood_stage", "200mb")
                .put("cluster.routing.allocation.disk.watermark.flood_stage.frozen", "100mb")
                .build();
    }
}
