package io.stancewire.producer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stancewire.model.Article;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.Ids;
import io.stancewire.model.SchemaVersion;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Polls the configured feeds and publishes each new article once. A bad feed or page becomes a dead letter and a
 * failure count in the feed's {@link FeedStatus}; it never stops the other feeds. Only a
 * {@link PublishingStoppedException} (fenced by a newer instance with the same transactional id) ends
 * {@link #pollOnce()} and {@link #run(AtomicBoolean)}.
 */
public final class FeedProducer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedProducer.class);
    static final String STAGE = "producer";
    /** Longer texts are cut (and flagged): one runaway page must not exceed the broker's message size. */
    static final int MAX_TEXT_CHARS = 200_000;
    private static final String FEED_ACCEPT =
            "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    /** After this many polls with a transient page failure the article is published from the feed's content. */
    static final int MAX_PAGE_ATTEMPTS = 3;
    private static final Set<String> TRANSIENT_PAGE_FAILURES = Set.of("host-backoff", "http-429", "http-502",
            "http-503", "http-504", "timeout", "connection-failed", "read-failed");
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private final ProducerSettings settings;
    private final HttpFetcher fetcher;
    private ArticlePublisher publisher;
    /** Set when a commit failed: whether it took effect is unknown until the producer is rebuilt and re-reads. */
    private boolean inDoubt;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final NearDuplicates nearDuplicates = new NearDuplicates();
    /** Polls in which an entry's page failed transiently; only the polling thread touches it. */
    private final Map<String, Integer> pageAttempts = new java.util.HashMap<>();
    private final Map<String, FeedState> states = new LinkedHashMap<>();
    private final Counter published;
    private final Counter duplicates;
    private final Counter deadLetters;
    private final Counter feedsOk;
    private final Counter feedsFailed;
    private final Timer feedTimer;

    public FeedProducer(ProducerSettings settings, MeterRegistry meters) {
        this.settings = settings;
        for (FeedConfig feed : settings.feeds()) {
            states.putIfAbsent(feed.url(), new FeedState(feed));
        }
        this.published = meters.counter("stancewire.producer.articles.published");
        this.duplicates = meters.counter("stancewire.producer.articles.duplicates");
        this.deadLetters = meters.counter("stancewire.producer.deadletters");
        this.feedsOk = meters.counter("stancewire.producer.feed.polls", "outcome", "ok");
        this.feedsFailed = meters.counter("stancewire.producer.feed.polls", "outcome", "failed");
        this.feedTimer = meters.timer("stancewire.producer.feed.poll.time");
        meters.gaugeCollectionSize("stancewire.producer.seen.size", List.of(), seen);
        connect();
        this.fetcher = new HttpFetcher(settings);
    }

    /**
     * A new transactional producer (which settles whatever the previous one left open: committed or aborted) and
     * the seen-set as committed on {@code PRODUCER_SEEN}.
     */
    private void connect() {
        ArticlePublisher fresh = new ArticlePublisher(settings);
        try {
            Map<String, SeenMarker> restored = fresh.restoreSeen(Duration.ofSeconds(60));
            seen.clear();
            restored.forEach((id, marker) -> {
                seen.add(id);
                if (marker != null && marker.aliasOf() == null && marker.simhash() != null) {
                    nearDuplicates.add(id, marker.simhash());
                }
            });
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        this.publisher = fresh;
    }

    /** After a failed commit, rebuild the producer and re-read what was really committed before publishing more. */
    private void settleIfInDoubt() {
        if (!inDoubt) {
            return;
        }
        publisher.close();
        connect();
        inDoubt = false;
        log.info("Kafka producer rebuilt after a failed commit; {} ids known", seen.size());
    }

    /** Polls every enabled feed once, whether due or not. */
    public PollSummary pollOnce() {
        PollSummary total = PollSummary.EMPTY;
        for (FeedState state : states.values()) {
            if (!state.disabled()) {
                total = total.plus(feedTimer.record(() -> pollFeedSafely(state)));
            }
        }
        return total;
    }

    /** Polls each feed when it is due, until {@code stop} is set. */
    public void run(AtomicBoolean stop) {
        while (!stop.get()) {
            Instant now = Instant.now();
            for (FeedState state : states.values()) {
                if (stop.get()) {
                    return;
                }
                if (state.due(now)) {
                    PollSummary s = feedTimer.record(() -> pollFeedSafely(state));
                    log.info("polled {}: {}", state.feed.displayName(), s);
                }
            }
            Instant next = states.values().stream().filter(s -> !s.disabled()).map(FeedState::nextPoll)
                    .min(Comparator.naturalOrder()).orElse(Instant.now().plusSeconds(60));
            long waitMillis = Math.max(50, Duration.between(Instant.now(), next).toMillis());
            long until = System.currentTimeMillis() + waitMillis;
            while (!stop.get() && System.currentTimeMillis() < until) {
                try {
                    Thread.sleep(Math.min(200, Math.max(1, until - System.currentTimeMillis())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public List<FeedStatus> statuses() {
        return states.values().stream().map(FeedState::status).toList();
    }

    /** A bug met by one feed's data must not stop the others: it becomes that feed's failure and a dead letter. */
    private PollSummary pollFeedSafely(FeedState state) {
        try {
            settleIfInDoubt();
        } catch (PublishingStoppedException e) {
            throw e;
        } catch (RuntimeException e) {
            // The broker is still unreachable; this feed waits for the next round, the feed itself is not at fault.
            log.warn("Kafka not available, skipping {}: {}", state.feed.url(), e.toString());
            return new PollSummary(0, 1, 0, 0, 0, 0, 0, 0);
        }
        try {
            return pollFeed(state);
        } catch (PublishingStoppedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("unexpected error polling {}", state.feed.url(), e);
            return feedFailed(state, settings.pollIntervalOf(state.feed),
                    new FetchException("internal-error", e.toString(), e), null);
        }
    }

    private PollSummary pollFeed(FeedState state) {
        FeedConfig feed = state.feed;
        Duration interval = settings.pollIntervalOf(feed);
        URI uri;
        try {
            uri = UrlCanonicalizer.parseLenient(feed.url());
        } catch (Exception e) {
            return feedFailed(state, interval, new FetchException("invalid-url", "not a URL: " + feed.url()), null);
        }
        FetchResult response;
        ParsedFeed parsed;
        try {
            response = fetcher.get(uri, FEED_ACCEPT, settings.maxFeedBytes(), ContentTypes::mayBeFeed, state.validators());
            if (response.notModified()) {
                state.succeeded(Instant.now(), interval, null, null);
                feedsOk.increment();
                return new PollSummary(0, 0, 1, 0, 0, 0, 0, 0);
            }
        } catch (FetchException e) {
            return feedFailed(state, interval, e, null);
        }
        try {
            parsed = FeedParser.parse(response.body(), response.contentType(), response.finalUri());
        } catch (FetchException e) {
            return feedFailed(state, interval, e, FeedDecoder.decode(response.body(), response.contentType()));
        } catch (RuntimeException e) {
            return feedFailed(state, interval, new FetchException("feed-parse-error", String.valueOf(e), e),
                    FeedDecoder.decode(response.body(), response.contentType()));
        }

        List<Article> articles = new ArrayList<>();
        List<SeenMarker> markers = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        Set<String> batchIds = new HashSet<>();
        int items = 0;
        int dups = 0;
        int deferred = 0;
        for (FeedItem item : parsed.items()) {
            if (items >= settings.maxItemsPerFeed()) {
                break;
            }
            items++;
            Optional<String> linkCanonical = UrlCanonicalizer.canonicalize(item.link());
            String preId = linkCanonical.map(Ids::articleId).orElseGet(() -> idWithoutLink(feed, item));
            if (preId == null) {
                letters.add(DeadLetter.of(STAGE, feed.url(), null, null, null, "entry-unidentifiable",
                        "feed entry has no link, guid or title", String.valueOf(item)));
                continue;
            }
            if (seen.contains(preId) || batchIds.contains(preId)) {
                dups++;
                continue;
            }
            Article article = buildArticle(feed, parsed, item, linkCanonical.orElse(null), preId, letters);
            if (article == null) {
                deferred++;
                continue;
            }
            // The page may name another canonical URL than the feed's link: then the link is remembered as an alias,
            // and the article may turn out to be one already published under its own URL.
            boolean known = seen.contains(article.id()) || batchIds.contains(article.id());
            batchIds.add(preId);
            batchIds.add(article.id());
            if (!article.id().equals(preId)) {
                markers.add(ArticlePublisher.marker(preId, linkCanonical.orElse(null), feed.url(), article.id(), null));
            }
            if (known) {
                dups++;
                continue;
            }
            Optional<Long> simhash = NearDuplicates.simhash(article.text());
            if (simhash.isPresent()) {
                String original = nearDuplicates.find(simhash.get(), article.id()).orElse(null);
                if (original != null) {
                    article = withDuplicateOf(article, original);
                } else {
                    nearDuplicates.add(article.id(), simhash.get());
                }
            }
            articles.add(article);
            markers.add(ArticlePublisher.marker(article.id(), article.canonicalUrl(), feed.url(), null,
                    simhash.orElse(null)));
        }
        try {
            publisher.publish(new ArticlePublisher.Batch(articles, markers, letters, feed.url(), feed.tags()));
        } catch (KafkaException e) {
            // The commit may or may not have happened (a timeout hides which): the items stay unseen here, and the
            // next poll first rebuilds the producer and re-reads the seen-set, so they are neither lost nor doubled.
            inDoubt = true;
            log.warn("publishing {} articles of {} failed, will retry: {}", articles.size(), feed.url(), e.toString());
            state.failed(Instant.now(), interval, "kafka: " + e.getMessage(), null, Integer.MAX_VALUE);
            feedsFailed.increment();
            return new PollSummary(0, 1, 0, items, 0, dups, 0, deferred);
        }
        seen.addAll(batchIds);
        batchIds.forEach(pageAttempts::remove);
        state.succeeded(Instant.now(), interval, response.header("ETag").orElse(null),
                response.header("Last-Modified").orElse(null));
        if (deferred > 0) {
            state.forgetValidators(); // a 304 next time would hide the deferred entries
        }
        published.increment(articles.size());
        duplicates.increment(dups);
        deadLetters.increment(letters.size());
        feedsOk.increment();
        return new PollSummary(1, 0, 0, items, articles.size(), dups, letters.size(), deferred);
    }

    private PollSummary feedFailed(FeedState state, Duration interval, FetchException e, String payload) {
        FeedConfig feed = state.feed;
        boolean disabledNow = state.failed(Instant.now(), interval, e.reason() + ": " + e.getMessage(),
                e.retryAfter().orElse(null), settings.maxConsecutiveFailures());
        log.warn("feed {} failed: {} ({})", feed.url(), e.getMessage(), e.reason());
        List<DeadLetter> letters = new ArrayList<>();
        letters.add(DeadLetter.of(STAGE, feed.url(), null, null, null, e.reason(), e.getMessage(), payload));
        if (disabledNow) {
            letters.add(DeadLetter.of(STAGE, feed.url(), null, null, null, "feed-disabled",
                    state.status().disabledReason(), null));
        }
        feedsFailed.increment();
        try {
            publisher.publish(new ArticlePublisher.Batch(List.of(), List.of(), letters, feed.url(), feed.tags()));
        } catch (KafkaException ke) {
            inDoubt = true;
            log.warn("could not write the dead letter for {}: {}", feed.url(), ke.toString());
            return new PollSummary(0, 1, 0, 0, 0, 0, 0, 0);
        }
        deadLetters.increment(letters.size());
        return new PollSummary(0, 1, 0, 0, 0, 0, letters.size(), 0);
    }

    /**
     * The article for a new entry, or null when its page failed in a way that may pass and it has not yet been
     * tried {@link #MAX_PAGE_ATTEMPTS} times: the entry is then left unseen for the next poll.
     */
    private Article buildArticle(FeedConfig feed, ParsedFeed parsed, FeedItem item, String linkCanonical,
                                 String preId, List<DeadLetter> letters) {
        List<String> flags = new ArrayList<>();
        ExtractedPage page = null;
        String finalUrl = item.link();
        if (settings.fetchArticles() && linkCanonical != null) {
            try {
                FetchResult r = fetcher.get(UrlCanonicalizer.parseLenient(item.link()), PAGE_ACCEPT,
                        settings.maxPageBytes(), ContentTypes::isHtmlLike);
                finalUrl = r.finalUri().toString();
                page = ArticleExtractor.extract(r.body(), r.charset().orElse(null), r.finalUri());
            } catch (FetchException e) {
                if (TRANSIENT_PAGE_FAILURES.contains(e.reason())
                        && pageAttempts.merge(preId, 1, Integer::sum) < MAX_PAGE_ATTEMPTS) {
                    return null; // try again next poll rather than publish the article without its page for ever
                }
                letters.add(DeadLetter.of(STAGE, item.link(), null, null, preId, "page-" + e.reason(), e.getMessage(), null));
                flags.add("page-unavailable");
            } catch (Exception e) {
                letters.add(DeadLetter.of(STAGE, item.link(), null, null, preId, "page-unreadable", String.valueOf(e), null));
                flags.add("page-unavailable");
            }
        }
        String canonical = canonicalOf(page, finalUrl, linkCanonical);
        String id = canonical == null ? preId : Ids.articleId(canonical);

        String feedText = ArticleExtractor.textOfFragment(item.contentHtml());
        String text = page == null ? "" : page.text();
        if (page != null) {
            page.flags().stream().filter(f -> f.equals("paywalled")).forEach(flags::add);
        }
        if (text.length() < ArticleExtractor.SHORT_TEXT_CHARS && feedText.length() > text.length()) {
            text = feedText;
            flags.add("feed-content");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            text = text.substring(0, MAX_TEXT_CHARS);
            flags.add("truncated");
        }
        if (text.isBlank()) {
            flags.add("empty");
        } else if (text.length() < ArticleExtractor.SHORT_TEXT_CHARS) {
            flags.add("short-text");
        }
        String title = ArticleExtractor.firstNonBlank(item.title(), page == null ? null : page.title());
        List<String> authors = !item.authors().isEmpty() || page == null ? item.authors() : page.authors();
        Instant publishedAt = item.publishedAt() != null ? item.publishedAt() : page == null ? null : page.publishedAt();
        String outlet = ArticleExtractor.firstNonBlank(feed.name(), parsed.title(), hostOf(canonical), feed.displayName());
        String language = ArticleExtractor.firstNonBlank(feed.languageHint(), parsed.language(),
                page == null ? null : page.language());
        return new Article(SchemaVersion.CURRENT, id, item.link(), canonical, item.guid(), feed.url(), feed.displayName(),
                outlet, title, authors, publishedAt, Instant.now(), language, text, null, flags);
    }

    /**
     * The page's own canonical link when it is believable, else the URL we ended at after redirects, else the
     * feed's link. Some sites point every page's canonical at their home page; such a claim is ignored.
     */
    static String canonicalOf(ExtractedPage page, String finalUrl, String linkCanonical) {
        Optional<String> fromFinal = UrlCanonicalizer.canonicalize(finalUrl);
        if (page != null && page.canonicalUrl() != null) {
            Optional<String> claimed = UrlCanonicalizer.canonicalize(page.canonicalUrl());
            if (claimed.isPresent()) {
                boolean claimsRoot = URI.create(claimed.get()).getRawPath().equals("/");
                boolean isRoot = fromFinal.map(u -> URI.create(u).getRawPath().equals("/")).orElse(true);
                if (!claimsRoot || isRoot) {
                    return claimed.get();
                }
            }
        }
        return fromFinal.orElse(linkCanonical);
    }

    private static Article withDuplicateOf(Article a, String original) {
        return new Article(a.schemaVersion(), a.id(), a.url(), a.canonicalUrl(), a.guid(), a.feedUrl(), a.feedName(),
                a.outlet(), a.title(), a.authors(), a.publishedAt(), a.fetchedAt(), a.languageHint(), a.text(), original,
                a.flags());
    }

    /** Entries without a usable link still get a stable id: the feed plus their guid, or title and date. */
    private static String idWithoutLink(FeedConfig feed, FeedItem item) {
        String feedKey = UrlCanonicalizer.canonicalize(feed.url()).orElse(feed.url());
        if (item.guid() != null) {
            return Ids.articleId(feedKey + "\u0000guid\u0000" + item.guid());
        }
        if (item.title() != null) {
            return Ids.articleId(feedKey + "\u0000title\u0000" + item.title() + "\u0000" + item.publishedAt());
        }
        return null;
    }

    private static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        String host = URI.create(url).getHost();
        return host != null && host.startsWith("www.") ? host.substring(4) : host;
    }

    @Override
    public void close() {
        try {
            publisher.close();
        } finally {
            fetcher.close();
        }
    }
}
