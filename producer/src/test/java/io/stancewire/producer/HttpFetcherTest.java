package io.stancewire.producer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fetcher against a real local HTTP server: limits, redirects, compression, politeness and SSRF refusals. */
class HttpFetcherTest {
    static HttpServer server;
    static String base;
    static final AtomicInteger conditionalHits = new AtomicInteger();
    static volatile String lastUserAgent;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", ex -> {
            lastUserAgent = ex.getRequestHeaders().getFirst("User-Agent");
            send(ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/gzip", ex -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write("<rss>compressed</rss>".getBytes(StandardCharsets.UTF_8));
            }
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, "text/xml", bytes.toByteArray());
        });
        server.createContext("/gzip-bomb", ex -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(new byte[20 * 1024 * 1024]); // 20 MB of zeros, ~20 KB on the wire
            }
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, "text/xml", bytes.toByteArray());
        });
        server.createContext("/huge", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/xml");
            ex.sendResponseHeaders(200, 0); // chunked, no length announced
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 1024; i++) { // up to 64 MB unless the client hangs up
                    out.write(chunk);
                }
            } catch (IOException clientClosed) {
                // expected: the fetcher stops reading at its limit
            }
        });
        server.createContext("/redirect-loop", ex -> {
            ex.getResponseHeaders().add("Location", "/redirect-loop");
            send(ex, 302, "text/html", new byte[0]);
        });
        server.createContext("/redirect-once", ex -> {
            ex.getResponseHeaders().add("Location", base + "/ok");
            send(ex, 301, "text/html", new byte[0]);
        });
        server.createContext("/to-localhost", ex -> {
            ex.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/ok");
            send(ex, 302, "text/html", new byte[0]);
        });
        server.createContext("/to-metadata", ex -> {
            ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            send(ex, 302, "text/html", new byte[0]);
        });
        server.createContext("/to-file", ex -> {
            ex.getResponseHeaders().add("Location", "file:///etc/passwd");
            send(ex, 302, "text/html", new byte[0]);
        });
        server.createContext("/image", ex -> send(ex, 200, "image/jpeg", new byte[] {1, 2, 3}));
        server.createContext("/etag", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                conditionalHits.incrementAndGet();
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                send(ex, 304, "text/xml", new byte[0]);
            } else {
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                ex.getResponseHeaders().add("Last-Modified", "Tue, 03 Dec 2024 06:41:06 GMT");
                send(ex, 200, "text/xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/busy", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "text/xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, status == 304 || body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    private static HttpFetcher fetcher(boolean allowPrivate) {
        return fetcher(allowPrivate, List.of());
    }

    private static HttpFetcher fetcher(boolean allowPrivate, List<String> allowedHosts) {
        ProducerSettings s = new ProducerSettings(null, List.of(), null, null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 3, 1024L * 1024, 1024L * 1024, null, allowPrivate, allowedHosts, Duration.ZERO,
                null, null);
        return new HttpFetcher(s);
    }

    private static FetchResult get(HttpFetcher f, String path) throws FetchException {
        return f.get(URI.create(base + path), "*/*", 1024 * 1024, ContentTypes::mayBeFeed);
    }

    private static String reasonOf(ThrowingGet get) {
        try {
            get.run();
        } catch (FetchException e) {
            return e.reason();
        }
        return "no failure";
    }

    interface ThrowingGet {
        void run() throws FetchException;
    }

    @Test
    void fetchesWithARealUserAgentAndFollowsARedirect() throws Exception {
        FetchResult r = get(fetcher(true), "/redirect-once");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
        assertThat(r.finalUri().getPath()).isEqualTo("/ok");
        assertThat(lastUserAgent).startsWith("Stancewire/");
    }

    @Test
    void decompressesGzip() throws Exception {
        assertThat(new String(get(fetcher(true), "/gzip").body(), StandardCharsets.UTF_8)).isEqualTo("<rss>compressed</rss>");
    }

    @Test
    void limitsTheDecompressedAndTheStreamedSize() {
        HttpFetcher f = fetcher(true);
        assertThat(reasonOf(() -> get(f, "/gzip-bomb"))).isEqualTo("too-large");
        long before = System.nanoTime();
        assertThat(reasonOf(() -> get(f, "/huge"))).isEqualTo("too-large");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void boundsRedirectsAndTime() {
        HttpFetcher f = fetcher(true);
        assertThat(reasonOf(() -> get(f, "/redirect-loop"))).isEqualTo("too-many-redirects");
        assertThat(reasonOf(() -> get(f, "/slow"))).isEqualTo("timeout");
    }

    @Test
    void refusesUnwantedContentTypesBeforeReadingThem() {
        assertThat(reasonOf(() -> get(fetcher(true), "/image"))).isEqualTo("unexpected-content-type");
    }

    @Test
    void conditionalGetAnswers304() throws Exception {
        HttpFetcher f = fetcher(true);
        FetchResult first = get(f, "/etag");
        assertThat(first.status()).isEqualTo(200);
        FetchResult second = f.get(URI.create(base + "/etag"), "*/*", 1024, ContentTypes::mayBeFeed,
                new HttpFetcher.Validators(first.header("ETag").orElseThrow(), first.header("Last-Modified").orElse(null)));
        assertThat(second.notModified()).isTrue();
        assertThat(conditionalHits.get()).isEqualTo(1);
    }

    @Test
    void honoursRetryAfterForTheWholeHost() {
        HttpFetcher f = fetcher(true);
        FetchException busy = org.junit.jupiter.api.Assertions.assertThrows(FetchException.class, () -> get(f, "/busy"));
        assertThat(busy.reason()).isEqualTo("http-429");
        assertThat(busy.retryAfter()).contains(Duration.ofSeconds(120));
        // The same host is now off limits until the wait is over, for every path.
        assertThat(reasonOf(() -> get(f, "/ok"))).isEqualTo("host-backoff");
    }

    @Test
    void refusesPrivateAddressesUnlessAllowed() {
        HttpFetcher strict = fetcher(false);
        assertThat(reasonOf(() -> get(strict, "/ok"))).isEqualTo("address-refused");
        assertThat(reasonOf(() -> strict.get(URI.create("http://169.254.169.254/latest/meta-data/"), "*/*", 1024,
                ContentTypes::mayBeFeed))).isEqualTo("address-refused");
        assertThat(reasonOf(() -> strict.get(URI.create("http://[::1]:8080/"), "*/*", 1024, ContentTypes::mayBeFeed)))
                .isEqualTo("address-refused");
        assertThat(reasonOf(() -> strict.get(URI.create("http://10.1.2.3/"), "*/*", 1024, ContentTypes::mayBeFeed)))
                .isEqualTo("address-refused");
        assertThat(reasonOf(() -> strict.get(URI.create("file:///etc/passwd"), "*/*", 1024, ContentTypes::mayBeFeed)))
                .isEqualTo("scheme-refused");
        assertThat(reasonOf(() -> strict.get(URI.create("ftp://example.com/feed"), "*/*", 1024, ContentTypes::mayBeFeed)))
                .isEqualTo("scheme-refused");
    }

    @Test
    void redirectsAreCheckedAfterResolvingEveryHop() throws Exception {
        // Only this server (127.0.0.1:port) is trusted; what it redirects to is checked on its own.
        HttpFetcher f = fetcher(false, List.of("127.0.0.1:" + server.getAddress().getPort()));
        assertThat(get(f, "/redirect-once").finalUri().getPath()).isEqualTo("/ok");
        assertThat(reasonOf(() -> get(f, "/to-localhost"))).isEqualTo("address-refused");
        assertThat(reasonOf(() -> get(f, "/to-metadata"))).isEqualTo("address-refused");
        assertThat(reasonOf(() -> get(f, "/to-file"))).isEqualTo("scheme-refused");
    }

    @Test
    void internalAddressRangesAreRecognised() throws Exception {
        UrlGuard guard = new UrlGuard(false);
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1:9/x")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo("address-refused"));
        assertThat(io.stancewire.netguard.InternalAddresses.isInternal(java.net.InetAddress.getByName("100.64.1.1"))).isTrue();
        assertThat(io.stancewire.netguard.InternalAddresses.isInternal(java.net.InetAddress.getByName("::ffff:192.168.1.1"))).isTrue();
        assertThat(io.stancewire.netguard.InternalAddresses.isInternal(java.net.InetAddress.getByName("fd00::1"))).isTrue();
        assertThat(io.stancewire.netguard.InternalAddresses.isInternal(java.net.InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(io.stancewire.netguard.InternalAddresses.isInternal(java.net.InetAddress.getByName("2606:4700::1111"))).isFalse();
    }
}
