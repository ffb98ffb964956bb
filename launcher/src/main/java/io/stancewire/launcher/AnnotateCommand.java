package io.stancewire.launcher;

import io.stancewire.model.Entity;
import io.stancewire.model.Json;
import io.stancewire.streams.nlp.Analysis;
import io.stancewire.streams.nlp.AnalysisException;
import io.stancewire.streams.nlp.AnalyzerSettings;
import io.stancewire.streams.nlp.ArticleAnalyzer;
import io.stancewire.streams.nlp.FoundQuote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Find quotes, speakers and entities in documents, without Kafka.",
                "Reads JSON Lines {\"doc\": ID, \"text\": TEXT} from the files given (or standard input), or plain-text files",
                "with --plain (the file name is the doc id), and writes one JSON line per document:",
                "{\"doc\", \"language\", \"quotes\": [{\"begin\", \"end\", \"text\", \"speaker\", \"speakerBegin\", \"speakerEnd\", \"kind\", ...}], \"entities\"}.",
                "Offsets are Java String (UTF-16) offsets into the input text. The models load once for all documents."})
final class AnnotateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Input files (default: standard input).")
    List<Path> files = List.of();

    @Option(names = "--plain", description = "Inputs are plain-text files, one document each.")
    boolean plain;

    @Option(names = "--speakers", paramLabel = "FILE", description = "A speaker registry (JSON) replacing the bundled one.")
    Path speakers;

    record QuoteOut(int begin, int end, String text, String speaker, Integer speakerBegin, Integer speakerEnd, String kind,
                    String cue, String affiliation, String role, String speakerId, String context) {}

    /** @param error why the analysis failed, when it did (the document is still written, with no quotes) */
    record DocumentOut(String doc, String language, double languageConfidence, List<QuoteOut> quotes, List<Entity> entities,
                       String error) {}

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws Exception {
        AnalyzerSettings settings = speakers == null ? AnalyzerSettings.defaults() : AnalyzerSettings.defaults().withSpeakerRegistry(speakers);
        int errors = 0;
        try (ArticleAnalyzer analyzer = ArticleAnalyzer.create(settings)) {
            if (plain) {
                for (Path file : files) {
                    errors += emit(analyzer, file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
                return errors == 0 ? 0 : 2;
            }
            int[] failed = {0};
            int skipped = JsonLines.read(files, "annotate", (node, fallbackId) -> {
                String doc = node.hasNonNull("doc") ? node.get("doc").asText() : fallbackId;
                failed[0] += emit(analyzer, doc, JsonLines.required(node, "text"));
            });
            errors += skipped + failed[0];
        }
        return errors == 0 ? 0 : 2;
    }

    /** @return 1 when the analysis failed (the document is written with its error), else 0 */
    private int emit(ArticleAnalyzer analyzer, String doc, String text) {
        try {
            Analysis analysis = analyzer.analyze(text, null);
            out.println(Json.writeString(new DocumentOut(doc, analysis.language(), analysis.languageConfidence(),
                    analysis.quotes().stream().map(AnnotateCommand::toOut).toList(), analysis.entities(), null)));
            return 0;
        } catch (AnalysisException e) {
            out.println(Json.writeString(new DocumentOut(doc, e.language(), 0, List.of(), List.of(), e.getMessage())));
            System.err.println("stancewire annotate: " + doc + ": " + e.getMessage());
            return 1;
        }
    }

    static QuoteOut toOut(FoundQuote q) {
        var s = q.speaker();
        return new QuoteOut(q.begin(), q.end(), q.text(), s == null ? null : s.name(),
                s == null || s.mention() == null ? null : s.mention().begin(),
                s == null || s.mention() == null ? null : s.mention().end(),
                q.kind(), q.cue(), s == null ? null : s.affiliation(), s == null ? null : s.role(), s == null ? null : s.id(), q.context());
    }
}
