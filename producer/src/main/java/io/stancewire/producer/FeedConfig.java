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

    /**
     * What identifies this entry of the feeds file for the producer's saved state: a status saved under another
     * fingerprint (the feed was edited, or removed and added back differently) is not restored.
     */
    public String fingerprint() {
        return io.stancewire.model.Ids.hash(String.join("\u0000", url, String.valueOf(name), String.valueOf(languageHint),
                String.valueOf(pollInterval), String.join(",", tags)));
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
