package io.stancewire.alerts;

import io.stancewire.model.Quote;
import io.stancewire.model.SpikeRule;
import io.stancewire.model.Stance;
import io.stancewire.model.StanceShift;
import io.stancewire.model.Subscription;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A subscription ready to match: filters normalised and the query parsed once. Structured filters are checked
 * first because they cost a string comparison; the query only runs when they all pass.
 */
record CompiledSubscription(Subscription subscription, String speaker, String organization, String label, String target,
                            double minConfidence, String language, Query query, Presearch presearch) {

    static final Set<String> LABELS = Set.of("FAVOR", "AGAINST", "NEUTRAL", "NONE");
    static final Set<String> SHIFT_SIDES = Set.of("FAVOR", "AGAINST");
    static final List<String> KINDS = List.of(Subscription.QUOTE, Subscription.SHIFT, Subscription.SPIKE);

    /** @throws InvalidSubscriptionException when the kind, label, confidence or query cannot be matched */
    static CompiledSubscription of(Subscription s) {
        if (s.id() == null || s.id().isBlank()) {
            throw new InvalidSubscriptionException("a subscription needs an id");
        }
        if (!KINDS.contains(s.kind())) {
            throw new InvalidSubscriptionException("kind must be one of " + KINDS + ", not " + s.kind());
        }
        if (s.kind().equals(Subscription.SPIKE)) {
            validate(s.spikeRule());
        }
        String label = s.stance() == null || s.stance().isBlank() ? null : s.stance().strip().toUpperCase(Locale.ROOT);
        Set<String> allowed = s.kind().equals(Subscription.SHIFT) ? SHIFT_SIDES : LABELS;
        if (label != null && !allowed.contains(label)) {
            throw new InvalidSubscriptionException("stance must be one of " + allowed + ", not " + s.stance());
        }
        double min = s.minConfidence() == null ? 0 : s.minConfidence();
        if (min < 0 || min > 1 || Double.isNaN(min)) {
            throw new InvalidSubscriptionException("minConfidence must be between 0 and 1, not " + s.minConfidence());
        }
        if (s.kafkaTopic() != null && !s.kafkaTopic().isBlank()) {
            DeliveryTopics.validate(s.kafkaTopic());
        }
        Query query = s.query() == null || s.query().isBlank() ? null : TextQuery.parse(s.query());
        String language = s.language() == null || s.language().isBlank() ? null : s.language().strip().toLowerCase(Locale.ROOT);
        return new CompiledSubscription(s, Keys.of(s.speaker()), Keys.of(s.organization()), label, Keys.of(s.target()),
                min, language, query, query == null ? null : Presearch.of(query));
    }

    private static void validate(SpikeRule rule) {
        if (rule.factor().isNaN() || rule.factor() <= 1) {
            throw new InvalidSubscriptionException("spike factor must be above 1, not " + rule.factor());
        }
        if (rule.trailingDays() < 1 || rule.trailingDays() > SpikeRule.MAX_TRAILING_DAYS) {
            throw new InvalidSubscriptionException("spike trailingDays must be between 1 and " + SpikeRule.MAX_TRAILING_DAYS
                    + ", not " + rule.trailingDays());
        }
        if (rule.minCount() < 1) {
            throw new InvalidSubscriptionException("spike minCount must be at least 1, not " + rule.minCount());
        }
    }

    String id() {
        return subscription.id();
    }

    boolean isShift() {
        return subscription.kind().equals(Subscription.SHIFT);
    }

    boolean isQuote() {
        return subscription.kind().equals(Subscription.QUOTE);
    }

    boolean isSpike() {
        return subscription.kind().equals(Subscription.SPIKE);
    }

    boolean structuredMatch(QuoteKeys keys) {
        Quote quote = keys.quote();
        if (language != null && !language.equalsIgnoreCase(quote.language())) {
            return false;
        }
        if (speaker != null && !(speaker.equals(keys.speakerName()) || speaker.equals(keys.speakerId()))) {
            return false;
        }
        if (organization != null && !organization.equals(keys.affiliation())) {
            return false;
        }
        if (label == null && target == null && minConfidence <= 0) {
            return true;
        }
        // label, target and confidence must hold for the same stance, not one each
        List<Stance> stances = quote.stances();
        for (int i = 0; i < stances.size(); i++) {
            Stance stance = stances.get(i);
            if ((label == null || label.equalsIgnoreCase(stance.label()))
                    && (target == null || target.equals(keys.stanceTargets().get(i)))
                    && stance.confidence() >= minConfidence) {
                return true;
            }
        }
        return false;
    }

    boolean structuredMatch(StanceShift shift) {
        if (speaker != null && !(speaker.equals(Keys.of(shift.speakerName())) || speaker.equals(Keys.of(shift.speakerId()))
                || speaker.equals(Keys.of(shift.speakerKey())))) {
            return false;
        }
        if (organization != null && !organization.equals(Keys.of(shift.affiliation()))) {
            return false;
        }
        return (label == null || label.equalsIgnoreCase(shift.to())) && (target == null || target.equals(Keys.of(shift.target())));
    }

    /**
     * @param terms    the event's terms, for the cheap check that rules most queries out
     * @param searcher both built lazily by the caller: only when some candidate passed its structured filters and has a query
     */
    boolean textMatch(Supplier<DocumentTerms> terms, Supplier<IndexSearcher> searcher) {
        return query == null || (presearch.mayMatch(terms.get()) && (presearch.exact() || TextQuery.matches(searcher, query)));
    }
}
