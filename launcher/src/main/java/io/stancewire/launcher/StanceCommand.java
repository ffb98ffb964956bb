package io.stancewire.launcher;

import io.stancewire.model.Json;
import io.stancewire.model.Stance;
import io.stancewire.streams.stance.StanceClassifier;
import io.stancewire.streams.stance.StanceEvaluation;
import io.stancewire.streams.stance.StanceTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        int skipped = JsonLines.read(files, "stance", (node, fallbackId) -> {
            Stance stance = classifier.classify(JsonLines.required(node, "quote"), JsonLines.text(node, "context"),
                    JsonLines.text(node, "speaker"));
            String id = node.hasNonNull("id") ? node.get("id").asText() : fallbackId;
            out.println(Json.writeString(new Labelled(id, stance.label(), stance.confidence(), stance.evidence())));
        });
        return skipped == 0 ? 0 : 2;
    }

}
