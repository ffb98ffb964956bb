package io.stancewire.streams.nlp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attribution patterns added for the second held-out round (docs/quotes.md): speakers behind parentheses,
 * interjected phrases and unclosed appositions, untagged organisations, coordinated subjects, characterising and
 * proposition cues, and a sentence that CoreNLP does not end after "U.S.". Invented sentences, not the evaluation's.
 */
class EnglishAttributionCuesTest {

    private static String mention(FoundQuote q) {
        return q.speaker() == null || q.speaker().mention() == null ? null : q.speaker().mention().text();
    }

    @Test
    void aPartyTagBetweenNameAndVerb() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Sen. Maria Lopez (D-Ariz.) says the water bill will pass the Senate before the recess.");
        assertThat(q.text()).isEqualTo("the water bill will pass the Senate before the recess");
        assertThat(mention(q)).isEqualTo("Maria Lopez");
    }

    @Test
    void anInterjectedParticipialPhraseDoesNotHideTheSubject() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Ana Garcia, speaking to reporters after a hearing at the Capitol, said the agency would "
                + "review its rules by summer.");
        assertThat(q.text()).isEqualTo("the agency would review its rules by summer");
        assertThat(mention(q)).isEqualTo("Ana Garcia");
    }

    @Test
    void anAppositionWithoutItsClosingComma() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("“We will not back down,” Laura Chen, a nurse at the county hospital who joined the picket said.");
        assertThat(q.kind()).isEqualTo(FoundQuote.DIRECT);
        assertThat(mention(q)).isEqualTo("Laura Chen");
    }

    @Test
    void coordinatedSubjectsSpeakTogether() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Now the judge must rule on a case in which the Federal Trade Commission and several state "
                + "regulators argue the merger would raise grocery prices.");
        assertThat(q.text()).isEqualTo("the merger would raise grocery prices");
        assertThat(mention(q)).endsWith("state regulators").contains("Federal Trade Commission");
    }

    @Test
    void accusingSomeoneOfSomethingIsAnAttribution() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Ed Park accused the utility of hiding its losses from ratepayers for three years.");
        assertThat(q.text()).isEqualTo("the utility of hiding its losses from ratepayers for three years");
        assertThat(q.cue()).isEqualTo("accused");
        assertThat(mention(q)).isEqualTo("Ed Park");
    }

    @Test
    void concernsThatHaveTheirOwnSourceInsideAnAccordingTo() {
        FoundQuote q = SharedAnalyzer.onlyEnglishQuote("Economists are raising concerns that the new rules will drive small growers out of "
                + "business, according to a Reuters report.");
        assertThat(q.text()).isEqualTo("the new rules will drive small growers out of business");
        assertThat(mention(q)).isEqualTo("Economists");
    }

    @Test
    void aSentenceEndingInUsEndsThere() {
        List<FoundQuote> found = SharedAnalyzer.englishQuotes("Officials said the plant will move back to the U.S. Analyst Mark Rivera says "
                + "the shift will take years.");
        assertThat(found).extracting(FoundQuote::text)
                .containsExactly("the plant will move back to the U.S.", "the shift will take years");
        assertThat(found).extracting(EnglishAttributionCuesTest::mention).containsExactly("Officials", "Mark Rivera");
    }

    @Test
    void aPossessivePronounIntroducesTheAnswer() {
        List<FoundQuote> found = SharedAnalyzer.englishQuotes("Asked how long the strike would last, union leader Shawn Fain did not hesitate.\n"
                + "His answer: “As long as it takes, and one day longer than the companies can hold out.”");
        FoundQuote q = found.getLast();
        assertThat(q.kind()).isEqualTo(FoundQuote.DIRECT);
        assertThat(mention(q)).isEqualTo("His");
        assertThat(q.speaker().name()).isEqualTo("Shawn Fain");
    }
}
