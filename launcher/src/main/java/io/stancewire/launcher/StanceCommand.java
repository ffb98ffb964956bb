package io.stancewire.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancewire.model.Json;
import io.stancewire.model.Stance;
import io.stancewire.streams.stance.StanceClassifier;
import io.stancewire.streams.stance.StanceEvaluation;
import io.stancewire.streams.stance.StanceTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "stance", mixinStandardHelpOptions = true,
        description = {"Label quotes with their stance on a target, without Kafka.",
                "Reads JSON Lines {\"id\", \"quote\", \"context\"?, \"speaker\"?} from the files given (or standard input) and writes",
                "{\"id\", \"label\", \"confidence\", \"evidence\"} per line. Labels: FAVOR, AGAINST, NEUTRAL, NONE.",
                "With --eval FILE (labelled JSON Lines with a \"label\" field) it prints accuracy, per-class P/R/F1 and macro-F1."})
final class StanceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Input files (default: standard input).")
    List<Path> files = List.of();

    @Option(names = "--target", paramLabel = "NAME", defaultValue = "china-ai-competitiveness",
            description = "Stance target (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_TARGET.")
    String target;

    @Option(names = "--targets", paramLabel = "FILE",
            description = "A JSON file of extra targets (name, description, relevanceTerms, trainingResource, ...). Env: STANCEWIRE_TARGETS.")
    Path targets;

    @Option(names = "--eval", paramLabel = "FILE", description = "Evaluate on a labelled file and print the scores.")
    Path eval;

    record Labelled(String id, String label, double confidence, List<String> evidence) {}

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws Exception {
        StanceTarget chosen = StanceTarget.loadAll(targets).stream().filter(t -> t.name().equals(target)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stance target named " + target + "; known: "
                        + StanceTarget.loadAll(targets).stream().map(StanceTarget::name).toList()));
        StanceClassifier classifier = StanceClassifier.load(chosen);
        if (eval != null) {
            out.println(StanceEvaluation.evaluate(classifier, eval).format());
            return 0;
        }
        int errors = 0;
        if (files.isEmpty()) {
            errors += label(classifier, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), "stdin");
        }
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                errors += label(classifier, reader, file.toString());
            }
        }
        return errors == 0 ? 0 : 2;
    }

    private int label(StanceClassifier classifier, BufferedReader reader, String source) throws IOException {
        int errors = 0;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = Json.MAPPER.readTree(line);
                if (!node.hasNonNull("quote")) {
                    throw new IllegalArgumentException("no \"quote\" field");
                }
                Stance stance = classifier.classify(node.get("quote").asText(), text(node, "context"), text(node, "speaker"));
                String id = node.hasNonNull("id") ? node.get("id").asText() : source + ":" + lineNumber;
                out.println(Json.writeString(new Labelled(id, stance.label(), stance.confidence(), stance.evidence())));
            } catch (IOException | IllegalArgumentException e) {
                errors++;
                System.err.println("stancewire stance: " + source + " line " + lineNumber + " skipped: " + e.getMessage());
            }
        }
        return errors;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
