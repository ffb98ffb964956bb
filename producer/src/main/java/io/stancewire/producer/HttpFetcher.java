package io.stancewire.producer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * HTTP GET with the limits a crawler of untrusted servers needs: connect and request timeouts, redirects followed
 * by hand (bounded, and each target checked by {@link UrlGuard}), gzip/deflate, a size limit applied to the
 * decompressed body while it streams (a small gzip bomb cannot fill the heap), a content-type check before the body
 * is read, and per-host politeness ({@link HostThrottle}).
 */
public final class HttpFetcher implements AutoCloseable {
    private final HttpClient client;
    private final UrlGuard guard;
    private final HostThrottle throttle;
    private final String userAgent;
    private final Duration requestTimeout;
    private final int maxRedirects;

    public HttpFetcher(ProducerSettings settings) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.guard = new UrlGuard(settings.allowPrivateAddresses(), settings.allowedPrivateHosts());
        this.throttle = new HostThrottle(settings.perHostDelay());
        this.userAgent = settings.userAgent();
        this.requestTimeout = settings.requestTimeout();
        this.maxRedirects = settings.maxRedirects();
    }

    /** Conditional-GET validators from an earlier response; both may be null. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    public FetchResult get(URI uri, String accept, long maxBytes, Predicate<String> acceptableContentType)
            throws FetchException {
        return get(uri, accept, maxBytes, acceptableContentType, Validators.NONE);
    }

    public FetchResult get(URI uri, String accept, long maxBytes, Predicate<String> acceptableContentType,
                           Validators validators) throws FetchException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            guard.check(current);
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .timeout(requestTimeout)
                    .header("User-Agent", userAgent)
                    .header("Accept", accept)
                    .header("Accept-Encoding", "gzip, deflate")
                    .GET();
            if (hop == 0 && validators.etag() != null) {
                request.header("If-None-Match", validators.etag());
            }
            if (hop == 0 && validators.lastModified() != null) {
                request.header("If-Modified-Since", validators.lastModified());
            }
            HttpResponse<InputStream> response = send(current, request.build());
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(response);
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException("http-" + status, "redirect without Location from " + current);
                }
                if (hop >= maxRedirects) {
                    throw new FetchException("too-many-redirects", "more than " + maxRedirects + " redirects from " + uri);
                }
                try {
                    current = current.resolve(location.strip().replace(" ", "%20"));
                } catch (IllegalArgumentException e) {
                    throw new FetchException("invalid-redirect", "bad Location '" + location + "' from " + current, e);
                }
                continue;
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            if (status == 304) {
                close(response);
                return new FetchResult(uri, current, status, contentType, new byte[0], response.headers());
            }
            if (status < 200 || status >= 300) {
                close(response);
                FetchException e = new FetchException("http-" + status, "HTTP " + status + " from " + current);
                if (status == 429 || status == 503) {
                    FetchResult r = new FetchResult(uri, current, status, contentType, new byte[0], response.headers());
                    Duration wait = r.retryAfter().orElse(Duration.ofMinutes(1));
                    e.withRetryAfter(wait);
                    throttle.backOff(current.getHost(), wait);
                }
                throw e;
            }
            if (!acceptableContentType.test(contentType)) {
                close(response);
                throw new FetchException("unexpected-content-type",
                        "content type '" + contentType + "' from " + current + " is not what was asked for");
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes && !isCompressed(response)) {
                close(response);
                throw new FetchException("too-large", current + " declares " + declared + " bytes, limit " + maxBytes);
            }
            byte[] body = readLimited(response, maxBytes, current);
            return new FetchResult(uri, current, status, contentType, body, response.headers());
        }
    }

    private HttpResponse<InputStream> send(URI uri, HttpRequest request) throws FetchException {
        throttle.awaitTurn(uri.getHost());
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchException("timeout", "timed out fetching " + uri, e);
        } catch (IOException e) {
            throw new FetchException("connection-failed", "cannot fetch " + uri + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted while fetching " + uri, e);
        } catch (IllegalArgumentException e) {
            throw new FetchException("invalid-url", "cannot request " + uri + ": " + e.getMessage(), e);
        }
    }

    private static boolean isCompressed(HttpResponse<?> response) {
        String enc = response.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
        return enc.contains("gzip") || enc.contains("deflate");
    }

    private static byte[] readLimited(HttpResponse<InputStream> response, long maxBytes, URI uri) throws FetchException {
        String enc = response.headers().firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        try (InputStream raw = response.body();
             InputStream in = enc.equals("gzip") || enc.equals("x-gzip") ? new GZIPInputStream(raw)
                     : enc.equals("deflate") ? new InflaterInputStream(raw) : raw) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new FetchException("too-large", uri + " is larger than the limit of " + maxBytes + " bytes");
            }
            return body;
        } catch (HttpTimeoutException e) {
            throw new FetchException("timeout", "timed out reading " + uri, e);
        } catch (IOException e) {
            throw new FetchException("read-failed", "cannot read " + uri + ": " + describe(e), e);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    /** Ends the client's connection pool and selector thread. */
    @Override
    public void close() {
        client.close();
    }
}
