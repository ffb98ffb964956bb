package io.stancewire.streams.nlp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round 5, after the `fresh4` held-out articles were measured once (docs/quotes.md): subjects the rules did not see
 * (a speech verb coordinated after another verb, "went on to say", a role with no one named, a country, an office
 * that speaks for its owner, a participial phrase before "also said"), cues they did not know ("hailed X as",
 * ", calling X Y", "expected X to", "As one economist put it,", "reiterated the … stance that"), a sentence closed by
 * its attribution and a second attribution in an "as" clause. Invented sentences, not the evaluation's.
 */
class EnglishRoundFiveCuesTest {

    @Test
    void aSpeechVerbCoordinatedAfterAnotherVerbHasThatVerbsSubject() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Maria Lopez, a nurse at the clinic, praised the new schedule and said "
                + "it gave staff more time with patients.");
        assertThat(q.text()).isEqualTo("it gave staff more time with patients");
        assertThat(q.cue()).isEqualTo("said");
        assertThat(q.speaker().mention().text()).isEqualTo("Maria Lopez");
    }

    @Test
    void aSecondConjunctTheTaggerReadsAsAParticipleStillSpeaks() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("The governor later criticised Senator Ann Price publicly and called for her "
                + "to resign from the committee.");
        assertThat(q.text()).isEqualTo("her to resign from the committee");
        assertThat(q.speaker().mention().text()).isEqualTo("governor");
    }

    @Test
    void aCoordinatedVerbOfAnotherClauseFindsNoSubject() {
        assertThat(SharedAnalyzer.englishQuotes("The bridge that the county repaired collapsed and warned everyone about the river.")).isEmpty();
    }

    @Test
    void wentOnToSayIsTheSubjectsSpeech() {
        List<FoundQuote> quotes = SharedAnalyzer.englishQuotes("Governor Tom Walsh thanked the volunteers. He went on to say that "
                + "the state would cover the cost of the cleanup.");
        assertThat(quotes).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("the state would cover the cost of the cleanup");
            assertThat(q.cue()).isEqualTo("say");
            assertThat(q.speaker().name()).isEqualTo("Tom Walsh");
        });
    }

    @Test
    void declinedToSayIsNoAttribution() {
        assertThat(SharedAnalyzer.englishQuotes("Governor Tom Walsh declined to say whether the state would cover the cost "
                + "of the cleanup.")).isEmpty();
    }

    @Test
    void hailingSomethingAsSomethingIsACharacterisation() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Union leader Karen Diaz hailed the agreement as a victory for working families.");
        assertThat(q.text()).isEqualTo("the agreement as a victory for working families");
        assertThat(q.cue()).isEqualTo("hailed");
        assertThat(q.speaker().mention().text()).isEqualTo("Karen Diaz");
    }

    @Test
    void callingSomethingSomethingAfterACommaIsTheSubjectsCharacterisation() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("The opposition senator criticised the plan on Monday, calling it a "
                + "reckless gamble with public money.");
        assertThat(q.text()).isEqualTo("it a reckless gamble with public money");
        assertThat(q.cue()).isEqualTo("calling");
        assertThat(q.speaker().mention().text()).endsWith("senator");
    }

    @Test
    void aRoleNoOneWasNamedForIsAnUnnamedSource() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("The foreign minister said the talks would continue next month in Geneva.");
        assertThat(q.text()).isEqualTo("the talks would continue next month in Geneva");
        assertThat(q.speaker().mention().text()).isEqualTo("foreign minister");
        assertThat(q.speaker().type()).isEqualTo("GROUP");
    }

    @Test
    void aCountryRightBeforeASpeechVerbSpeaksForItsGovernment() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Canada said on Monday that the new tariffs were unfair and would be "
                + "challenged at the trade court.");
        assertThat(q.text()).isEqualTo("the new tariffs were unfair and would be challenged at the trade court");
        assertThat(q.speaker().name()).isEqualTo("Canada");
        assertThat(q.speaker().type()).isEqualTo("ORGANIZATION");
    }

    @Test
    void anOfficeSpeaksForItsOwner() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Germany's finance ministry said the budget would be balanced by next spring.");
        assertThat(q.text()).isEqualTo("the budget would be balanced by next spring");
        assertThat(q.speaker().name()).isEqualTo("Germany's finance ministry");
    }

    @Test
    void anAppositionDescribingAnOrganisationIsNoSource() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("The chief executive of Northwind Bank, the region's biggest bank, warned "
                + "that mortgage rates would rise again.");
        assertThat(q.speaker().mention().text()).doesNotContain("bank");
    }

    @Test
    void aSentenceClosedByItsAttributionIsThatSourcesNotTheInnerSpeakers() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Mayor Ruth Keller says the budget is balanced and the reserves are full, "
                + "her spokeswoman said on Friday.");
        assertThat(q.text()).isEqualTo("Mayor Ruth Keller says the budget is balanced and the reserves are full");
        assertThat(q.speaker().mention().text()).isEqualTo("her spokeswoman");
    }

    @Test
    void aParticipialPhraseAndAnAdverbDoNotHideTheSubject() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("The company, citing weaker demand in Europe, also said it expected to cut "
                + "two thousand jobs next year.");
        assertThat(q.text()).isEqualTo("it expected to cut two thousand jobs next year");
        assertThat(q.speaker().mention().text()).isEqualTo("company");
    }

    @Test
    void anExpectationOfSomeoneDoingSomethingIsABelief() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Most economists had expected the central bank to hold rates steady in March.");
        assertThat(q.text()).isEqualTo("the central bank to hold rates steady in March");
        assertThat(q.cue()).isEqualTo("expected");
    }

    @Test
    void asSomeonePutItAttributesTheQuote() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("As one economist covering the region put it, \"The recovery is real but it is fragile.\"");
        assertThat(q.kind()).isEqualTo(FoundQuote.DIRECT);
        assertThat(q.text()).isEqualTo("The recovery is real but it is fragile.");
        assertThat(q.speaker().mention().text()).contains("economist");
    }

    @Test
    void anAsClauseWithItsOwnSpeechVerbIsASecondRelation() {
        List<FoundQuote> quotes = SharedAnalyzer.englishQuotes("The foreign minister said the talks would continue, as she "
                + "reiterated the government's position that no troops would be sent.");
        assertThat(quotes).extracting(FoundQuote::text).containsExactly("the talks would continue", "no troops would be sent");
        assertThat(quotes.get(1).cue()).isEqualTo("reiterated");
        assertThat(quotes.get(1).speaker().mention().text()).isEqualTo("she");
        assertThat(quotes.get(1).speaker().name()).isEqualTo(quotes.get(0).speaker().name());
    }

    @Test
    void aClosingAttributionBeforeEvenAsEndsTheFirstRelation() {
        List<FoundQuote> quotes = SharedAnalyzer.englishQuotes("Peru is ready to resume the talks, the cabinet spokesman said "
                + "Monday even as he reiterated the government's stance that no deal was near.");
        assertThat(quotes).extracting(FoundQuote::text).containsExactly("Peru is ready to resume the talks", "no deal was near");
        assertThat(quotes.get(0).speaker().mention().text()).contains("spokesman");
        assertThat(quotes.get(1).speaker().mention().text()).isEqualTo("he");
    }

    @Test
    void theyAfterPeopleNamedTogetherIsThosePeople() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Residents Paul Green and Lisa Brown wrote to the council last month. They said "
                + "the new road would bring more noise to the valley.");
        assertThat(q.text()).isEqualTo("the new road would bring more noise to the valley");
        assertThat(q.speaker().mention().text()).isEqualTo("They");
        assertThat(q.speaker().name()).isEqualTo("Paul Green and Lisa Brown");
    }

    @Test
    void theyAfterAGroupSubjectIsThatGroupButTheyAfterThingsIsNoOne() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Nurses at the county hospital walked off the job on Monday morning. They said "
                + "staffing levels had become unsafe for patients.");
        assertThat(q.speaker().name()).isEqualTo("Nurses");
        assertThat(SharedAnalyzer.englishQuotes("The new rules took effect in May. They say nothing about overtime pay for drivers.")).isEmpty();
    }

    @Test
    void aSubjectAfterADatelineIsFound() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("DAYTON, Ohio — Authorities say the fire started in a kitchen on the second floor.");
        assertThat(q.text()).isEqualTo("the fire started in a kitchen on the second floor");
        assertThat(q.speaker().mention().text()).isEqualTo("Authorities");
    }
}
