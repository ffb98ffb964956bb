package io.stancewire.streams.stance;

import io.stancewire.model.Stance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StanceTargetTest {

    @Test
    void theDefaultTargetIsChinasAiCompetitiveness() {
        StanceTarget t = StanceTarget.chinaAi();
        assertThat(t.name()).isEqualTo("china-ai-competitiveness");
        assertThat(t.relevanceTerms()).contains("china", "huawei", "deepseek", "چین");
        assertThat(t.firstPersonSide()).isEqualTo(StanceTarget.Side.RIVAL);
        assertThat(StanceTarget.loadAll(null)).containsExactly(t);
    }

    /** A user adds "US AI leadership" with its own terms and training file, without code changes. */
    @Test
    void aUserTargetIsLoadedFromConfigurationAndClassifies(@TempDir Path dir) throws IOException {
        StringBuilder training = new StringBuilder();
        String[][] rows = {
                {"America leads the world in AI.", "FAVOR"},
                {"US labs remain well ahead of everyone.", "FAVOR"},
                {"American chips are the best in the world.", "FAVOR"},
                {"Silicon Valley keeps winning the AI race.", "FAVOR"},
                {"The US is losing its edge in AI.", "AGAINST"},
                {"American labs are falling behind.", "AGAINST"},
                {"US AI companies are constrained by power shortages.", "AGAINST"},
                {"The American lead is shrinking.", "AGAINST"},
                {"It is unclear whether the US can keep its lead.", "NEUTRAL"},
                {"Both the US and Europe invest in AI.", "NEUTRAL"},
                {"American AI policy is being debated in Congress.", "NEUTRAL"},
                {"The weather in Ohio is mild.", "NONE"},
                {"The US team won the match.", "NONE"},
        };
        for (String[] r : rows) {
            training.append("{\"quote\":\"").append(r[0]).append("\",\"label\":\"").append(r[1]).append("\"}\n");
        }
        Files.writeString(dir.resolve("us-ai.jsonl"), training);
        Path config = dir.resolve("targets.json");
        Files.writeString(config, """
                [{"name": "us-ai-leadership", "description": "The US leads in AI",
                  "relevanceTerms": ["US", "america", "american", "silicon valley"],
                  "rivalTerms": ["china", "chinese", "europe"], "topicTerms": ["ai", "chips", "labs"],
                  "firstPersonSide": "SUBJECT", "trainingResource": "us-ai.jsonl"}]
                """);

        List<StanceTarget> all = StanceTarget.loadAll(config);
        assertThat(all).extracting(StanceTarget::name).containsExactly("china-ai-competitiveness", "us-ai-leadership");
        StanceTarget us = all.get(1);
        assertThat(us.trainingResource()).isEqualTo(dir.resolve("us-ai.jsonl").toString());

        StanceClassifier classifier = StanceClassifier.load(us);
        Stance favor = classifier.classify("American models are far ahead of Chinese ones.", null, null);
        assertThat(favor.target()).isEqualTo("us-ai-leadership");
        assertThat(favor.label()).isEqualTo("FAVOR");
        // the same sentence is unfavourable to China's AI
        assertThat(StanceClassifier.load(StanceTarget.chinaAi())
                .classify("American models are far ahead of Chinese ones.", null, null).label()).isEqualTo("AGAINST");
    }

    @Test
    void aBrokenConfigurationIsAClearError(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("targets.json");
        Files.writeString(config, "[{\"name\": \"x\", \"trainingResource\": \"x.jsonl\"}]");
        assertThatThrownBy(() -> StanceTarget.loadAll(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(config.toString());
    }

    @Test
    void aMissingTrainingFileIsAClearError(@TempDir Path dir) {
        StanceTarget t = new StanceTarget("t", "", List.of("x"), dir.resolve("missing.jsonl").toString(),
                List.of(), List.of(), StanceTarget.Side.SUBJECT);
        assertThatThrownBy(() -> StanceClassifier.load(t)).hasMessageContaining("training data of stance target t");
    }
}
