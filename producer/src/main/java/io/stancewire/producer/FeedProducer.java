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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
    /** Polls in which an entry's page failed transiently. */
    private final Map<String, Integer> pageAttempts = new ConcurrentHashMap<>();
    /** Held while deciding what is new and publishing it: feeds polled in parallel may carry the same article. */
    private final Object publishLock = new Object();
    /** Statuses changed since they were last published to {@code PRODUCER_FEEDS}. */
    private final Map<String, FeedStatus> unpublishedStatuses = new ConcurrentHashMap<>();
    private final Map<String, FeedState> states = new LinkedHashMap<>();
    private final Counter published;
    private final Counter duplicates;
    private final Counter deadLetters;
    private final Counter feedsOk;
    private final Counter feedsFailed;
    private final Timer feedTimer;
    private final MeterRegistry meters;

    public FeedProducer(ProducerSettings settings, MeterRegistry meters) {
        this.settings = settings;
        for (FeedConfig feed : settings.feeds()) {
            states.putIfAbsent(feed.url(), new FeedState(feed));
        }
        this.meters = meters;
        this.published = meters.counter("stancewire.producer.articles.published");
        this.duplicates = meters.counter("stancewire.producer.articles.duplicates");
        this.deadLetters = meters.counter("stancewire.producer.deadletters");
        this.feedsOk = meters.counter("stancewire.producer.feed.polls", "outcome", "ok");
        this.feedsFailed = meters.counter("stancewire.producer.feed.polls", "outcome", "failed");
        this.feedTimer = meters.timer("stancewire.producer.feed.poll.time");
        meters.gaugeCollectionSize("stancewire.producer.seen.size", List.of(), seen);
        connect();
        restoreStates();
        this.fetcher = new HttpFetcher(settings);
    }

    /**
     * Continues each configured feed from the status the previous producer published, so a disabled feed stays
     * disabled and a failing one keeps its backoff across a restart. Statuses are advisory: when they cannot be
     * read the feeds start fresh, rather than the producer not starting.
     */
    private void restoreStates() {
        if (states.isEmpty()) {
            return; // a backfill: no feeds to poll
        }
        Map<String, FeedStatus> saved;
        try {
            saved = FeedStatusReader.latestByUrl(settings.bootstrapServers(), Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            log.warn("could not read the saved feed statuses, every feed starts fresh: {}", e.toString());
            return;
        }
        int restored = 0;
        int disabled = 0;
        for (FeedState state : states.values()) {
            FeedStatus status = saved.get(state.feed.url());
            if (status != null && state.restore(status, settings.maxConsecutiveFailures())) {
                restored++;
                disabled += state.disabled() ? 1 : 0;
            }
        }
        log.info("continued {} of {} feeds from their saved status ({} disabled)", restored, states.size(), disabled);
    }

    /**
     * A new transactional producer (which settles whatever the previous one left open: committed or aborted) and
     * the seen-set as committed on {@code PRODUCER_SEEN}.
     */
    private void connect() {
        ArticlePublisher fresh = new ArticlePublisher(settings, meters);
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
        synchronized (publishLock) {
            settleIfInDoubtLocked();
        }
    }

    private void settleIfInDoubtLocked() {
        if (!inDoubt) {
            return;
        }
        publisher.close();
        connect();
        inDoubt = false;
        log.info("Kafka producer rebuilt after a failed commit; {} ids known", seen.size());
    }

    /**
     * Polls every enabled feed once, whether due or not: {@link ProducerSettings#pollThreads()} hosts at a time,
     * the feeds of one host one after the other.
     */
    public PollSummary pollOnce() {
        Map<String, List<FeedState>> byHost = new LinkedHashMap<>();
        for (FeedState state : states.values()) {
            if (!state.disabled()) {
                byHost.computeIfAbsent(hostKey(state.feed), h -> new ArrayList<>()).add(state);
            }
        }
        try (ExecutorService pool = pollPool()) {
            List<Future<PollSummary>> results = new ArrayList<>();
            for (List<FeedState> hostFeeds : byHost.values()) {
                results.add(pool.submit(() -> {
                    PollSummary sum = PollSummary.EMPTY;
                    for (FeedState state : hostFeeds) {
                        sum = sum.plus(pollTimed(state));
                    }
                    return sum;
                }));
            }
            PollSummary total = PollSummary.EMPTY;
            for (Future<PollSummary> f : results) {
                total = total.plus(await(f));
            }
            return total;
        } finally {
            publishStatuses();
        }
    }

    /**
     * Polls each feed when it is due, until {@code stop} is set: up to {@link ProducerSettings#pollThreads()} feeds
     * at once, never two of one host at once (and {@link HostThrottle} spaces the requests to a host).
     */
    public void run(AtomicBoolean stop) {
        Set<FeedState> inFlight = ConcurrentHashMap.newKeySet();
        Set<String> busyHosts = ConcurrentHashMap.newKeySet();
        AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        Semaphore finished = new Semaphore(0);
        try (ExecutorService pool = pollPool()) {
            long lastStatusFlush = System.nanoTime();
            while (!stop.get() && fatal.get() == null) {
                Instant now = Instant.now();
                for (FeedState state : states.values()) {
                    String host = hostKey(state.feed);
                    if (inFlight.size() >= settings.pollThreads() || !state.due(now) || inFlight.contains(state)
                            || !busyHosts.add(host)) {
                        continue;
                    }
                    inFlight.add(state);
                    pool.execute(() -> {
                        try {
                            if (!stop.get() && fatal.get() == null) {
                                PollSummary s = pollTimed(state);
                                log.info("polled {}: {}", state.feed.displayName(), s);
                            }
                        } catch (RuntimeException e) {
                            fatal.compareAndSet(null, e);
                        } finally {
                            busyHosts.remove(host);
                            inFlight.remove(state);
                            finished.release();
                        }
                    });
                }
                if (System.nanoTime() - lastStatusFlush > STATUS_FLUSH_NANOS) {
                    publishStatuses();
                    lastStatusFlush = System.nanoTime();
                }
                Instant next = states.values().stream().filter(s -> !s.disabled() && !inFlight.contains(s))
                        .map(FeedState::nextPoll).min(Comparator.naturalOrder()).orElse(Instant.now().plusSeconds(60));
                long waitMillis = Math.clamp(Duration.between(Instant.now(), next).toMillis(), 20, 200);
                try {
                    // Wakes early when a poll finishes, so a freed host or thread is used at once.
                    if (finished.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                        finished.drainPermits();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.set(true);
                }
            }
            stop.set(true); // tells queued polls not to start
        } finally {
            if (fatal.get() == null) {
                publishStatuses();
            }
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
    }

    private static final long STATUS_FLUSH_NANOS = Duration.ofSeconds(1).toNanos();

    private ExecutorService pollPool() {
        return Executors.newFixedThreadPool(settings.pollThreads(), Thread.ofPlatform().name("feed-poll-", 0).factory());
    }

    private PollSummary pollTimed(FeedState state) {
        try {
            return feedTimer.record(() -> pollFeedSafely(state));
        } finally {
            unpublishedStatuses.put(state.feed.url(), state.status());
        }
    }

    private static PollSummary await(Future<PollSummary> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Politeness is per host; an unparsable URL is its own "host" (it fails without a request). */
    static String hostKey(FeedConfig feed) {
        try {
            String host = URI.create(feed.url()).getHost();
            return host == null ? feed.url() : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return feed.url();
        }
    }

    /**
     * Publishes the statuses that changed since the last call, in one transaction. A failure is logged and they
     * stay pending; statuses are advisory, so they never fail a poll.
     */
    private void publishStatuses() {
        if (unpublishedStatuses.isEmpty()) {
            return;
        }
        Map<String, FeedStatus> batch = new LinkedHashMap<>(unpublishedStatuses);
        synchronized (publishLock) {
            try {
                settleIfInDoubtLocked();
                publisher.publishStatuses(batch.values());
                batch.forEach(unpublishedStatuses::remove);
            } catch (PublishingStoppedException e) {
                throw e;
            } catch (RuntimeException e) {
                inDoubt = inDoubt || e instanceof KafkaException;
                log.warn("could not publish {} feed statuses: {}", batch.size(), e.toString());
            }
        }
    }

    /** A few percent of random delay, so feeds configured alike do not all fall due in the same instant. */
    static Duration jittered(Duration interval) {
        long maxJitter = interval.toMillis() / 10;
        return maxJitter <= 0 ? interval : interval.plusMillis(ThreadLocalRandom.current().nextLong(maxJitter + 1));
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

        List<DeadLetter> letters = new ArrayList<>();
        Collected collected = collect(feed, parsed, settings.fetchArticles(), true, letters);
        List<Candidate> candidates = collected.candidates();
        int items = collected.items();
        int dups = collected.duplicates();
        int deferred = collected.deferred();
        state.countItems(items);
        Committed committed;
        try {
            committed = commit(feed, candidates, letters);
        } catch (PublishingStoppedException e) {
            throw e;
        } catch (RuntimeException e) {
            // Kafka's failure (or a failed rebuild of the producer after one), not the feed's: it is not disabled.
            log.warn("publishing {} articles of {} failed, will retry: {}", candidates.size(), feed.url(), e.toString());
            state.failed(Instant.now(), interval, "kafka: " + e.getMessage(), null, Integer.MAX_VALUE);
            feedsFailed.increment();
            return new PollSummary(0, 1, 0, items, 0, dups, 0, deferred);
        }
        candidates.forEach(c -> pageAttempts.remove(c.preId()));
        state.succeeded(Instant.now(), jittered(interval), response.header("ETag").orElse(null),
                response.header("Last-Modified").orElse(null));
        if (deferred > 0) {
            state.forgetValidators(); // a 304 next time would hide the deferred entries
        }
        feedsOk.increment();
        return new PollSummary(1, 0, 0, items, committed.published(), dups + committed.duplicates(), letters.size(),
                deferred);
    }

    record Collected(List<Candidate> candidates, int items, int duplicates, int deferred) {}

    /**
     * Turns a parsed feed's entries into candidate articles: identified, skipped when already seen, the page fetched
     * when {@code fetchPages}. With {@code mayDefer} an entry whose page failed transiently is left for a later poll
     * (counted as deferred); without it (backfill) the article is made from the feed's own content.
     */
    private Collected collect(FeedConfig feed, ParsedFeed parsed, boolean fetchPages, boolean mayDefer,
                              List<DeadLetter> letters) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> localIds = new HashSet<>();
        int items = 0;
        int dups = 0;
        int deferred = 0;
        for (FeedItem item : parsed.items()) {
            if (items >= settings.maxItemsPerFeed() && mayDefer) {
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
            if (seen.contains(preId) || !localIds.add(preId)) {
                dups++;
                continue;
            }
            Article article = buildArticle(feed, parsed, item, linkCanonical.orElse(null), preId, letters, fetchPages,
                    mayDefer);
            if (article == null) {
                deferred++;
                continue;
            }
            candidates.add(new Candidate(preId, linkCanonical.orElse(null), article));
        }
        return new Collected(candidates, items, dups, deferred);
    }

    /**
     * Backfill of an archived feed: its entries go through the same identity, dedup and transactional publish as a
     * poll, keeping their own publication dates; pages are fetched only when {@code fetchPages}. A file that is not
     * a feed becomes a dead letter and a failed summary.
     *
     * @param source what the file is called in headers and dead letters (its {@code file:} URI)
     */
    public PollSummary ingestFeed(String source, byte[] body, boolean fetchPages) {
        FeedConfig feed = new FeedConfig(source, null, null, null, List.of());
        ParsedFeed parsed;
        try {
            parsed = FeedParser.parse(body, null, null);
        } catch (FetchException e) {
            return rejected(feed, e.reason(), e.getMessage(), FeedDecoder.decode(body, null));
        } catch (RuntimeException | StackOverflowError e) {
            return rejected(feed, "feed-parse-error", e.toString(), null);
        }
        FeedConfig named = new FeedConfig(source, parsed.title(), parsed.language(), null, List.of());
        List<DeadLetter> letters = new ArrayList<>();
        Collected collected = collect(named, parsed, fetchPages, false, letters);
        Committed committed = commit(named, collected.candidates(), letters);
        return new PollSummary(1, 0, 0, collected.items(), committed.published(),
                collected.duplicates() + committed.duplicates(), letters.size(), 0);
    }

    /**
     * Backfill of ready-made articles (from article files): deduplicated by id and near-duplicate text, and
     * published with the given letters in one transaction.
     */
    public PollSummary ingestArticles(String source, List<Article> articles, List<DeadLetter> letters) {
        FeedConfig feed = new FeedConfig(source, null, null, null, List.of());
        List<Candidate> candidates = new ArrayList<>();
        int dups = 0;
        for (Article a : articles) {
            if (seen.contains(a.id())) {
                dups++;
            } else {
                candidates.add(new Candidate(a.id(), a.canonicalUrl(), a));
            }
        }
        Committed committed = commit(feed, candidates, letters);
        return new PollSummary(1, 0, 0, articles.size(), committed.published(), dups + committed.duplicates(),
                letters.size(), 0);
    }

    /** A backfill input that could not be read: a dead letter with the reason. */
    public PollSummary rejected(String source, String reason, String error) {
        return rejected(new FeedConfig(source, null, null, null, List.of()), reason, error, null);
    }

    private PollSummary rejected(FeedConfig feed, String reason, String error, String payload) {
        log.warn("backfill: {} rejected: {} ({})", feed.url(), error, reason);
        List<DeadLetter> letters = List.of(DeadLetter.of(STAGE, feed.url(), null, null, null, reason, error, payload));
        commit(feed, List.of(), letters);
        return new PollSummary(0, 1, 0, 0, 0, 0, 1, 0);
    }

    /** An entry turned into an article, not yet checked against what other feeds published meanwhile. */
    record Candidate(String preId, String linkCanonical, Article article) {}

    record Committed(int published, int duplicates) {}

    /** A feed's share of a group commit, and where its outcome is reported. */
    private record Pending(FeedConfig feed, List<Candidate> candidates, List<DeadLetter> letters,
                           CompletableFuture<Committed> done) {}

    /** Batches waiting for the next transaction. */
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();

    /**
     * Commits the candidates that are new (by id, then by near-duplicate text) with their seen-markers and the
     * letters; only then are their ids seen. Group commit: the batches of every feed that finished while the previous
     * transaction ran go into the next one together, so parallel polls do not queue for one transaction each. On a
     * {@link KafkaException} the commit may or may not have happened (a timeout hides which): the items stay unseen
     * here, and the next publish first rebuilds the producer and re-reads the seen-set, so they are neither lost
     * nor doubled.
     */
    Committed commit(FeedConfig feed, List<Candidate> candidates, List<DeadLetter> letters) {
        Pending mine = new Pending(feed, candidates, letters, new CompletableFuture<>());
        pending.add(mine);
        synchronized (publishLock) {
            if (!mine.done().isDone()) {
                commitPending();
            }
        }
        try {
            return mine.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** One transaction for everything queued; called with the publish lock held. */
    private void commitPending() {
        List<Pending> group = new ArrayList<>();
        for (Pending p = pending.poll(); p != null; p = pending.poll()) {
            group.add(p);
        }
        try {
            settleIfInDoubtLocked();
            Set<String> batchIds = new HashSet<>();
            List<ArticlePublisher.Batch> batches = new ArrayList<>();
            List<Committed> results = new ArrayList<>();
            for (Pending p : group) {
                List<Article> articles = new ArrayList<>();
                List<SeenMarker> markers = new ArrayList<>();
                int dups = decide(p.feed(), p.candidates(), batchIds, articles, markers);
                batches.add(new ArticlePublisher.Batch(articles, markers, p.letters(), p.feed().url(), p.feed().tags()));
                results.add(new Committed(articles.size(), dups));
            }
            try {
                publisher.publishAll(batches);
            } catch (KafkaException e) {
                inDoubt = true;
                throw e;
            }
            seen.addAll(batchIds);
            for (int i = 0; i < group.size(); i++) {
                published.increment(results.get(i).published());
                duplicates.increment(results.get(i).duplicates());
                deadLetters.increment(group.get(i).letters().size());
                group.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            group.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    /**
     * Which candidates are new, given what is seen and what this transaction already holds ({@code batchIds}, which
     * it extends); adds the new articles and the markers to write. Returns the number of duplicates.
     */
    private int decide(FeedConfig feed, List<Candidate> candidates, Set<String> batchIds, List<Article> articles,
                       List<SeenMarker> markers) {
        int dups = 0;
        for (Candidate c : candidates) {
            Article article = c.article();
            if (seen.contains(c.preId()) || batchIds.contains(c.preId())) {
                dups++; // another feed published it since this one was read
                continue;
            }
            // The page may name another canonical URL than the feed's link: then the link is remembered as an
            // alias, and the article may turn out to be one already published under its own URL.
            boolean known = seen.contains(article.id()) || batchIds.contains(article.id());
            batchIds.add(c.preId());
            batchIds.add(article.id());
            if (!article.id().equals(c.preId())) {
                markers.add(ArticlePublisher.marker(c.preId(), c.linkCanonical(), feed.url(), article.id(), null));
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
        return dups;
    }

    private PollSummary feedFailed(FeedState state, Duration interval, FetchException e, String payload) {
        FeedConfig feed = state.feed;
        boolean disabledNow = state.failed(Instant.now(), jittered(interval), e.reason() + ": " + e.getMessage(),
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
            synchronized (publishLock) {
                try {
                    publisher.publish(new ArticlePublisher.Batch(List.of(), List.of(), letters, feed.url(), feed.tags()));
                } catch (PublishingStoppedException pse) {
                    throw pse;
                } catch (RuntimeException ke) {
                    inDoubt = true; // also a producer left closed by a failed rebuild: the next publish rebuilds it
                    throw ke;
                }
            }
        } catch (PublishingStoppedException pse) {
            throw pse;
        } catch (RuntimeException ke) {
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
                                 String preId, List<DeadLetter> letters, boolean fetchPage, boolean mayDefer) {
        List<String> flags = new ArrayList<>();
        ExtractedPage page = null;
        String finalUrl = item.link();
        if (fetchPage && linkCanonical != null) {
            try {
                FetchResult r = fetcher.get(UrlCanonicalizer.parseLenient(item.link()), PAGE_ACCEPT,
                        settings.maxPageBytes(), ContentTypes::isHtmlLike);
                finalUrl = r.finalUri().toString();
                page = ArticleExtractor.extract(r.body(), r.charset().orElse(null), r.finalUri());
            } catch (FetchException e) {
                if (mayDefer && TRANSIENT_PAGE_FAILURES.contains(e.reason())
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
