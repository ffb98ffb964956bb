package io.stancewire.launcher;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the bundled sample feeds and their article pages on 127.0.0.1, so that the local run fetches them over
 * HTTP exactly as it fetches real feeds. Feed and page texts name their own address as {@code {{base}}}.
 */
public final class SampleFeedServer implements AutoCloseable {
    static final String PLACEHOLDER = "{{base}}";

    private final Javalin app;

    private SampleFeedServer(Javalin app) {
        this.app = app;
    }

    /** @param port 0 for any free port */
    public static SampleFeedServer start(int port) {
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        SampleFeedServer server = new SampleFeedServer(app);
        app.get("/feeds/{name}", ctx -> server.serve(ctx, "feeds/" + ctx.pathParam("name"), "application/xml; charset=utf-8"));
        app.get("/articles/{name}", ctx -> server.serve(ctx, "articles/" + ctx.pathParam("name"), "text/html; charset=utf-8"));
        app.start("127.0.0.1", port);
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** The sample feed list, pointing at this server. */
    public String feedsYaml() {
        return withBase(resource("feeds.yaml"));
    }

    private void serve(Context ctx, String path, String contentType) {
        if (path.contains("..")) {
            ctx.status(HttpStatus.BAD_REQUEST);
            return;
        }
        String body = resourceOrNull(path);
        if (body == null) {
            ctx.status(HttpStatus.NOT_FOUND).result("no sample " + path);
            return;
        }
        ctx.contentType(contentType).result(withBase(body));
    }

    private String withBase(String text) {
        return text.replace(PLACEHOLDER, baseUrl());
    }

    static String resource(String path) {
        String text = resourceOrNull(path);
        if (text == null) {
            throw new IllegalStateException("missing bundled sample " + path);
        }
        return text;
    }

    private static String resourceOrNull(String path) {
        try (InputStream in = SampleFeedServer.class.getClassLoader().getResourceAsStream("samples/" + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
