package io.stancewire.streams.nlp.speakers;

import io.stancewire.model.Mention;
import io.stancewire.model.Speaker;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerRegistryTest {
    private final SpeakerRegistry bundled = SpeakerRegistry.bundled();

    @Test
    void fullAliasesInAnyScriptGiveTheCanonicalEntry() {
        assertThat(bundled.byFullName("پال ٹریولو")).map(SpeakerRegistry.Entry::name).contains("Paul Triolo");
        assertThat(bundled.byFullName("Paul  Triolo")).map(SpeakerRegistry.Entry::id).contains("person:paul-triolo");
        // Arabic-script letter variants (ي for ی) are folded before matching.
        assertThat(bundled.byFullName("گريس اسفورڈ")).map(SpeakerRegistry.Entry::name).contains("Grace Isford");
        assertThat(bundled.byShortName("Asford")).map(SpeakerRegistry.Entry::name).contains("Grace Isford");
    }

    @Test
    void aSurnameResolvesOnlyAfterTheArticleIntroducedTheFullName() {
        String text = "Wang spoke first. Later Tiezhen Wang said more, and Wang added a point.";
        ArticleSpeakers speakers = new ArticleSpeakers(bundled, text);
        int first = text.indexOf("Wang");
        int third = text.lastIndexOf("Wang");
        Speaker early = speakers.resolve("Wang", new Mention(first, first + 4, "Wang"), "PERSON", null, null, false);
        Speaker late = speakers.resolve("Wang", new Mention(third, third + 4, "Wang"), "PERSON", null, null, false);
        assertThat(early.name()).isEqualTo("Wang");
        assertThat(early.id()).isNotEqualTo("person:tiezhen-wang");
        assertThat(late.name()).isEqualTo("Tiezhen Wang");
        assertThat(late.affiliation()).isEqualTo("Hugging Face");
        assertThat(speakers.registryMentions()).extracting(SpeakerRegistry.Hit::begin)
                .containsExactly(text.indexOf("Tiezhen Wang"), third);
    }

    @Test
    void peopleOutsideTheRegistryResolveByTheirEarlierFullName() {
        ArticleSpeakers speakers = new ArticleSpeakers(SpeakerRegistry.of(List.of()), "");
        Speaker full = speakers.resolve("Helen Okafor", null, "PERSON", "Brookings", "fellow", true);
        Speaker surname = speakers.resolve("Okafor", null, "PERSON", null, null, true);
        assertThat(surname.name()).isEqualTo("Helen Okafor");
        assertThat(surname.id()).isEqualTo(full.id());
        assertThat(surname.affiliation()).isEqualTo("Brookings");
    }

    @Test
    void anEditedRegistryFileReplacesTheBundledOne() throws Exception {
        Path file = Files.createTempFile("speakers", ".json");
        Files.writeString(file, """
                {"entities": [{"id": "person:x", "type": "PERSON", "name": "Ada Example", "aliases": ["ایڈا مثال"],
                               "shortAliases": ["Example"]}]}
                """);
        SpeakerRegistry custom = SpeakerRegistry.load(file);
        assertThat(custom.byFullName("ایڈا مثال")).map(SpeakerRegistry.Entry::name).contains("Ada Example");
        assertThat(custom.byFullName("Paul Triolo")).isEmpty();
        Files.delete(file);
    }
}
