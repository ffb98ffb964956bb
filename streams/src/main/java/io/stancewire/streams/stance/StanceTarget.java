package io.stancewire.streams.stance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a stance is taken on. Targets are configuration, not code: a JSON array of these objects (see
 * {@code stance/targets.json}) adds a target such as "US AI leadership" with its own terms and training file.
 *
 * @param name             short id written into {@code Stance.target}, e.g. {@code china-ai-competitiveness}
 * @param description      what FAVOR and AGAINST mean for this target, for people reading the index
 * @param relevanceTerms   entities whose standing is judged (China, Huawei, DeepSeek …); a quote whose text and
 *                         context mention none of them is NONE. A trailing {@code *} matches any suffix.
 * @param trainingResource labelled JSONL ({@code quote, context, speaker, affiliation, label}); {@code classpath:}
 *                         for a bundled resource, else a file path (relative paths resolve against the config file)
 * @param rivalTerms       the other side of the comparison (the US, Nvidia, OpenAI …): "the US is ahead" is
 *                         unfavourable to the subject, so cues whose agent is a rival flip
 * @param topicTerms       words of the target's domain (AI, chips, export controls …)
 * @param firstPersonSide  whose side "we/us/our" is on when the speaker's affiliation does not say:
 *                         {@code RIVAL} for China's AI (most quoted speakers are Western), {@code SUBJECT} otherwise
 */
public record StanceTarget(
        String name,
        String description,
        List<String> relevanceTerms,
        String trainingResource,
        List<String> rivalTerms,
        List<String> topicTerms,
        Side firstPersonSide) {

    public enum Side { SUBJECT, RIVAL }

    private static final String BUILT_IN = "stance/targets.json";
    private static final String CLASSPATH = "classpath:";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public StanceTarget {
        Objects.requireNonNull(name, "target name");
        Objects.requireNonNull(trainingResource, "trainingResource of target " + name);
        if (relevanceTerms == null || relevanceTerms.isEmpty()) {
            throw new IllegalArgumentException("target " + name + " needs relevanceTerms");
        }
        description = description == null ? "" : description;
        relevanceTerms = List.copyOf(relevanceTerms);
        rivalTerms = rivalTerms == null ? List.of() : List.copyOf(rivalTerms);
        topicTerms = topicTerms == null ? List.of() : List.copyOf(topicTerms);
        firstPersonSide = firstPersonSide == null ? Side.SUBJECT : firstPersonSide;
    }

    /** The default target, China's AI competitiveness, shipped in the module's resources. */
    public static StanceTarget chinaAi() {
        return builtIn().stream()
                .filter(t -> t.name().equals("china-ai-competitiveness"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(BUILT_IN + " lacks china-ai-competitiveness"));
    }

    /** Built-in targets, then the user's from {@code configFileOrNull} (a JSON array); a user target may replace a built-in of the same name. */
    public static List<StanceTarget> loadAll(Path configFileOrNull) {
        List<StanceTarget> targets = new ArrayList<>(builtIn());
        if (configFileOrNull != null) {
            for (StanceTarget user : fromFile(configFileOrNull)) {
                targets.removeIf(t -> t.name().equals(user.name()));
                targets.add(user);
            }
        }
        return List.copyOf(targets);
    }

    private static List<StanceTarget> builtIn() {
        try (InputStream in = resource(BUILT_IN)) {
            return List.copyOf(JSON.readValue(in, new TypeReference<List<StanceTarget>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in stance targets " + BUILT_IN, e);
        }
    }

    private static List<StanceTarget> fromFile(Path config) {
        List<StanceTarget> parsed;
        try {
            parsed = JSON.readValue(config.toFile(), new TypeReference<List<StanceTarget>>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read stance targets from " + config + ": " + e.getMessage(), e);
        }
        Path dir = config.toAbsolutePath().getParent();
        List<StanceTarget> resolved = new ArrayList<>();
        for (StanceTarget t : parsed) {
            String training = t.trainingResource();
            if (!training.startsWith(CLASSPATH) && !Path.of(training).isAbsolute()) {
                training = dir.resolve(training).toString();
            }
            resolved.add(new StanceTarget(t.name(), t.description(), t.relevanceTerms(), training,
                    t.rivalTerms(), t.topicTerms(), t.firstPersonSide()));
        }
        return resolved;
    }

    /** Opens the labelled training data of this target. */
    InputStream openTraining() throws IOException {
        if (trainingResource.startsWith(CLASSPATH)) {
            return resource(trainingResource.substring(CLASSPATH.length()));
        }
        return Files.newInputStream(Path.of(trainingResource));
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = StanceTarget.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource on the classpath: " + name);
        }
        return in;
    }
}
