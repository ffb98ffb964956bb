package io.stancewire.producer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NearDuplicatesTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = NearDuplicatesTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void syndicatedCopyWithSmallEditsIsFoundAndOtherStoriesAreNot() throws IOException {
        String original = resource("urdu-article.expected.txt");
        // What a second outlet does to a wire story: its own first line, a dropped paragraph, a tagline.
        String[] paragraphs = original.split("\n\n");
        StringBuilder copy = new StringBuilder("(ویب ڈیسک) ");
        for (int i = 0; i < paragraphs.length; i++) {
            if (i != 7) {
                copy.append(paragraphs[i]).append("\n\n");
            }
        }
        copy.append("مزید خبروں کے لیے ہمیں فالو کریں۔");
        String other = resource("english-article.expected.txt");

        NearDuplicates index = new NearDuplicates();
        index.add("original", NearDuplicates.simhash(original).orElseThrow());
        long copyHash = NearDuplicates.simhash(copy.toString()).orElseThrow();
        assertThat(index.find(copyHash, "copy")).contains("original");
        assertThat(index.find(NearDuplicates.simhash(original).orElseThrow(), "original")).isEmpty();
        assertThat(index.find(NearDuplicates.simhash(other + " " + other).orElseThrow(), "other")).isEmpty();
        // The first half of the story is another text, not a copy.
        String half = String.join("\n\n", java.util.Arrays.copyOf(paragraphs, paragraphs.length / 2));
        assertThat(index.find(NearDuplicates.simhash(half).orElseThrow(), "half")).isEmpty();
    }

    @Test
    void shortTextsAreNotCompared() {
        assertThat(NearDuplicates.simhash("Breaking: markets fall sharply after the announcement.")).isEmpty();
    }
}
