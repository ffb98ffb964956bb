package io.stancewire.alerts;

import io.stancewire.model.Quote;
import io.stancewire.model.Stance;
import io.stancewire.model.StanceShift;
import io.stancewire.model.Subscription;
import org.apache.lucene.index.memory.MemoryIndex;

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
 * <p>Each quote subscription sits in exactly one bucket, keyed by its most selective structured filter: speaker,
 * else organisation, else stance label; subscriptions with none of those (only a text query, a target or a
 * language) go to a list every quote is checked against. A quote looks up only the buckets of its own speaker
 * name and id, affiliation and stance labels, so with thousands of subscriptions on different speakers it meets a
 * handful. Shift subscriptions are few and shifts rarer still: a plain list.
 *
 * <p>Thread-safe: the global-store thread writes while stream threads read. Writes are serialised; reads see each
 * subscription either before or after its update, never half of one (they read whole {@link CompiledSubscription}s).
 */
public final class SubscriptionMatcher {
    private final Map<String, CompiledSubscription> byId = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CompiledSubscription>> bySpeaker = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CompiledSubscription>> byOrganization = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CompiledSubscription>> byLabel = new ConcurrentHashMap<>();
    private final Map<String, CompiledSubscription> unbucketed = new ConcurrentHashMap<>();
    private final Map<String, CompiledSubscription> shifts = new ConcurrentHashMap<>();

    /**
     * Checks a subscription without adding it: what the API calls before writing one to the topic.
     *
     * @throws InvalidSubscriptionException with the reason (the query parser's message for a bad query)
     */
    public static void validate(Subscription subscription) {
        CompiledSubscription.of(subscription);
    }

    /** Whether one subscription matches one quote, without any index: the API's "test this subscription" call. */
    public static boolean test(Subscription subscription, Quote quote) {
        CompiledSubscription c = CompiledSubscription.of(subscription);
        return !c.isShift() && c.structuredMatch(quote) && c.textMatch(() -> TextQuery.index(quote.text(), quote.context()));
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
        bucketOf(compiled).put(compiled.id(), compiled);
    }

    public synchronized void remove(String id) {
        CompiledSubscription old = byId.remove(id);
        if (old != null) {
            bucketOf(old).remove(id);
        }
    }

    public int size() {
        return byId.size();
    }

    public List<Subscription> subscriptions() {
        return byId.values().stream().map(CompiledSubscription::subscription).toList();
    }

    /** Quote subscriptions matching the quote, looked up through the buckets. */
    public List<Subscription> matches(Quote quote) {
        List<CompiledSubscription> candidates = new ArrayList<>();
        var speaker = quote.speaker();
        if (speaker != null) {
            Set<String> speakerKeys = keys(speaker.name(), speaker.id());
            speakerKeys.forEach(k -> addAll(candidates, bySpeaker, k));
            addAll(candidates, byOrganization, Keys.of(speaker.affiliation()));
        }
        Set<String> labels = new TreeSet<>();
        for (Stance stance : quote.stances()) {
            if (stance.label() != null) {
                labels.add(stance.label().toUpperCase(java.util.Locale.ROOT));
            }
        }
        labels.forEach(l -> addAll(candidates, byLabel, l));
        candidates.addAll(unbucketed.values());
        return matching(candidates, quote);
    }

    /** The same answer as {@link #matches(Quote)}, checking every subscription: the baseline of the benchmark. */
    public List<Subscription> matchesScanningAll(Quote quote) {
        return matching(byId.values().stream().filter(c -> !c.isShift()).toList(), quote);
    }

    /** Shift subscriptions matching the shift; a query runs over the text of the quote that tipped it. */
    public List<Subscription> matches(StanceShift shift) {
        Supplier<MemoryIndex> index = lazy(() -> TextQuery.index(shift.quoteText(), null));
        List<Subscription> out = new ArrayList<>();
        for (CompiledSubscription c : shifts.values()) {
            if (c.structuredMatch(shift) && c.textMatch(index)) {
                out.add(c.subscription());
            }
        }
        return out;
    }

    private static List<Subscription> matching(Collection<CompiledSubscription> candidates, Quote quote) {
        Supplier<MemoryIndex> index = lazy(() -> TextQuery.index(quote.text(), quote.context()));
        List<Subscription> out = new ArrayList<>();
        for (CompiledSubscription c : candidates) {
            if (c.structuredMatch(quote) && c.textMatch(index)) {
                out.add(c.subscription());
            }
        }
        return out;
    }

    private Map<String, CompiledSubscription> bucketOf(CompiledSubscription c) {
        if (c.isShift()) {
            return shifts;
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

    private static Set<String> keys(String... values) {
        Set<String> keys = new TreeSet<>();
        for (String v : values) {
            String k = Keys.of(v);
            if (k != null) {
                keys.add(k);
            }
        }
        return keys;
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
