package io.stancewire.launcher;

import io.javalin.Javalin;

/** {@code GET /metrics} alone, for the stage commands that serve nothing else over HTTP. */
final class MetricsServer implements AutoCloseable {
    private final Javalin app;

    private MetricsServer(Javalin app) {
        this.app = app;
    }

    static MetricsServer start(String host, int port, ProcessMetrics metrics) {
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false).get("/metrics", metrics.handler());
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        return new MetricsServer(app);
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
