package io.stancewire.alerts;

import io.stancewire.model.Quote;
import io.stancewire.model.Subscription;
import org.junit.jupiter.api.Test;

import static io.stancewire.alerts.Fixtures.onQuotes;
import static io.stancewire.alerts.Fixtures.quote;
import static io.stancewire.alerts.Fixtures.shift;
import static io.stancewire.alerts.Fixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionMatcherTest {
    final Quote triolo = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8,
            "Export controls on Blackwell chips will slow China down", "Triolo, a partner at DGA Group, said on Monday.");
    final Quote huang = quote("Jensen Huang", "Nvidia", "FAVOR", 0.9,
            "China is nanoseconds behind America in chips", "Huang told reporters that export rules backfire.");

    SubscriptionMatcher matcher(Subscription... subscriptions) {
        SubscriptionMatcher m = new SubscriptionMatcher();
        for (Subscription s : subscriptions) {
            m.put(s);
        }
        return m;
    }

    @Test
    void structuredFiltersCompareSpeakerOrganisationLabelAndConfidenceLoosely() {
        SubscriptionMatcher m = matcher(
                onQuotes("by-name", "paul  TRIOLO", null, null, null),
                onQuotes("by-org", null, "the DGA group", "against", null),
                onQuotes("by-org-favor", null, "DGA Group", "FAVOR", null),
                subscription("confident", "alice", Subscription.QUOTE, null, null, "AGAINST", 0.85, null),
                subscription("less-confident", "alice", Subscription.QUOTE, null, null, "AGAINST", 0.7, null));

        assertThat(ids(m, triolo)).containsExactlyInAnyOrder("by-name", "by-org", "less-confident");
        assertThat(ids(m, huang)).isEmpty();
    }

    @Test
    void fullTextFollowsLuceneSyntaxOverTextAndContext() {
        SubscriptionMatcher m = matcher(
                onQuotes("and", null, null, null, "Blackwell AND export"),
                onQuotes("or", null, null, null, "Blackwell OR nanoseconds"),
                onQuotes("phrase", null, null, null, "\"export controls\""),
                onQuotes("phrase-wrong-order", null, null, null, "\"controls export\""),
                onQuotes("in-context-only", null, null, null, "reporters"),
                onQuotes("text-field-only", null, null, null, "text:reporters"),
                onQuotes("not", null, null, null, "chips -Blackwell"),
                onQuotes("stemming-is-not-done", null, null, null, "chip"));

        assertThat(ids(m, triolo)).containsExactlyInAnyOrder("and", "or", "phrase");
        assertThat(ids(m, huang)).containsExactlyInAnyOrder("or", "in-context-only", "not");
    }

    @Test
    void structuredAndTextMustBothHold() {
        SubscriptionMatcher m = matcher(onQuotes("dga-bearish-chips", null, "DGA Group", "AGAINST", "chips"),
                onQuotes("dga-bearish-memory", null, "DGA Group", "AGAINST", "memory"));
        assertThat(ids(m, triolo)).containsExactly("dga-bearish-chips");
    }

    @Test
    void bucketLookupGivesTheSameAnswerAsCheckingEverySubscription() {
        SubscriptionMatcher m = matcher(onQuotes("a", "Paul Triolo", null, null, null), onQuotes("b", null, "Nvidia", null, "chips"),
                onQuotes("c", null, null, "FAVOR", null), onQuotes("d", null, null, null, "export"),
                onQuotes("e", "Jensen Huang", "Nvidia", "FAVOR", "america"), onQuotes("f", null, null, null, "expo*"),
                onQuotes("g", null, null, null, "(nanoseconds OR memory) AND -blackwell"), onQuotes("h", null, null, null, "-blackwell"),
                onQuotes("i", null, null, null, "\"export rules\" OR huawei"), onQuotes("j", null, null, null, "export AND huawei"));
        for (Quote q : new Quote[] {triolo, huang}) {
            assertThat(m.matches(q)).containsExactlyInAnyOrderElementsOf(m.matchesScanningAll(q));
        }
        assertThat(ids(m, huang)).containsExactlyInAnyOrder("b", "c", "d", "e", "f", "g", "i");
        assertThat(ids(m, triolo)).containsExactlyInAnyOrder("a", "d", "f");
    }

    @Test
    void presearchLooksForThePositiveTermsAndPatterns() {
        Presearch and = Presearch.of(TextQuery.parse("Blackwell AND export"));
        assertThat(and.terms()).containsExactlyInAnyOrder("blackwell", "export");
        assertThat(and.byTermsOnly()).isTrue();
        assertThat(Presearch.of(TextQuery.parse("\"export controls\" OR chips -huawei")).terms())
                .containsExactlyInAnyOrder("export", "controls", "chips");

        Presearch prefix = Presearch.of(TextQuery.parse("huawei OR expo*"));
        assertThat(prefix.byTermsOnly()).isFalse();
        assertThat(prefix.mayMatch(DocumentTerms.of("Exporters complain", null))).isTrue();
        assertThat(prefix.mayMatch(DocumentTerms.of("Huawei ships", null))).isTrue();
        assertThat(prefix.mayMatch(DocumentTerms.of("Nvidia ships", "an expert said"))).isFalse();
        assertThat(Presearch.of(TextQuery.parse("*:*")).mayMatch(DocumentTerms.of("anything", null))).isTrue();

        assertThat(and.mayMatch(DocumentTerms.of("Blackwell ships", "no export licence"))).isTrue();
        assertThat(and.mayMatch(DocumentTerms.of("Blackwell ships", "to China"))).isFalse();
        Presearch phrase = Presearch.of(TextQuery.parse("\"export controls\" AND (chips OR memory*)"));
        assertThat(phrase.mayMatch(DocumentTerms.of("controls on export of memory", null))).isTrue(); // order is Lucene's call
        assertThat(phrase.mayMatch(DocumentTerms.of("export controls on GPUs", null))).isFalse();
        assertThat(phrase.mayMatch(DocumentTerms.of("export controls on memory", null))).isTrue();
        assertThat(phrase.mayMatch(DocumentTerms.of("export controls on memoryless chips", null))).isTrue();
        assertThat(phrase.mayMatch(DocumentTerms.of("export controls on memo", null))).isFalse();
        assertThat(Presearch.of(TextQuery.parse("-huawei")).mayMatch(DocumentTerms.of("anything", null))).isFalse();
    }

    @Test
    void presearchNeverRulesOutWhatLuceneMatchesAndIsLuceneWhereItClaimsExactness() {
        String[] queries = {"chips", "Blackwell AND export", "Blackwell OR huawei", "chips -Blackwell", "-chips", "text:reporters",
                "context:reporters", "expo*", "text:expo*", "\"export controls\"", "\"controls export\"", "(a OR chips) AND NOT (x OR y)",
                "+chips +(nanoseconds OR america) -memory", "chip~1", "ex*rt", "\"nanoseconds behind\" OR Blackwell", "*:*", "title:chips"};
        Quote[] quotes = {triolo, huang, quote("X", null, null, 0, "Exporters of memory chips", "x y"), quote("Y", null, null, 0, "", "")};
        int exactChecked = 0;
        for (String q : queries) {
            Presearch presearch = Presearch.of(TextQuery.parse(q));
            for (Quote quote : quotes) {
                boolean lucene = TextQuery.matches(() -> TextQuery.searcher(quote.text(), quote.context()), TextQuery.parse(q));
                boolean maybe = presearch.mayMatch(DocumentTerms.of(quote.text(), quote.context()));
                if (lucene) {
                    assertThat(maybe).as(q + " on " + quote.text()).isTrue();
                }
                if (presearch.exact()) {
                    assertThat(maybe).as(q + " on " + quote.text()).isEqualTo(lucene);
                    exactChecked++;
                }
            }
        }
        assertThat(exactChecked).isGreaterThan(30);
    }

    @Test
    void aTermBucketedSubscriptionIsReplacedAndDeletedCleanly() {
        SubscriptionMatcher m = matcher(onQuotes("s", null, null, null, "Blackwell OR export"));
        m.put(onQuotes("s", null, null, null, "nanoseconds"));
        assertThat(ids(m, triolo)).isEmpty();
        assertThat(ids(m, huang)).containsExactly("s");
        m.remove("s");
        assertThat(ids(m, huang)).isEmpty();
    }

    @Test
    void replacingAndDeletingASubscriptionTakesItOutOfItsOldBucket() {
        SubscriptionMatcher m = matcher(onQuotes("s", "Paul Triolo", null, null, null));
        m.put(onQuotes("s", "Jensen Huang", null, null, null));
        assertThat(ids(m, triolo)).isEmpty();
        assertThat(ids(m, huang)).containsExactly("s");
        m.put(onQuotes("s", "Jensen Huang", null, null, null).asDeleted());
        assertThat(ids(m, huang)).isEmpty();
        assertThat(m.size()).isZero();
    }

    @Test
    void malformedQueryIsRejectedWithTheParsersMessageAndTheOldVersionStays() {
        SubscriptionMatcher m = matcher(onQuotes("s", null, null, null, "Blackwell"));
        assertThatThrownBy(() -> m.put(onQuotes("s", null, null, null, "Blackwell AND (export")))
                .isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageStartingWith("invalid query: Cannot parse 'Blackwell AND (export'")
                .hasMessageContaining("Encountered");
        assertThat(ids(m, triolo)).containsExactly("s");
    }

    @Test
    void badKindLabelOrConfidenceIsRejected() {
        assertThatThrownBy(() -> SubscriptionMatcher.validate(new io.stancewire.model.Subscription(1, "s", "a", "s", "spike", null, null, null, null, null, null, null, null, null, null, false, new io.stancewire.model.SpikeRule(0.5, null, null))))
                .hasMessageContaining("spike factor must be above 1");
        assertThatThrownBy(() -> SubscriptionMatcher.validate(onQuotes("s", null, null, "BULLISH", null)))
                .hasMessageContaining("stance must be one of");
        assertThatThrownBy(() -> SubscriptionMatcher.validate(subscription("s", "a", "quote", null, null, null, 1.5, null)))
                .hasMessageContaining("minConfidence");
    }

    @Test
    void shiftSubscriptionsMatchShiftsNotQuotes() {
        SubscriptionMatcher m = matcher(
                subscription("flip", "alice", Subscription.SHIFT, "Grace Isford", null, null, null, null),
                subscription("to-favor", "alice", Subscription.SHIFT, "Grace Isford", null, "FAVOR", null, null),
                subscription("org", "alice", Subscription.SHIFT, null, "Lux Capital", "AGAINST", null, "chips"));
        assertThat(m.matches(shift("Grace Isford", "Lux Capital", "FAVOR", "AGAINST")))
                .extracting(Subscription::id).containsExactlyInAnyOrder("flip", "org");
        assertThat(m.matches(shift("Paul Triolo", "DGA Group", "FAVOR", "AGAINST"))).isEmpty();
        assertThat(m.matches(quote("Grace Isford", "Lux Capital", "AGAINST", 0.9, "chips", ""))).isEmpty();
    }

    @Test
    void testingOneSubscriptionNeedsNoIndex() {
        assertThat(SubscriptionMatcher.test(onQuotes("s", null, "DGA Group", null, "Blackwell AND export"), triolo)).isTrue();
        assertThat(SubscriptionMatcher.test(onQuotes("s", null, "DGA Group", null, "Blackwell AND export"), huang)).isFalse();
    }

    private static java.util.List<String> ids(SubscriptionMatcher m, Quote q) {
        return m.matches(q).stream().map(Subscription::id).toList();
    }
}
