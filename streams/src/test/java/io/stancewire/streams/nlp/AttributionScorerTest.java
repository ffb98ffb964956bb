package io.stancewire.streams.nlp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scoring rules of the hidden evaluation, on hand-made spans (no NLP involved). */
class AttributionScorerTest {

    private static final String TEXT = "“A is true,” he said, “and B too.” Later Ann Lee said that rates will fall soon.";

    private static AttributionScorer.GoldRelation gold(String content, String source) {
        int b = TEXT.indexOf(content);
        int s = TEXT.indexOf(source);
        return new AttributionScorer.GoldRelation(b, b + content.length(), s, s + source.length(), source, "x");
    }

    private static AttributionScorer.Predicted found(String content, String speaker, String mention) {
        int b = TEXT.indexOf(content);
        int m = mention == null ? -1 : TEXT.indexOf(mention);
        return new AttributionScorer.Predicted(b, b + content.length(), speaker, m < 0 ? null : m,
                m < 0 ? null : m + mention.length(), "x");
    }

    @Test
    void aSplitQuoteWhereTheGoldHasOneCostsAFalsePositive() {
        List<AttributionScorer.GoldRelation> gold = List.of(gold("A is true,” he said, “and B too.", "he"));
        AttributionScorer.Score one = AttributionScorer.score("t", TEXT, gold,
                List.of(found("A is true,” he said, “and B too.", "Bob", "he")), new ArrayList<>());
        AttributionScorer.Score two = AttributionScorer.score("t", TEXT, gold,
                List.of(found("A is true,", "Bob", "he"), found("and B too.", "Bob", "he")), new ArrayList<>());
        assertThat(one.direct()).isEqualTo(new AttributionScorer.Counts(1, 1, 1, 1));
        assertThat(two.direct().matched()).isEqualTo(1);
        assertThat(two.direct().found()).isEqualTo(2);
        assertThat(two.direct().precision()).isEqualTo(0.5);
    }

    @Test
    void overlapCountsAgainstTheShorterSpan() {
        assertThat(AttributionScorer.overlapOfShorter(0, 100, 10, 20)).isEqualTo(1.0);
        assertThat(AttributionScorer.overlapOfShorter(0, 10, 6, 16)).isEqualTo(0.4);
    }

    @Test
    void reportedSpeechIsNotDirectAndCountsOnlyAmongAllRelations() {
        List<AttributionScorer.GoldRelation> gold = List.of(gold("rates will fall soon", "Ann Lee"));
        AttributionScorer.Score s = AttributionScorer.score("t", TEXT, gold,
                List.of(found("rates will fall soon", "Ann Lee", "Ann Lee")), new ArrayList<>());
        assertThat(s.direct().gold()).isZero();
        assertThat(s.direct().found()).isZero();
        assertThat(s.all()).isEqualTo(new AttributionScorer.Counts(1, 1, 1, 1));
    }

    @Test
    void speakerIsRightByMentionOverlapOrASharedNameToken() {
        AttributionScorer.GoldRelation g = gold("rates will fall soon", "Ann Lee");
        assertThat(AttributionScorer.speakerRight(g, found("rates", "Somebody Else", "Ann Lee"))).isTrue();
        assertThat(AttributionScorer.speakerRight(g, found("rates", "Ann Lee", null))).isTrue();
        assertThat(AttributionScorer.speakerRight(g, found("rates", "Lee", "he"))).isTrue();
        assertThat(AttributionScorer.speakerRight(g, found("rates", "Bob Smith", "he"))).isFalse();
        AttributionScorer.GoldRelation pronoun = gold("A is true,” he said, “and B too.", "he");
        assertThat(AttributionScorer.speakerRight(pronoun, found("A", "He Who", null)))
                .as("a pronoun is not a name token").isFalse();
    }

    @Test
    void directMeansMostlyInsideMarks() {
        boolean[] inside = AttributionScorer.insideMarks("He said \"it is over\" today, and so on and on.");
        assertThat(AttributionScorer.direct(inside, 9, 19)).isTrue();
        assertThat(AttributionScorer.direct(inside, 0, 44)).isFalse();
    }
}
