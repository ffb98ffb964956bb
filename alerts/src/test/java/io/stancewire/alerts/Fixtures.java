package io.stancewire.alerts;

import io.stancewire.model.Ids;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;
import io.stancewire.model.StanceShift;
import io.stancewire.model.Subscription;

import java.time.Instant;
import java.util.List;

/** Builders for the records the tests need, so each test states only what it is about. */
final class Fixtures {
    static final String TARGET = "china-ai-competitiveness";

    private Fixtures() {}

    static Quote quote(String speaker, String affiliation, String label, double confidence, String text, String context) {
        String id = Ids.quoteId("article-" + text.hashCode(), 0, text.length());
        return new Quote(SchemaVersion.CURRENT, id, "article", 0, text.length(), text, "direct",
                new Speaker(null, speaker, null, affiliation, null, "PERSON"), "said", context, "en",
                label == null ? List.of() : List.of(new Stance(TARGET, label, confidence, List.of())),
                "https://example.org/a", "Title", "Reuters", Instant.parse("2026-11-23T10:00:00Z"));
    }

    static Subscription subscription(String id, String owner, String kind, String speaker, String organization,
                                     String stance, Double minConfidence, String query) {
        return new Subscription(SchemaVersion.CURRENT, id, owner, id, kind, speaker, organization, stance, null,
                minConfidence, null, query, "https://hooks.example.org/" + id, null, Instant.parse("2026-11-23T09:00:00Z"), false);
    }

    static Subscription onQuotes(String id, String speaker, String organization, String stance, String query) {
        return subscription(id, "alice", Subscription.QUOTE, speaker, organization, stance, null, query);
    }

    static StanceShift shift(String speaker, String affiliation, String from, String to) {
        String quoteId = Ids.quoteId("shift-article", 1, 2);
        return new StanceShift(SchemaVersion.CURRENT, StanceShift.id("name:" + speaker.toLowerCase(), TARGET, quoteId), TARGET,
                "name:" + speaker.toLowerCase(), null, speaker, affiliation, from, to, 0.2, -0.3, quoteId, "shift-article",
                "Chinese chips are falling behind", "https://example.org/s", "Reuters", Instant.parse("2026-11-23T10:00:00Z"));
    }
}
