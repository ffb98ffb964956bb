package io.stancewire.alerts;

import io.stancewire.model.Ids;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;
import io.stancewire.model.Subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Matching throughput: quotes per second against 10,000 subscriptions, through the index and checking every
 * subscription, on one thread. The mix: half on a speaker (a third of those with a stance and a query), a fifth on
 * an organisation and a stance, a tenth on a stance with a query, a fifth on a query alone (terms, AND, OR,
 * phrases, one in twenty a prefix) over words outside the 100 commonest. Quotes: 2,000 speakers, 400 organisations, 30-word texts and 40-word contexts drawn
 * from 20,000 words with a Zipf-like skew. Run: {@code java -cp <test classpath> io.stancewire.alerts.MatcherBenchmark [subscriptions]}.
 */
public final class MatcherBenchmark {
    static final String[] LABELS = {"FAVOR", "AGAINST", "NEUTRAL", "NONE"};
    final Random random = new Random(42);

    public static void main(String[] args) {
        int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        new MatcherBenchmark().run(subscriptions);
    }

    void run(int count) {
        SubscriptionMatcher matcher = new SubscriptionMatcher();
        for (int i = 0; i < count; i++) {
            matcher.put(subscription(i));
        }
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            quotes.add(quote(i));
        }
        System.out.printf("%,d subscriptions, %,d distinct quotes, 1 thread, %d cores available%n", count, quotes.size(),
                Runtime.getRuntime().availableProcessors());
        measure("with the pre-filter (buckets)", quotes, matcher::matches);
        measure("checking every subscription", quotes, matcher::matchesScanningAll);
    }

    void measure(String label, List<Quote> quotes, Function<Quote, List<Subscription>> match) {
        long matches = 0;
        long deadline = System.nanoTime() + 2_000_000_000L; // warm-up
        for (int i = 0; System.nanoTime() < deadline; i++) {
            matches += match.apply(quotes.get(i % quotes.size())).size();
        }
        long start = System.nanoTime();
        long end = start + 5_000_000_000L;
        int done = 0;
        matches = 0;
        while (System.nanoTime() < end) {
            matches += match.apply(quotes.get(done % quotes.size())).size();
            done++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-32s %,10.0f quotes/s   (%,d quotes, %.2f matches per quote)%n", label, done / seconds, done,
                (double) matches / done);
    }

    Subscription subscription(int i) {
        double kind = random.nextDouble();
        String speaker = null, org = null, label = null, query = null;
        if (kind < 0.5) {
            speaker = speaker(random.nextInt(2_000));
            if (random.nextInt(3) == 0) {
                label = LABELS[random.nextInt(2)];
                query = query();
            }
        } else if (kind < 0.7) {
            org = org(random.nextInt(400));
            label = LABELS[random.nextInt(2)];
        } else if (kind < 0.8) {
            label = LABELS[random.nextInt(2)];
            query = query();
        } else {
            query = query();
        }
        return new Subscription(SchemaVersion.CURRENT, "s" + i, "owner" + (i % 50), null, Subscription.QUOTE, speaker, org, label,
                null, null, null, query, null, null, Instant.EPOCH, false);
    }

    /** People ask for names and topics ("Blackwell", "export"), not for "the": query words skip the 100 commonest. */
    String query() {
        return switch (random.nextInt(5)) {
            case 0 -> queryWord();
            case 1 -> queryWord() + " AND " + queryWord();
            case 2 -> queryWord() + " OR " + queryWord();
            case 3 -> "\"" + queryWord() + " " + queryWord() + "\"";
            default -> random.nextInt(4) == 0 ? queryWord() + "*" : "(" + queryWord() + " OR " + queryWord() + ") AND " + queryWord();
        };
    }

    String queryWord() {
        return "w" + (100 + random.nextInt(19_900));
    }

    Quote quote(int i) {
        int s = random.nextInt(2_500); // a fifth of the quotes by speakers nobody subscribed to
        String text = words(30);
        return new Quote(SchemaVersion.CURRENT, Ids.quoteId("bench", i, i + 1), "bench", i, i + 1, text, "direct",
                new Speaker(null, speaker(s), null, org(s % 400), null, "PERSON"), "said", words(40), "en",
                List.of(new Stance("china-ai-competitiveness", LABELS[random.nextInt(4)], random.nextDouble(), List.of())),
                null, null, null, Instant.EPOCH);
    }

    String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(word()).append(i % 12 == 11 ? ". " : " ");
        }
        return b.toString();
    }

    /** Zipf-like: small indexes are frequent, as "the" and "chips" are. */
    String word() {
        return "w" + (int) Math.floor(Math.pow(20_000, random.nextDouble()));
    }

    static String speaker(int i) {
        return "Speaker Number" + i;
    }

    static String org(int i) {
        return "Organisation " + i;
    }
}
