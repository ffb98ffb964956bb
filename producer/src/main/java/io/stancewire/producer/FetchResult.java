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

    /** Retry-After, in seconds or as an HTTP date. */
    public Optional<Duration> retryAfter() {
        return header("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.strip()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    java.time.Instant at = java.time.ZonedDateTime.parse(v.strip(),
                            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(java.time.Instant.now(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (java.time.format.DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }
}
