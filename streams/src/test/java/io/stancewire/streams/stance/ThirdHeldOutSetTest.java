package io.stancewire.streams.stance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The third held-out set ({@code china-ai-heldout3.jsonl}, provenance in {@code HELDOUT.md}) is measured once, at the
 * end of the next round of model work. These tests only guard the file; none of them runs the classifier on it, so
 * nobody sees the model's errors on it before that measurement.
 */
class ThirdHeldOutSetTest {

    private static final String RESOURCE = "/stance/china-ai-heldout3.jsonl";
    /** Same window as the repeat check run when the set was collected: a shared 40-character run is one remark. */
    private static final int NEAR_REPEAT_WINDOW = 40;

    /** If a third-set quote (or a long run of it) reaches the training file, its score would measure memory. */
    @Test
    void theTrainingFileHoldsNoQuoteOfTheThirdHeldOutSet() {
        List<LabelledQuote> training = StanceClassifier.trainingData(StanceTarget.chinaAi());
        Set<String> trainingIds = training.stream().map(LabelledQuote::id).collect(Collectors.toSet());
        Set<String> trainingQuotes = training.stream().map(q -> normalised(q.quote())).collect(Collectors.toSet());
        Set<String> trainingWindows = new HashSet<>();
        training.forEach(q -> trainingWindows.addAll(windows(normalised(q.quote()))));

        assertThat(heldOut3()).hasSize(89).allSatisfy(q -> {
            assertThat(trainingIds).doesNotContain(q.id());
            assertThat(trainingQuotes).doesNotContain(normalised(q.quote()));
            assertThat(windows(normalised(q.quote()))).as("40-character runs of %s", q.id())
                    .doesNotContainAnyElementsOf(trainingWindows);
        });
    }

    /** Each row says where it was printed and why it got its label, so the measurement can be audited later. */
    @Test
    void everyRowIsAReportedQuoteWithItsSourceAndReason() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = lines();
        assertThat(lines).hasSize(89);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode row = json.readTree(lines.get(i));
            assertThat(row.path("id").asText()).isEqualTo("h3-%03d".formatted(i + 1));
            assertThat(row.path("provenance").asText()).isEqualTo(LabelledQuote.REPORTED);
            assertThat(row.path("url").asText()).as(row.path("id").asText()).startsWith("http");
            for (String field : List.of("speaker", "context", "outlet", "date", "why")) {
                assertThat(row.path(field).asText()).as("%s of %s", field, row.path("id").asText()).isNotBlank();
            }
            assertThat(row.path("hard").isBoolean()).as("hard of %s", row.path("id").asText()).isTrue();
        }
    }

    private static Set<String> windows(String text) {
        Set<String> windows = new HashSet<>();
        for (int i = 0; i + NEAR_REPEAT_WINDOW <= text.length(); i++) {
            windows.add(text.substring(i, i + NEAR_REPEAT_WINDOW));
        }
        return windows;
    }

    private static String normalised(String quote) {
        return quote.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static List<LabelledQuote> heldOut3() {
        try (InputStream in = ThirdHeldOutSetTest.class.getResourceAsStream(RESOURCE)) {
            return LabelledQuote.readJsonl(in, "china-ai-heldout3.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines() {
        try (InputStream in = ThirdHeldOutSetTest.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
