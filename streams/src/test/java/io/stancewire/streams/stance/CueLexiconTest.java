package io.stancewire.streams.stance;

import io.stancewire.streams.stance.CueLexicon.Category;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CueLexiconTest {

    private static final CueLexicon LEXICON = CueLexicon.loadBuiltIn();

    private static List<String> matches(String text) {
        return LEXICON.match(Tokenizer.tokenize(text)).stream().map(m -> m.phrase() + "/" + m.category()).toList();
    }

    @Test
    void theLongestPhraseWins() {
        assertThat(matches("They are closing the gap")).containsExactly("closing the gap/POS_FIXED");
        assertThat(matches("China is catching up")).containsExactly("catching up/POS");
    }

    @Test
    void aWildcardMatchesAnySuffix() {
        assertThat(matches("struggled")).containsExactly("struggl*/NEG");
        assertThat(matches("outperformed")).containsExactly("outperform*/POS");
    }

    @Test
    void fillerPhrasesKeepTheirNegatorFromNegating() {
        assertThat(matches("not only")).containsExactly("not only/FILLER");
    }

    @Test
    void everyCategoryIsUsedByTheBundledLexicons() {
        List<Category> used = LEXICON.match(Tokenizer.tokenize(
                "ahead behind sputnik moment bottleneck gap narrowing widening months years not might if would although "
                        + "but jury is out not only wrong پیچھے نہیں باوجود")).stream().map(CueLexicon.Match::category).toList();
        assertThat(used).contains(Category.POS, Category.NEG, Category.POS_FIXED, Category.NEG_FIXED, Category.GAP,
                Category.SHRINK, Category.WIDEN, Category.SMALL, Category.LARGE, Category.NEGATOR, Category.HEDGE,
                Category.CONDITIONAL, Category.MODAL, Category.CONCESSIVE, Category.CONTRAST, Category.NEUTRAL,
                Category.FILLER, Category.REFUTE, Category.CONCESSIVE_AFTER);
    }
}
