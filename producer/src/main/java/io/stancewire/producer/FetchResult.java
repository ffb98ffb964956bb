package io.stancewire.producer;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * A successful (or not-modified) HTTP response, body already decompressed and size-checked.
 *
 * @param finalUri    the URI after redirects; relative links in the body resolve against it
 * @param contentType the Content-Type header, possibly null
 */
public record FetchResult(URI requestedUri, URI finalUri, int status, String contentType, byte[] body,
                          HttpHeaders headers) {

    public boolean notModified() {
        return status == 304;
    }

    public Optional<String> header(String name) {
        return headers == null ? Optional.empty() : headers.firstValue(name);
    }

    /** The charset parameter of the Content-Type, if any and if the JDK knows it (by that or an equivalent name). */
    public Optional<String> charset() {
        return ContentTypes.charset(contentType).flatMap(FeedDecoder::charset).map(java.nio.charset.Charset::name);
    }

    /** Retry-After in seconds form (the HTTP-date form is rare for feeds and treated as absent). */
    public Optional<Duration> retryAfter() {
        return header("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
