package io.stancewire.producer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the producer needs, usually read from {@code feeds.yaml} with {@link #load(Path)}. Every field but
 * {@code feeds} has a default, so a file can be as short as a list of feed URLs.
 *
 * @param fetchArticles         fetch each article's page; when false the feed entry's own content is the text
 * @param transactionalId       Kafka transactional id; one per running producer, stable across its restarts so a
 *                              restarted producer fences its previous incarnation and aborts what it left open
 * @param allowPrivateAddresses allow loopback/private/link-local targets (local runs and tests serve from 127.0.0.1)
 * @param allowedPrivateHosts   {@code host} or {@code host:port} entries allowed even though they are internal, for
 *                              a trusted internal feed mirror without opening every internal address
 * @param maxConsecutiveFailures a feed failing this many polls in a row is disabled, across restarts, until
 *                              its entry changes
 * @param pollThreads           feeds polled at once (never two of the same host at once)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ProducerSettings(
        String bootstrapServers,
        List<FeedConfig> feeds,
        Boolean fetchArticles,
        String userAgent,
        Duration defaultPollInterval,
        Duration connectTimeout,
        Duration requestTimeout,
        Integer maxRedirects,
        Long maxFeedBytes,
        Long maxPageBytes,
        Integer maxItemsPerFeed,
        Boolean allowPrivateAddresses,
        List<String> allowedPrivateHosts,
        Duration perHostDelay,
        Integer maxConsecutiveFailures,
        String transactionalId,
        Integer pollThreads) {

    public static final String DEFAULT_USER_AGENT =
            "Stancewire/0.1 (+https://github.com/stancewire/stancewire; news research crawler)";

    public ProducerSettings {
        bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        fetchArticles = fetchArticles == null ? Boolean.TRUE : fetchArticles;
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
        defaultPollInterval = defaultPollInterval == null ? Duration.ofMinutes(10) : defaultPollInterval;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        maxRedirects = maxRedirects == null ? 5 : maxRedirects;
        maxFeedBytes = maxFeedBytes == null ? 10L * 1024 * 1024 : maxFeedBytes;
        maxPageBytes = maxPageBytes == null ? 5L * 1024 * 1024 : maxPageBytes;
        maxItemsPerFeed = maxItemsPerFeed == null ? 200 : maxItemsPerFeed;
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
        allowedPrivateHosts = allowedPrivateHosts == null ? List.of() : List.copyOf(allowedPrivateHosts);
        perHostDelay = perHostDelay == null ? Duration.ofSeconds(1) : perHostDelay;
        maxConsecutiveFailures = maxConsecutiveFailures == null ? 10 : maxConsecutiveFailures;
        transactionalId = transactionalId == null || transactionalId.isBlank() ? "stancewire-producer" : transactionalId;
        pollThreads = pollThreads == null ? DEFAULT_POLL_THREADS : pollThreads;
        if (maxRedirects < 0 || maxFeedBytes <= 0 || maxPageBytes <= 0 || maxItemsPerFeed <= 0 || maxConsecutiveFailures <= 0
                || pollThreads <= 0) {
            throw new IllegalArgumentException("producer limits must be positive");
        }
    }

    /** Fetching is mostly waiting on the network, so more threads than cores pay; the hosts' politeness limits them. */
    public static final int DEFAULT_POLL_THREADS = 8;

    /** Without {@code pollThreads}: the default. */
    public ProducerSettings(String bootstrapServers, List<FeedConfig> feeds, Boolean fetchArticles, String userAgent,
                            Duration defaultPollInterval, Duration connectTimeout, Duration requestTimeout,
                            Integer maxRedirects, Long maxFeedBytes, Long maxPageBytes, Integer maxItemsPerFeed,
                            Boolean allowPrivateAddresses, List<String> allowedPrivateHosts, Duration perHostDelay,
                            Integer maxConsecutiveFailures, String transactionalId) {
        this(bootstrapServers, feeds, fetchArticles, userAgent, defaultPollInterval, connectTimeout, requestTimeout,
                maxRedirects, maxFeedBytes, maxPageBytes, maxItemsPerFeed, allowPrivateAddresses, allowedPrivateHosts,
                perHostDelay, maxConsecutiveFailures, transactionalId, null);
    }

    /** Settings with defaults for everything but the broker and the feeds. */
    public static ProducerSettings of(String bootstrapServers, List<FeedConfig> feeds) {
        return new ProducerSettings(bootstrapServers, feeds, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    public ProducerSettings withBootstrapServers(String servers) {
        return new ProducerSettings(servers, feeds, fetchArticles, userAgent, defaultPollInterval, connectTimeout,
                requestTimeout, maxRedirects, maxFeedBytes, maxPageBytes, maxItemsPerFeed, allowPrivateAddresses,
                allowedPrivateHosts, perHostDelay, maxConsecutiveFailures, transactionalId, pollThreads);
    }

    public ProducerSettings withAllowPrivateAddresses(boolean allow) {
        return new ProducerSettings(bootstrapServers, feeds, fetchArticles, userAgent, defaultPollInterval,
                connectTimeout, requestTimeout, maxRedirects, maxFeedBytes, maxPageBytes, maxItemsPerFeed, allow,
                allowedPrivateHosts, perHostDelay, maxConsecutiveFailures, transactionalId, pollThreads);
    }

    public ProducerSettings withFetchArticles(boolean fetch) {
        return new ProducerSettings(bootstrapServers, feeds, fetch, userAgent, defaultPollInterval, connectTimeout,
                requestTimeout, maxRedirects, maxFeedBytes, maxPageBytes, maxItemsPerFeed, allowPrivateAddresses,
                allowedPrivateHosts, perHostDelay, maxConsecutiveFailures, transactionalId, pollThreads);
    }

    public ProducerSettings withPerHostDelay(Duration delay) {
        return new ProducerSettings(bootstrapServers, feeds, fetchArticles, userAgent, defaultPollInterval,
                connectTimeout, requestTimeout, maxRedirects, maxFeedBytes, maxPageBytes, maxItemsPerFeed,
                allowPrivateAddresses, allowedPrivateHosts, delay, maxConsecutiveFailures, transactionalId, pollThreads);
    }

    public ProducerSettings withFeeds(List<FeedConfig> newFeeds) {
        return new ProducerSettings(bootstrapServers, newFeeds, fetchArticles, userAgent, defaultPollInterval,
                connectTimeout, requestTimeout, maxRedirects, maxFeedBytes, maxPageBytes, maxItemsPerFeed,
                allowPrivateAddresses, allowedPrivateHosts, perHostDelay, maxConsecutiveFailures, transactionalId,
                pollThreads);
    }

    public ProducerSettings withTransactionalId(String id) {
        return new ProducerSettings(bootstrapServers, feeds, fetchArticles, userAgent, defaultPollInterval,
                connectTimeout, requestTimeout, maxRedirects, maxFeedBytes, maxPageBytes, maxItemsPerFeed,
                allowPrivateAddresses, allowedPrivateHosts, perHostDelay, maxConsecutiveFailures, id, pollThreads);
    }

    public Duration pollIntervalOf(FeedConfig feed) {
        return feed.pollInterval() == null ? defaultPollInterval : feed.pollInterval();
    }

    /**
     * Reads {@code feeds.yaml}. Durations may be ISO-8601 ({@code PT10M}) or short ({@code 90s}, {@code 10m},
     * {@code 1h}, {@code 500ms}); a feed may be a bare URL string instead of a map.
     *
     * @throws IllegalArgumentException with the file name and the problem when the file is not valid
     */
    public static ProducerSettings load(Path yamlFile) {
        try {
            return YAML.readValue(yamlFile.toFile(), ProducerSettings.class);
        } catch (IOException e) {
            if (e instanceof java.io.FileNotFoundException || e instanceof java.nio.file.NoSuchFileException) {
                throw new UncheckedIOException("feeds file not found: " + yamlFile, e);
            }
            throw new IllegalArgumentException("invalid feeds file " + yamlFile + ": " + e.getMessage(), e);
        }
    }

    static ProducerSettings parse(String yaml) {
        try {
            return YAML.readValue(yaml, ProducerSettings.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid feeds settings: " + e.getMessage(), e);
        }
    }

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule()
                    .addDeserializer(Duration.class, new JsonDeserializer<>() {
                        @Override
                        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                            if (p.currentToken().isNumeric()) {
                                return Duration.ofSeconds(p.getLongValue());
                            }
                            try {
                                return parseDuration(p.getValueAsString());
                            } catch (RuntimeException e) {
                                return (Duration) ctx.handleWeirdStringValue(Duration.class, p.getValueAsString(),
                                        "not a duration (use 90s, 10m, 1h or PT10M)");
                            }
                        }
                    })
                    .addDeserializer(FeedConfig.class, new JsonDeserializer<>() {
                        @Override
                        public FeedConfig deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                            if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                                return FeedConfig.of(p.getValueAsString());
                            }
                            FeedYaml y = ctx.readValue(p, FeedYaml.class);
                            return new FeedConfig(y.url(), y.name(), y.language(), y.pollInterval(), y.tags());
                        }
                    }));

    /** The YAML shape of a feed: {@code language} reads better in the file than {@code languageHint}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record FeedYaml(String url, String name, String language, Duration pollInterval, List<String> tags) {}
}
