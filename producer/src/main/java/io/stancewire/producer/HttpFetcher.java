package io.stancewire.producer;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * HTTP GET with the limits a crawler of untrusted servers needs: connect and read timeouts, redirects followed
 * by hand (bounded, and each target checked by {@link UrlGuard}), gzip/deflate, a size limit applied to the
 * decompressed body while it streams (a small gzip bomb cannot fill the heap), a content-type check before the body
 * is read, and per-host politeness ({@link HostThrottle}). The connection goes to the very addresses the guard
 * checked ({@link PinnedDnsResolver}): a DNS answer that changes after the check cannot redirect it.
 */
public final class HttpFetcher implements AutoCloseable {
    private final CloseableHttpClient client;
    private final UrlGuard guard;
    private final PinnedDnsResolver dns = new PinnedDnsResolver();
    private final HostThrottle throttle;
    private final String userAgent;
    private final int maxRedirects;

    public HttpFetcher(ProducerSettings settings) {
        this(settings, UrlGuard.SYSTEM);
    }

    HttpFetcher(ProducerSettings settings, UrlGuard.Resolver resolver) {
        Timeout read = Timeout.of(settings.requestTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(dns)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(read)
                                .setTimeToLive(Timeout.ofMinutes(5))
                                .build())
                        .setMaxConnTotal(Math.max(20, settings.pollThreads() * 2))
                        .setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
                // Redirects are followed here, each hop checked; decompression is ours, to bound its output.
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        this.guard = new UrlGuard(settings.allowPrivateAddresses(), settings.allowedPrivateHosts(), resolver);
        this.throttle = new HostThrottle(settings.perHostDelay());
        this.userAgent = settings.userAgent();
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
            HttpGet request = new HttpGet(current);
            request.setHeader("User-Agent", userAgent);
            request.setHeader("Accept", accept);
            request.setHeader("Accept-Encoding", "gzip, deflate");
            if (hop == 0 && validators.etag() != null) {
                request.setHeader("If-None-Match", validators.etag());
            }
            if (hop == 0 && validators.lastModified() != null) {
                request.setHeader("If-Modified-Since", validators.lastModified());
            }
            Hop result = fetchOne(uri, current, request, maxBytes, acceptableContentType);
            if (result.redirect() == null) {
                return result.response();
            }
            if (hop >= maxRedirects) {
                throw new FetchException("too-many-redirects", "more than " + maxRedirects + " redirects from " + uri);
            }
            try {
                current = current.resolve(result.redirect().strip().replace(" ", "%20"));
            } catch (IllegalArgumentException e) {
                throw new FetchException("invalid-redirect", "bad Location '" + result.redirect() + "' from " + current, e);
            }
        }
    }

    /** One request: a response, or where it redirects to. */
    private record Hop(FetchResult response, String redirect) {}

    private Hop fetchOne(URI uri, URI current, HttpGet request, long maxBytes, Predicate<String> acceptableContentType)
            throws FetchException {
        InetAddress[] checked = guard.check(current);
        String host = current.getHost();
        try (HostThrottle.Permit permit = throttle.acquire(host)) {
            dns.pin(host, checked);
            try (ClassicHttpResponse response = send(current, request)) {
                return read(uri, current, response, maxBytes, acceptableContentType);
            } catch (IOException e) {
                throw new FetchException("read-failed", "cannot read " + current + ": " + describe(e), e);
            } finally {
                dns.unpin(host);
            }
        }
    }

    private Hop read(URI uri, URI current, ClassicHttpResponse response, long maxBytes,
                     Predicate<String> acceptableContentType) throws FetchException {
        int status = response.getCode();
        HttpHeaders headers = headersOf(response);
        if (status >= 300 && status < 400 && status != 304) {
            String location = headers.firstValue("Location").orElse(null);
            if (location == null) {
                throw new FetchException("http-" + status, "redirect without Location from " + current);
            }
            return new Hop(null, location);
        }
        String contentType = headers.firstValue("Content-Type").orElse(null);
        if (status == 304) {
            return new Hop(new FetchResult(uri, current, status, contentType, new byte[0], headers), null);
        }
        if (status < 200 || status >= 300) {
            FetchException e = new FetchException("http-" + status, "HTTP " + status + " from " + current);
            if (status == 429 || status == 503) {
                FetchResult r = new FetchResult(uri, current, status, contentType, new byte[0], headers);
                Duration wait = r.retryAfter().orElse(Duration.ofMinutes(1));
                e.withRetryAfter(wait);
                throttle.backOff(current.getHost(), wait);
            }
            throw e;
        }
        if (!acceptableContentType.test(contentType)) {
            throw new FetchException("unexpected-content-type",
                    "content type '" + contentType + "' from " + current + " is not what was asked for");
        }
        long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
        String encoding = headers.firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        if (declared > maxBytes && !isCompressed(encoding)) {
            throw new FetchException("too-large", current + " declares " + declared + " bytes, limit " + maxBytes);
        }
        byte[] body = readLimited(response.getEntity(), encoding, maxBytes, current);
        return new Hop(new FetchResult(uri, current, status, contentType, body, headers), null);
    }

    private ClassicHttpResponse send(URI uri, HttpGet request) throws FetchException {
        try {
            return client.executeOpen(null, request, null);
        } catch (PinnedDnsResolver.NotPinnedException e) {
            throw new FetchException("address-refused", e.getMessage(), e);
        } catch (SocketTimeoutException e) { // also ConnectTimeoutException
            throw new FetchException("timeout", "timed out fetching " + uri, e);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new FetchException("interrupted", "interrupted while fetching " + uri, e);
            }
            throw new FetchException("connection-failed", "cannot fetch " + uri + ": " + describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new FetchException("invalid-url", "cannot request " + uri + ": " + e.getMessage(), e);
        }
    }

    private static HttpHeaders headersOf(ClassicHttpResponse response) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header h : response.getHeaders()) {
            map.computeIfAbsent(h.getName(), n -> new ArrayList<>()).add(h.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static boolean isCompressed(String encoding) {
        return encoding.contains("gzip") || encoding.contains("deflate");
    }

    private static byte[] readLimited(HttpEntity entity, String encoding, long maxBytes, URI uri) throws FetchException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream raw = entity.getContent();
             InputStream in = encoding.equals("gzip") || encoding.equals("x-gzip") ? new GZIPInputStream(raw)
                     : encoding.equals("deflate") ? new InflaterInputStream(raw) : raw) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new FetchException("too-large", uri + " is larger than the limit of " + maxBytes + " bytes");
            }
            return body;
        } catch (SocketTimeoutException e) {
            throw new FetchException("timeout", "timed out reading " + uri, e);
        } catch (IOException e) {
            throw new FetchException("read-failed", "cannot read " + uri + ": " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    /** Ends the connection pool. */
    @Override
    public void close() {
        client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }
}
