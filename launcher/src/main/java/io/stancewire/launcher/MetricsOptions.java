package io.stancewire.launcher;

import picocli.CommandLine.Option;

/** Where a stage command without an HTTP server of its own serves {@code GET /metrics}: nowhere unless asked. */
final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics on http://<metrics-host>:PORT/metrics (default: off; 0 = any free port). "
                    + "Env: STANCEWIRE_METRICS_PORT.")
    Integer port;

    @Option(names = "--metrics-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the metrics endpoint listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 in a container "
                    + "Prometheus scrapes from outside). Env: STANCEWIRE_METRICS_HOST.")
    String host;

    /** @return null when no {@code --metrics-port} was given */
    MetricsServer startIfConfigured(ProcessMetrics metrics) {
        if (port == null) {
            return null;
        }
        MetricsServer server = MetricsServer.start(host, port, metrics);
        System.out.println("stancewire: metrics on http://" + host + ":" + server.port() + "/metrics");
        return server;
    }
}
