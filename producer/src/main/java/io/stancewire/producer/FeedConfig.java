package io.stancewire.producer;

import java.time.Duration;
import java.util.List;

/**
 * One feed to poll.
 *
 * @param name         short human name, used as the outlet when the feed has none; defaults to the URL's host
 * @param languageHint the feed's language if known (e.g. {@code ur}); passed on, the streams stage detects the real one
 * @param pollInterval how often to poll; null means the settings' default
 */
public record FeedConfig(String url, String name, String languageHint, Duration pollInterval, List<String> tags) {
    public FeedConfig {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a feed needs a url");
        }
        url = url.strip();
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static FeedConfig of(String url) {
        return new FeedConfig(url, null, null, null, List.of());
    }

    /** The name to show: the configured one, else the host of the URL. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
