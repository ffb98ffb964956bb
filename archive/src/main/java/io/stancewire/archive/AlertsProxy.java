package io.stancewire.archive;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Forwards {@code /api/alerts/*} to the alerts API, so the console's alerts page talks to its own origin: the page's
 * Content-Security-Policy allows no other ({@code connect-src 'self'}), and the alerts API stays a separate server
 * that knows nothing of the console. The caller's {@code Authorization} goes through untouched; the alerts API
 * decides who may do what. Javalin has no reverse proxy, and the JDK's HTTP client does the rest.
 */
final class AlertsProxy {
    static final String PATH = "/api/alerts/*";
    private static final Logger log = LoggerFactory.getLogger(AlertsProxy.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.DELETE);

    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param target the alerts API's base address, e.g. {@code http://127.0.0.1:8480}; null when alerts are off */
    private AlertsProxy(URI target) {
        this.target = target;
    }

    static void install(Javalin app, URI target) {
        AlertsProxy proxy = new AlertsProxy(target);
        for (HandlerType method : METHODS) {
            app.addHttpHandler(method, PATH, proxy::forward);
        }
    }

    private void forward(Context ctx) throws InterruptedException {
        if (target == null) {
            ArchiveServer.error(ctx, HttpStatus.NOT_FOUND, "alerts-off",
                    "alerts are not enabled in this process: start `stancewire run` with --owners FILE");
            return;
        }
        String query = ctx.queryString();
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(ctx.path() + (query == null ? "" : "?" + query)))
                .timeout(TIMEOUT)
                .method(ctx.method().name(), ctx.method() == HandlerType.POST
                        ? HttpRequest.BodyPublishers.ofByteArray(ctx.bodyAsBytes())
                        : HttpRequest.BodyPublishers.noBody());
        copyHeader(ctx, request, "Authorization");
        copyHeader(ctx, request, "Content-Type");
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("alerts API at {} unreachable for {}: {}", target, ctx.path(), e.toString());
            ArchiveServer.error(ctx, HttpStatus.BAD_GATEWAY, "alerts-unavailable", "cannot reach the alerts API at " + target);
            return;
        }
        ctx.status(response.statusCode());
        response.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
        response.headers().firstValue("WWW-Authenticate").ifPresent(v -> ctx.header("WWW-Authenticate", v));
        ctx.result(response.body());
    }

    private static void copyHeader(Context ctx, HttpRequest.Builder request, String name) {
        String value = ctx.header(name);
        if (value != null) {
            request.header(name, value);
        }
    }
}
