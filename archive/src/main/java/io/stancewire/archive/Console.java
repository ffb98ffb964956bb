package io.stancewire.archive;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The web console: a page of plain JavaScript modules over the archive's own HTTP API. Every console address gets
 * the same page (the script reads the address), its scripts and styles come from this module's resources and the chart
 * library from its WebJar, so nothing is fetched from elsewhere at run time.
 *
 * <p>Quotes, titles and URLs come from arbitrary articles. The scripts only ever put them into the page as text, and
 * the Content-Security-Policy below is the second wall: no inline script, no script from another origin, no plugin,
 * so markup that slipped through anyway still could not run.
 */
final class Console {
    private Console() {}

    static final String RESOURCES = "stancewire/console";
    static final String ASSETS_PATH = "/console/assets";
    /** Addresses that show the console; the script tells them apart. */
    static final List<String> PAGES = List.of("/", "/console", "/console/quotes/{id}", "/console/speakers/{name}",
            "/console/alerts");

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static void configure(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = ASSETS_PATH;
            files.directory = "/" + RESOURCES;
            files.location = Location.CLASSPATH;
        });
        config.staticFiles.enableWebjars();
    }

    static void install(Javalin app) {
        String page = resource(RESOURCES + "/index.html");
        // On every response, the API's too: a JSON body opened directly in a browser must not become a page either.
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        for (String path : PAGES) {
            app.get(path, ctx -> page(ctx, page));
        }
    }

    private static void page(Context ctx, String page) {
        ctx.header("Cache-Control", "no-cache").html(page);
    }

    private static String resource(String path) {
        try (InputStream in = Console.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
