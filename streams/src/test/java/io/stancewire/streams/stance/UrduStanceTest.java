package io.stancewire.streams.stance;

import io.stancewire.model.Stance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Urdu quotes go through the Urdu cue lexicon into the same features as English ones. The seed article's passages
 * are not in the training data; this test reads them from the shared data.
 */
class UrduStanceTest {

    private static StanceClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = StanceClassifier.load(StanceTarget.chinaAi());
    }

    private record Passage(String quote, String paragraph) {}

    private static List<Passage> seedPassages() throws IOException {
        String text = Files.readString(SharedData.require("seed/000_cd94984f32fb857e.txt"));
        List<Passage> passages = new ArrayList<>();
        Matcher m = Pattern.compile("“([^”]*)”").matcher(text);
        while (m.find()) {
            int start = Math.max(0, text.lastIndexOf('\n', m.start()));
            int end = text.indexOf('\n', m.end());
            passages.add(new Passage(m.group(1), text.substring(start, end < 0 ? text.length() : end)));
        }
        return passages;
    }

    private static Stance classify(Passage p) {
        return classifier.classify(p.quote(), p.paragraph(), null);
    }

    @Test
    void triolosGrowingHardwareGapIsAgainst() throws IOException {
        Passage triolo = seedPassages().stream().filter(p -> p.quote().contains("فرق")).findFirst().orElseThrow();
        Stance stance = classify(triolo);
        assertThat(stance.label()).isEqualTo("AGAINST");
        assertThat(stance.evidence()).contains("فرق");
    }

    @Test
    void theSeedsClearlyFavourablePassagesAreFavor() throws IOException {
        List<Passage> passages = seedPassages();
        assertThat(passages).hasSize(13);
        // Qwen's popularity, Qwen among the best, strong and cheap Chinese open source, sufficient compute,
        // Baidu's own infrastructure, "won't stop China"
        List<String> markers = List.of("مقبولیت", "بہترین کارکردگی", "مضبوط کارکردگی", "کافی رسائی", "Baidu", "نہیں روکے گا");
        for (String marker : markers) {
            Passage p = passages.stream().filter(x -> x.quote().contains(marker)).findFirst().orElseThrow();
            Stance stance = classify(p);
            assertThat(stance.label()).as(p.quote()).isEqualTo("FAVOR");
            assertThat(stance.evidence()).as(p.quote()).isNotEmpty();
        }
        long favor = passages.stream().map(UrduStanceTest::classify).filter(s -> s.label().equals("FAVOR")).count();
        assertThat(favor).isGreaterThan(passages.size() / 2);
    }

    @Test
    void urduNegationAfterThePredicateFlipsIt() {
        assertThat(classifier.classify("چینی کمپنیاں اب امریکہ سے پیچھے نہیں ہیں۔", null, null).label()).isEqualTo("FAVOR");
        assertThat(classifier.classify("چینی کمپنیاں امریکہ سے بہت پیچھے ہیں۔", null, null).label()).isEqualTo("AGAINST");
    }

    @Test
    void urduTextTypedWithArabicLettersMatchesTheSameCues() {
        // Arabic yeh (ي) and kaf (ك) instead of the Urdu forms
        String arabicTyped = "چيني کمپنياں امريكہ سے بہت پيچھے ہيں۔";
        assertThat(classifier.classify(arabicTyped, null, null).label()).isEqualTo("AGAINST");
    }
}
