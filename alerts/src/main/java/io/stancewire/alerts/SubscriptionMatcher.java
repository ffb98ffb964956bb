package io.stancewire.alerts;

import io.stancewire.model.Quote;
import io.stancewire.model.Stance;
import io.stancewire.model.StanceShift;
import io.stancewire.model.Subscription;
import org.apache.lucene.search.IndexSearcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The live set of subscriptions and what matches an event.
 *
 * <p>Each quote subscription is found through its most selective filter: its speaker, else its organisation, else
 * the terms of its query (one of which a quote must contain, see {@link Presearch}), else its stance label; the
 * rest (a target or language only, or a query of patterns) are checked against every quote. A quote looks up only
 * the buckets of its speaker name and id, affiliation, analysed terms and stance labels, so out of thousands of
 * subscriptions it meets a handful. Shift subscriptions are few and shifts rarer still: a plain list.
 *
 * <p>Thread-safe: the global-store thread writes while stream threads read. Writes are serialised; reads see each
 * subscription either before or after its update, never half of one (they read whole {@link CompiledSubscription}s).
 */
public final class SubscriptionMatcher {
    private final Map<String, CompiledSubscription> byId = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CompiledSubscription>> bySpeaker = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CompiledSubscription>> byOrganization = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CompiledSubscription>> byLabel = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CompiledSubscription>> byTerm = new ConcurrentHashMap<>();
    private final Map<String, CompiledSubscription> unbucketed = new ConcurrentHashMap<>();
    private final Map<String, CompiledSubscription> shifts = new ConcurrentHashMap<>();
    private final Map<String, CompiledSubscription> spikes = new ConcurrentHashMap<>();

    /**
     * Checks a subscription without adding it: what the API calls before writing one to the topic.
     *
     * @throws InvalidSubscriptionException with the reason (the query parser's message for a bad query)
     */
    public static void validate(Subscription subscription) {
        CompiledSubscription.of(subscription);
    }

    /**
     * Whether one subscription matches one quote, without any index: the API's "test this subscription" call. For a
     * spike subscription: whether the quote counts towards a spike.
     */
    public static boolean test(Subscription subscription, Quote quote) {
        CompiledSubscription c = CompiledSubscription.of(subscription);
        return !c.isShift() && c.structuredMatch(QuoteKeys.of(quote))
                && c.textMatch(() -> DocumentTerms.of(quote.text(), quote.context()), () -> TextQuery.searcher(quote.text(), quote.context()));
    }

    /**
     * Adds or replaces a subscription; a deleted one is removed.
     *
     * @throws InvalidSubscriptionException when it cannot be matched; the previous version, if any, stays
     */
    public synchronized void put(Subscription subscription) {
        if (subscription.deleted()) {
            remove(subscription.id());
            return;
        }
        CompiledSubscription compiled = CompiledSubscription.of(subscription);
        remove(subscription.id());
        byId.put(compiled.id(), compiled);
        if (inTermBuckets(compiled)) {
            compiled.presearch().terms().forEach(t -> byTerm.computeIfAbsent(t, k -> new ConcurrentHashMap<>()).put(compiled.id(), compiled));
        } else {
            bucketOf(compiled).put(compiled.id(), compiled);
        }
    }

    public synchronized void remove(String id) {
        CompiledSubscription old = byId.remove(id);
        if (old != null && inTermBuckets(old)) {
            old.presearch().terms().forEach(t -> byTerm.computeIfPresent(t, (k, bucket) -> {
                bucket.remove(id);
                return bucket.isEmpty() ? null : bucket;
            }));
        } else if (old != null) {
            bucketOf(old).remove(id);
        }
    }

    public int size() {
        return byId.size();
    }

    /** Quote subscriptions matching the quote, looked up through the buckets. */
    public List<Subscription> matches(Quote quote) {
        QuoteKeys keys = QuoteKeys.of(quote);
        Supplier<DocumentTerms> terms = lazy(() -> DocumentTerms.of(quote.text(), quote.context()));
        List<CompiledSubscription> candidates = new ArrayList<>();
        addAll(candidates, bySpeaker, keys.speakerName());
        if (keys.speakerId() != null && !keys.speakerId().equals(keys.speakerName())) {
            addAll(candidates, bySpeaker, keys.speakerId());
        }
        addAll(candidates, byOrganization, keys.affiliation());
        Set<String> labels = new TreeSet<>();
        for (Stance stance : quote.stances()) {
            if (stance.label() != null) {
                labels.add(stance.label().toUpperCase(java.util.Locale.ROOT));
            }
        }
        labels.forEach(l -> addAll(candidates, byLabel, l));
        candidates.addAll(unbucketed.values());
        if (!byTerm.isEmpty()) {
            // a subscription sits in one bucket per term of its query: a quote with two of them must meet it once
            Map<String, CompiledSubscription> byQueryTerm = new java.util.HashMap<>();
            for (String term : terms.get().terms()) {
                Map<String, CompiledSubscription> bucket = byTerm.get(term);
                if (bucket != null) {
                    byQueryTerm.putAll(bucket);
                }
            }
            candidates.addAll(byQueryTerm.values());
        }
        return matching(candidates, keys, terms);
    }

    /** The same answer as {@link #matches(Quote)}, checking every subscription: the baseline of the benchmark. */
    public List<Subscription> matchesScanningAll(Quote quote) {
        return matching(byId.values().stream().filter(CompiledSubscription::isQuote).toList(), QuoteKeys.of(quote),
                lazy(() -> DocumentTerms.of(quote.text(), quote.context())));
    }

    /** Shift subscriptions matching the shift; a query runs over the text of the quote that tipped it. */
    public List<Subscription> matches(StanceShift shift) {
        Supplier<DocumentTerms> terms = lazy(() -> DocumentTerms.of(shift.quoteText(), null));
        Supplier<IndexSearcher> index = lazy(() -> TextQuery.searcher(shift.quoteText(), null));
        List<Subscription> out = new ArrayList<>();
        for (CompiledSubscription c : shifts.values()) {
            if (c.structuredMatch(shift) && c.textMatch(terms, index)) {
                out.add(c.subscription());
            }
        }
        return out;
    }

    /** Spike subscriptions the quote counts towards (few, like shift subscriptions: a plain list). */
    public List<Subscription> spikeMatches(Quote quote) {
        return spikes.isEmpty() ? List.of() : matching(spikes.values(), QuoteKeys.of(quote), lazy(() -> DocumentTerms.of(quote.text(), quote.context())));
    }

    /** The live subscription of this id, if any. */
    public java.util.Optional<Subscription> get(String id) {
        return java.util.Optional.ofNullable(byId.get(id)).map(CompiledSubscription::subscription);
    }

    private static List<Subscription> matching(Collection<CompiledSubscription> candidates, QuoteKeys keys, Supplier<DocumentTerms> terms) {
        Quote quote = keys.quote();
        Supplier<IndexSearcher> index = lazy(() -> TextQuery.searcher(quote.text(), quote.context()));
        List<Subscription> out = new ArrayList<>();
        for (CompiledSubscription c : candidates) {
            if (c.structuredMatch(keys) && c.textMatch(terms, index)) {
                out.add(c.subscription());
            }
        }
        return out;
    }

    /**
     * Quote subscriptions with no speaker or organisation whose query needs one of a known set of terms: a query
     * term is far more selective than a stance label, so these are found by term even when they also name a label.
     */
    private static boolean inTermBuckets(CompiledSubscription c) {
        return c.isQuote() && c.speaker() == null && c.organization() == null
                && c.presearch() != null && c.presearch().byTermsOnly();
    }

    private Map<String, CompiledSubscription> bucketOf(CompiledSubscription c) {
        if (c.isShift()) {
            return shifts;
        }
        if (c.isSpike()) {
            return spikes;
        }
        if (c.speaker() != null) {
            return bySpeaker.computeIfAbsent(c.speaker(), k -> new ConcurrentHashMap<>());
        }
        if (c.organization() != null) {
            return byOrganization.computeIfAbsent(c.organization(), k -> new ConcurrentHashMap<>());
        }
        if (c.label() != null) {
            return byLabel.computeIfAbsent(c.label(), k -> new ConcurrentHashMap<>());
        }
        return unbucketed;
    }

    private static void addAll(List<CompiledSubscription> into, Map<String, Map<String, CompiledSubscription>> buckets, String key) {
        Map<String, CompiledSubscription> bucket = key == null ? null : buckets.get(key);
        if (bucket != null) {
            into.addAll(bucket.values());
        }
    }

    /** The index of an event is built on first use: most events fail every candidate's structured filters first. */
    private static <T> Supplier<T> lazy(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
