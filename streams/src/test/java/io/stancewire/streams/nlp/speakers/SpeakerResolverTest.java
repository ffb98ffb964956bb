package io.stancewire.streams.nlp.speakers;

import io.stancewire.model.Entity;
import io.stancewire.model.Mention;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Speaker;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.streams.nlp.FoundQuote;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolution against the shared registry, without Kafka and without CoreNLP: speakers as the extractors give them. */
class SpeakerResolverTest {
    static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
    static final List<SpeakerEntry> CURATED = SpeakerIndex.curated(SpeakerRegistry.bundled());

    @Test
    void aNewFullNameGetsTheSameIdOnEveryInstanceAndOneLearnedEntry() {
        String text = "\"Rates will fall,\" said Jane Doe, an analyst at Foo Capital. \"Soon,\" Jane  Doe added.";
        List<FoundQuote> quotes = List.of(
                quote(text, "Rates will fall", speaker("Jane Doe", text, "Foo Capital", "analyst")),
                quote(text, "Soon", speaker("Jane  Doe", text, null, null)));

        // two instances with their own index, neither knowing her: no coordination, same id
        SpeakerResolver.Resolved first = new SpeakerResolver(SpeakerIndex.of(CURATED)).resolve(text, quotes, List.of(), "a1", NOW);
        SpeakerResolver.Resolved second = new SpeakerResolver(SpeakerIndex.of(CURATED)).resolve(text, quotes, List.of(), "a2", NOW);

        String id = first.quotes().get(0).speaker().id();
        assertThat(id).isEqualTo(ArticleSpeakers.idFor("PERSON", "jane doe")).isEqualTo(second.quotes().get(0).speaker().id());
        assertThat(first.quotes()).extracting(q -> q.speaker().id()).containsOnly(id);
        assertThat(first.newEntries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.name()).isEqualTo("Jane Doe");
            assertThat(e.affiliation()).isEqualTo("Foo Capital");
            assertThat(e.role()).isEqualTo("analyst");
            assertThat(e.source()).isEqualTo(SpeakerEntry.LEARNED);
            assertThat(e.firstArticleId()).isEqualTo("a1");
            assertThat(e.firstSeenAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aKnownSpeakerIsNotProposedAgain() {
        SpeakerIndex index = SpeakerIndex.of(CURATED);
        index.put(learned("Jane Doe", "Foo Capital"));
        String text = "\"Rates will fall,\" said Jane Doe.";
        SpeakerResolver.Resolved r = new SpeakerResolver(index)
                .resolve(text, List.of(quote(text, "Rates will fall", speaker("Jane Doe", text, null, null))), List.of(), "a3", NOW);
        assertThat(r.newEntries()).isEmpty();
        assertThat(r.quotes().get(0).speaker().affiliation()).isEqualTo("Foo Capital");
    }

    @Test
    void aLaterSurnameResolvesToTheRegisteredPersonWhenTheArticleNamesTheirAffiliation() {
        SpeakerIndex index = SpeakerIndex.of(CURATED);
        index.put(learned("Jane Doe", "Foo Capital"));
        index.put(learned("John Doe", "Bar Bank"));
        String text = "Foo Capital expects cuts. \"Rates will fall,\" Doe said.";
        Speaker doe = speaker("Doe", text, null, null);
        Entity doeEntity = new Entity(doe.id(), "PERSON", "Doe", List.of(doe.mention()));

        SpeakerResolver.Resolved r = new SpeakerResolver(index)
                .resolve(text, List.of(quote(text, "Rates will fall", doe)), List.of(doeEntity), "a4", NOW);

        Speaker resolved = r.quotes().get(0).speaker();
        assertThat(resolved.id()).isEqualTo(ArticleSpeakers.idFor("PERSON", "Jane Doe"));
        assertThat(resolved.name()).isEqualTo("Jane Doe");
        assertThat(resolved.affiliation()).isEqualTo("Foo Capital");
        assertThat(resolved.mention()).isEqualTo(doe.mention()); // still where the article printed it
        assertThat(r.entities()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(resolved.id());
            assertThat(e.mentions()).containsExactly(doe.mention());
        });
        assertThat(r.newEntries()).isEmpty();
    }

    @Test
    void twoRegisteredPeopleWithTheSurnameAndNothingToTellThemApartAreNotMerged() {
        SpeakerIndex index = SpeakerIndex.of(CURATED);
        index.put(learned("Jane Doe", "Foo Capital"));
        index.put(learned("John Doe", "Bar Bank"));
        String text = "\"Rates will fall,\" Doe said.";
        Speaker doe = speaker("Doe", text, null, null);

        SpeakerResolver.Resolved r = new SpeakerResolver(index).resolve(text, List.of(quote(text, "Rates will fall", doe)), List.of(), "a5", NOW);

        assertThat(r.quotes().get(0).speaker()).isEqualTo(doe);
        assertThat(r.newEntries()).isEmpty(); // a surname alone is nobody new either
    }

    @Test
    void aUniqueSurnameResolvesUnlessTheArticleGivesAnotherAffiliation() {
        SpeakerIndex index = SpeakerIndex.of(CURATED);
        index.put(learned("Jane Doe", "Foo Capital"));
        String plain = "\"Rates will fall,\" Doe said.";
        String elsewhere = "\"Rates will fall,\" said Doe, an economist at Baz University.";

        Speaker unique = new SpeakerResolver(index).resolve(plain,
                List.of(quote(plain, "Rates will fall", speaker("Doe", plain, null, null))), List.of(), "a6", NOW).quotes().get(0).speaker();
        Speaker other = new SpeakerResolver(index).resolve(elsewhere,
                List.of(quote(elsewhere, "Rates will fall", speaker("Doe", elsewhere, "Baz University", "economist"))), List.of(), "a7", NOW)
                .quotes().get(0).speaker();

        assertThat(unique.id()).isEqualTo(ArticleSpeakers.idFor("PERSON", "Jane Doe"));
        assertThat(other.id()).isEqualTo(ArticleSpeakers.idFor("PERSON", "Doe"));
        assertThat(other.name()).isEqualTo("Doe");
    }

    @Test
    void anUrduSurnameInALaterArticleResolvesToTheCuratedPerson() {
        // "ٹریولو نے کہا" in an article naming DGA Group in Urdu script, with the Arabic yeh (ي) some sites print
        String text = "ڈی جی اے گروپ کے مطابق \"چین آگے ہے\"، ٹريولو نے کہا۔";
        int at = text.indexOf("ٹريولو");
        Speaker triolo = new Speaker(ArticleSpeakers.idFor("PERSON", "ٹريولو"), "ٹريولو", new Mention(at, at + 6, "ٹريولو"),
                null, null, "PERSON");
        SpeakerIndex index = SpeakerIndex.of(CURATED);
        index.put(learned("Maria Triolo", "Acme Chips")); // a second Triolo, in Latin script only

        Speaker resolved = new SpeakerResolver(index).resolve(text, List.of(quote(text, "چین آگے ہے", triolo)), List.of(), "a8", NOW)
                .quotes().get(0).speaker();

        assertThat(resolved.id()).isEqualTo("person:paul-triolo");
        assertThat(resolved.name()).isEqualTo("Paul Triolo");
        assertThat(resolved.affiliation()).isEqualTo("DGA Group");
    }

    @Test
    void aLatinSurnameSharedByTwoPeopleNeedsTheAffiliation() {
        SpeakerIndex index = SpeakerIndex.of(CURATED);
        index.put(learned("Maria Triolo", "Acme Chips"));
        String text = "Acme Chips shipped early. \"Demand is strong,\" Triolo said.";
        Speaker resolved = new SpeakerResolver(index)
                .resolve(text, List.of(quote(text, "Demand is strong", speaker("Triolo", text, null, null))), List.of(), "a9", NOW)
                .quotes().get(0).speaker();
        assertThat(resolved.name()).isEqualTo("Maria Triolo");
    }

    @Test
    void theIndexForgetsARemovedEntryAndItsSpellings() {
        SpeakerIndex index = SpeakerIndex.of(CURATED);
        SpeakerEntry jane = learned("Jane Doe", "Foo Capital");
        index.put(jane);
        index.put(new SpeakerEntry(SchemaVersion.CURRENT, jane.id(), "PERSON", "Jane Q. Roe", List.of(), "Foo Capital", null,
                SpeakerEntry.LEARNED, NOW, "a1"));
        assertThat(index.bySurname("Doe")).isEmpty();
        assertThat(index.bySurname("Roe")).extracting(SpeakerEntry::id).containsExactly(jane.id());
        index.remove(jane.id());
        assertThat(index.byFullName("Jane Q. Roe")).isEmpty();
        assertThat(index.byId(jane.id())).isEmpty();
        assertThat(index.size()).isEqualTo(CURATED.size());
    }

    static SpeakerEntry learned(String name, String affiliation) {
        return new SpeakerEntry(SchemaVersion.CURRENT, ArticleSpeakers.idFor("PERSON", name), "PERSON", name, List.of(),
                affiliation, null, SpeakerEntry.LEARNED, NOW, "earlier");
    }

    /** The speaker as {@link ArticleSpeakers} gives it for a name it cannot resolve further: id of the printed name. */
    @Test
    void groupsAndDocumentsAreNotRegistered() {
        String text = "Some economists warned that rates would rise. The earnings report stated that sales fell.";
        Speaker economists = new Speaker(null, "Some economists", new Mention(0, 15, "Some economists"), null, null, "GROUP");
        Speaker report = new Speaker(null, "The earnings report", new Mention(46, 65, "The earnings report"), null, null, "DOCUMENT");
        List<FoundQuote> quotes = List.of(quote(text, "rates would rise", economists), quote(text, "sales fell", report));

        SpeakerResolver.Resolved r = new SpeakerResolver(SpeakerIndex.of(CURATED)).resolve(text, quotes, List.of(), "a9", NOW);

        assertThat(r.newEntries()).isEmpty();
        assertThat(r.quotes()).extracting(q -> q.speaker().id()).containsOnlyNulls();
        assertThat(r.quotes()).extracting(q -> q.speaker().name()).containsExactly("Some economists", "The earnings report");
    }

    static Speaker speaker(String name, String text, String affiliation, String role) {
        String printed = name.replaceAll("\\s+", " ");
        int at = text.replaceAll("  ", " ").indexOf(printed);
        return new Speaker(ArticleSpeakers.idFor("PERSON", name), printed, new Mention(at, at + printed.length(), printed),
                affiliation, role, "PERSON");
    }

    static FoundQuote quote(String text, String content, Speaker speaker) {
        int at = text.indexOf(content);
        return new FoundQuote(at, at + content.length(), content, FoundQuote.DIRECT, speaker, "said", text);
    }

}
