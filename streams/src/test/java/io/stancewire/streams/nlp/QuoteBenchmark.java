package io.stancewire.streams.nlp;

import com.sun.management.OperatingSystemMXBean;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.streams.nlp.en.EnglishQuoteExtractor;
import io.stancewire.streams.nlp.lang.LanguageRouter;
import io.stancewire.streams.nlp.speakers.ArticleSpeakers;
import io.stancewire.streams.nlp.speakers.SpeakerIndex;
import io.stancewire.streams.nlp.speakers.SpeakerResolver;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.ToIntFunction;

/**
 * Throughput of the English quote path against CoreNLP's own quote pipeline
 * ({@code tokenize,ssplit,pos,lemma,ner,depparse,coref,quote}) on the same real articles (the TPM corpus in test
 * resources). Run by hand, e.g. from the worktree root:
 * <pre>java -Xmx4g -cp streams/target/classes:streams/target/test-classes:$(cat cp.txt) io.stancewire.streams.nlp.QuoteBenchmark [passes] [--skip-full]</pre>
 * Times are process CPU seconds (Lingua and CoreNLP may use helper threads) and wall seconds, after one warm-up pass.
 */
public final class QuoteBenchmark {

    public static void main(String[] args) throws IOException {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        boolean withFullPipeline = args.length < 2 || !args[1].equals("--skip-full");
        List<String> texts = corpus();
        int tokens = countTokens(texts);
        int chars = texts.stream().mapToInt(String::length).sum();
        System.out.printf("corpus: %d articles, %d chars, %d tokens; %d cores%n", texts.size(), chars, tokens,
                Runtime.getRuntime().availableProcessors());

        LanguageRouter router = new LanguageRouter(true);
        StanfordCoreNLP nerOnly = new StanfordCoreNLP(EnglishQuoteExtractor.pipelineProperties());
        try (ArticleAnalyzer analyzer = ArticleAnalyzer.create(AnalyzerSettings.defaults())) {
            ToIntFunction<String> ours = t -> analyzer.analyze(t, "en").quotes().size();
            ToIntFunction<String> nerAlone = t -> {
                nerOnly.annotate(new Annotation(t));
                return 0;
            };
            // Warm both up first, so that neither pays the JIT's start for the other.
            texts.forEach(ours::applyAsInt);
            texts.forEach(nerAlone::applyAsInt);
            measure("Lingua language detection", texts, tokens, passes, t -> router.detect(t, null).language().length());
            measure("CoreNLP tokenize..ner (ours)", texts, tokens, passes, nerAlone);
            measure("stancewire ArticleAnalyzer", texts, tokens, passes, ours);
            measureRegistry(analyzer, texts, tokens, passes);
        }
        if (!withFullPipeline) {
            return;
        }
        System.gc();

        Properties full = new Properties();
        full.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote");
        StanfordCoreNLP corenlp = new StanfordCoreNLP(full);
        measure("CoreNLP full quote pipeline", texts, tokens, Math.max(1, passes / 3), t -> {
            Annotation a = new Annotation(t);
            corenlp.annotate(a);
            List<?> quotes = a.get(CoreAnnotations.QuotationsAnnotation.class);
            return quotes == null ? 0 : quotes.size();
        });
    }

    /**
     * The shared speaker registry's cost on top of the analysis: resolution against the curated entries plus
     * {@link #LEARNED} learned people (some sharing surnames) and the corpus's own speakers, learned in a first pass.
     */
    private static void measureRegistry(ArticleAnalyzer analyzer, List<String> texts, int tokens, int passes) {
        SpeakerIndex registry = SpeakerIndex.of(analyzer.curatedSpeakers());
        for (int i = 0; i < LEARNED; i++) {
            String name = "Person" + i + " Surname" + (i % (LEARNED / 5));
            registry.put(new SpeakerEntry(SchemaVersion.CURRENT, ArticleSpeakers.idFor(ArticleSpeakers.PERSON, name),
                    ArticleSpeakers.PERSON, name, List.of(), "Org" + (i % 100), null, SpeakerEntry.LEARNED, Instant.EPOCH, "bench"));
        }
        SpeakerResolver resolver = new SpeakerResolver(registry);
        List<Analysis> analyses = texts.stream().map(t -> analyzer.analyze(t, "en")).toList();
        for (int i = 0; i < texts.size(); i++) {
            resolver.resolve(texts.get(i), analyses.get(i).quotes(), analyses.get(i).entities(), "bench", Instant.EPOCH)
                    .newEntries().forEach(registry::put);
        }
        System.out.printf("speaker registry: %d entries%n", registry.size());
        measure("ArticleAnalyzer + registry", texts, tokens, passes, t -> {
            Analysis a = analyzer.analyze(t, "en");
            return resolver.resolve(t, a.quotes(), a.entities(), "bench", Instant.EPOCH).quotes().size();
        });
        int rounds = 200;
        long wall0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < texts.size(); i++) {
                resolver.resolve(texts.get(i), analyses.get(i).quotes(), analyses.get(i).entities(), "bench", Instant.EPOCH);
            }
        }
        double micros = (System.nanoTime() - wall0) / 1e3 / ((double) rounds * texts.size());
        System.out.printf("%-30s %7.1f µs per article (resolution alone, %d rounds)%n", "registry resolution", micros, rounds);
    }

    private static final int LEARNED = 10_000;

    private static void measure(String label, List<String> texts, int tokens, int passes, ToIntFunction<String> run) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int quotes = 0;
        for (String t : texts) {
            quotes += run.applyAsInt(t);
        }
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (String t : texts) {
                run.applyAsInt(t);
            }
        }
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        long n = (long) passes * texts.size();
        System.out.printf("%-30s %7.0f tokens/CPU-s %7.0f tokens/s  %6.2f articles/s  (%d passes, cpu %.1fs, wall %.1fs, %d quotes/pass)%n",
                label, tokens * (double) passes / cpu, tokens * (double) passes / wall, n / wall, passes, cpu, wall, quotes);
    }

    private static int countTokens(List<String> texts) {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize");
        StanfordCoreNLP tokenizer = new StanfordCoreNLP(p);
        int n = 0;
        for (String t : texts) {
            Annotation a = new Annotation(t);
            tokenizer.annotate(a);
            n += a.get(CoreAnnotations.TokensAnnotation.class).size();
        }
        return n;
    }

    public static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 1; ; i++) {
            try (InputStream in = QuoteBenchmark.class.getResourceAsStream(String.format("/corpus/tpm/%02d.txt", i))) {
                if (in == null) {
                    break;
                }
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}
