package io.stancewire.streams.nlp;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cues added after the `fresh3` held-out articles were measured once (docs/quotes.md): commitments with an infinitive
 * ("vowed to …"), advice to someone ("advises X to …"), "called for X to …", and reported speech whose only verb is a
 * contraction with a typographic apostrophe ("it’s"). Invented sentences, not the evaluation's.
 */
class EnglishCommitmentCuesTest {

    @Test
    void aVowIsWhatTheSpeakerCommitsTo() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Mayor Ellen Brooks vowed to veto any budget that cuts library hours.");
        assertThat(q.kind()).isEqualTo(FoundQuote.INDIRECT);
        assertThat(q.text()).isEqualTo("to veto any budget that cuts library hours");
        assertThat(q.cue()).isEqualTo("vowed");
        assertThat(q.speaker().mention().text()).isEqualTo("Ellen Brooks");
    }

    @Test
    void aPromiseOfANounIsNoAttribution() {
        assertThat(SharedAnalyzer.englishQuotes("Senator Tom Reyes promised a vote on the bill next week.")).isEmpty();
    }

    @Test
    void adviceToSomeoneIsTheOneAdvisedAndTheAct() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Dr. Amy Patel advises parents of young children to keep them home when they have a fever.");
        assertThat(q.text()).isEqualTo("parents of young children to keep them home when they have a fever");
        assertThat(q.speaker().mention().text()).isEqualTo("Amy Patel");
    }

    @Test
    void callingForSomeoneToActIsAnAppealButCallingForAThingIsNot() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Carla Diaz called for the board to release the audit before the election.");
        assertThat(q.text()).isEqualTo("the board to release the audit before the election");
        assertThat(q.speaker().mention().text()).isEqualTo("Carla Diaz");
        assertThat(SharedAnalyzer.englishQuotes("Carla Diaz called for a ban on the pesticide in the county parks.")).isEmpty();
    }

    @Test
    void aContractionWithATypographicApostropheIsTheClausesVerb() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("However, Dr. Lena Ortiz, chief medical officer for the clinic, says it’s too early to "
                + "determine the cause of the outbreak.");
        assertThat(q.text()).isEqualTo("it’s too early to determine the cause of the outbreak");
        assertThat(q.speaker().mention().text()).isEqualTo("Lena Ortiz");
    }
}
