package io.stancewire.archive;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.model.Indices;
import io.stancewire.model.Json;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The quote archive over HTTP, for researchers and the web console ({@link Console}, on {@code /}). Read-only, no
 * authentication: it binds to 127.0.0.1 unless told otherwise. The API routes are described in {@code /api/openapi.json}.
 */
public final class ArchiveServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArchiveServer.class);
    static final String OPENAPI_RESOURCE = "stancewire/archive/openapi.json";
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Javalin app;
    private final ElasticsearchClient ownedClient;
    private final QuoteArchive archive;
    private final String openApi;
    private final List<String> routes = new ArrayList<>();

    private ArchiveServer(ElasticsearchClient ownedClient, QuoteArchive archive, Handler metrics, URI alertsApi) {
        this.ownedClient = ownedClient;
        this.archive = archive;
        this.openApi = resource(OPENAPI_RESOURCE);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER.copy(), false));
            Console.configure(config);
        });
        Console.install(app);
        // Registered before /api/quotes/{id}, which would otherwise take "export" for an id.
        get("/api/quotes", this::search);
        get("/api/quotes/export", this::export);
        get("/api/quotes/{id}", this::quote);
        get("/api/speakers/{name}/stance", this::speakerStance);
        get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        if (metrics != null) {
            // Not an API route (not in routes() nor the OpenAPI description): the process's meters for Prometheus.
            app.get("/metrics", metrics);
        }
        // Not an API route either: the alerts API's own, forwarded for the console's alerts page.
        AlertsProxy.install(app, alertsApi);
        app.exception(InvalidQueryException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, "bad-request", e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, HttpStatus.forStatus(e.getStatus()),
                e.getStatus() == 404 ? "not-found" : "http-" + e.getStatus(), e.getMessage()));
        app.exception(ElasticsearchException.class, (e, ctx) -> {
            log.warn("Elasticsearch refused {}: {}", ctx.path(), e.getMessage());
            error(ctx, HttpStatus.BAD_GATEWAY, "elasticsearch-error", e.getMessage());
        });
        app.exception(IOException.class, (e, ctx) -> {
            log.warn("Elasticsearch unreachable for {}: {}", ctx.path(), e.toString());
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "elasticsearch-unavailable", "cannot reach Elasticsearch: " + e.getMessage());
        });
        app.exception(Exception.class, (e, ctx) -> {
            log.error("failed {}", ctx.fullUrl(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", e.toString());
        });
        // Unknown paths: the same JSON shape as every other error, unless a handler already answered 404 itself.
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (!String.valueOf(ctx.res().getContentType()).startsWith("application/json")) {
                error(ctx, HttpStatus.NOT_FOUND, "not-found", "no route " + ctx.method() + " " + ctx.path() + "; see /api/openapi.json");
            }
        });
    }

    /** Serves on 127.0.0.1; {@code port} 0 picks a free port. */
    public static ArchiveServer start(int port, String elasticsearchUrl) {
        return start(port, elasticsearchUrl, null);
    }

    /** Also serves {@code GET /metrics} with {@code metrics}: the running process's meters, for Prometheus. */
    public static ArchiveServer start(int port, String elasticsearchUrl, Handler metrics) {
        return start(port, elasticsearchUrl, metrics, null);
    }

    /** Also forwards {@code /api/alerts/*} to the alerts API at {@code alertsApi}, for the console's alerts page. */
    public static ArchiveServer start(int port, String elasticsearchUrl, Handler metrics, URI alertsApi) {
        return start("127.0.0.1", port, elasticsearchUrl, Indices.QUOTES, metrics, alertsApi);
    }

    /**
     * @param host      the address to listen on: 127.0.0.1, or 0.0.0.0 in a container whose port is published
     * @param index     the quote index or alias to serve; tests sharing one node use their own
     * @param metrics   serves {@code GET /metrics} when not null
     * @param alertsApi the alerts API behind {@code /api/alerts/*}, or null when alerts are off
     */
    public static ArchiveServer start(String host, int port, String elasticsearchUrl, String index, Handler metrics,
                                      URI alertsApi) {
        ElasticsearchClient client = ElasticsearchClients.create(elasticsearchUrl);
        ArchiveServer server = new ArchiveServer(client, new QuoteArchive(client, index), metrics, alertsApi);
        try {
            server.app.start(host, port);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        log.info("quote archive API on http://{}:{}/api, console on http://{}:{}/ (Elasticsearch {})",
                host, server.port(), host, server.port(), elasticsearchUrl);
        return server;
    }

    public int port() {
        return app.port();
    }

    /** The routes served, as written in the OpenAPI description. */
    public List<String> routes() {
        return Collections.unmodifiableList(routes);
    }

    private void get(String path, Handler handler) {
        routes.add(path);
        app.get(path, handler);
    }

    private void search(Context ctx) throws IOException {
        ctx.json(archive.search(QuoteQuery.parse(ctx.queryParamMap(), Set.of())));
    }

    private void quote(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        ctx.json(archive.get(id).orElseThrow(() -> new HttpResponseException(404, "no quote with id " + id)));
    }

    private void speakerStance(Context ctx) throws IOException {
        QuoteQuery query = QuoteQuery.parse(ctx.queryParamMap(), Set.of()).withSpeakers(List.of(ctx.pathParam("name")));
        ctx.json(archive.speakerStance(query));
    }

    /**
     * Streams the whole result. Once the first rows are out, the status is sent and cannot become an error: a failure
     * then cuts the connection, so the client sees a broken transfer rather than a short file that looks complete.
     */
    private void export(Context ctx) throws IOException {
        ExportFormat format = ExportFormat.parse(ctx.queryParam("format"));
        QuoteQuery query = QuoteQuery.parse(ctx.queryParamMap(), Set.of("format"));
        if (query.after() != null) {
            throw new InvalidQueryException("after: an export always covers the whole result; leave the cursor out");
        }
        ctx.contentType(format.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"stancewire-quotes-" + FILE_STAMP.format(Instant.now())
                + "." + format.extension() + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        try {
            long rows = archive.export(query, format, ctx.outputStream());
            log.info("exported {} quotes as {}", rows, format);
        } catch (IOException | RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                ctx.res().setHeader("Content-Disposition", null);
                throw e;
            }
            log.warn("export failed after the response started; cutting the connection", e);
            Request.getBaseRequest(ctx.req()).getHttpChannel().abort(e);
        }
    }

    static void error(Context ctx, HttpStatus status, String code, String message) {
        ctx.status(status).json(new ApiError(code, message));
    }

    private static String resource(String path) {
        try (InputStream in = ArchiveServer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        if (ownedClient != null) {
            try {
                ownedClient.close();
            } catch (IOException e) {
                log.debug("closing the Elasticsearch client: {}", e.toString());
            }
        }
    }
}
