package io.stancewire.streams.stance;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    private static List<String> norms(String text) {
        return Tokenizer.tokenize(text).stream().map(Token::norm).toList();
    }

    @Test
    void contractionsYieldASeparateNegator() {
        assertThat(norms("isn't can't won't don’t")).containsExactly("is", "not", "can", "not", "will", "not", "do", "not");
    }

    @Test
    void abbreviationsKeepTheirDotsAndSentencesEndWithOne() {
        List<Token> tokens = Tokenizer.tokenize("The U.S. leads. China follows.");
        assertThat(tokens).extracting(Token::raw).containsExactly("The", "U.S.", "leads", ".", "China", "follows", ".");
        assertThat(tokens.get(3).punct()).isTrue();
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "Huawei isn't behind.";
        for (Token t : Tokenizer.tokenize(text)) {
            assertThat(text.substring(t.begin(), t.end())).isEqualTo(t.raw());
        }
    }

    @Test
    void urduIsSplitOnItsOwnPunctuationAndNormalised() {
        assertThat(norms("چين، آگے ہے۔")).containsExactly("چین", "،", "آگے", "ہے", "۔");
    }
}
