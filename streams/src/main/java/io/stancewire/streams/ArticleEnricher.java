package io.stancewire.streams;

import io.stancewire.model.Article;
import io.stancewire.model.EnrichedArticle;
import io.stancewire.model.Ids;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.model.Stance;
import io.stancewire.streams.nlp.Analysis;
import io.stancewire.streams.nlp.AnalyzerSettings;
import io.stancewire.streams.nlp.ArticleAnalyzer;
import io.stancewire.streams.nlp.FoundQuote;
import io.stancewire.streams.nlp.speakers.SpeakerDirectory;
import io.stancewire.streams.nlp.speakers.SpeakerIndex;
import io.stancewire.streams.nlp.speakers.SpeakerResolver;
import io.stancewire.streams.stance.StanceClassifier;
import io.stancewire.streams.stance.StanceTarget;

import java.time.Clock;
import java.util.List;

/**
 * Everything the NLP stage does to one article, without Kafka: language, entities, quotes and each quote's stance
 * on every configured target. Thread-safe: the models are loaded once and shared by all stream threads.
 */
public final class ArticleEnricher {
    private final ArticleAnalyzer analyzer;
    private final List<StanceClassifier> stanceClassifiers;
    private final Clock clock;
    private final SpeakerDirectory curatedOnly;

    /** An enriched article and the speakers it introduced to the registry. */
    public record Enrichment(EnrichedArticle article, List<SpeakerEntry> newSpeakers) {}

    public ArticleEnricher(ArticleAnalyzer analyzer, List<StanceClassifier> stanceClassifiers, Clock clock) {
        this.analyzer = analyzer;
        this.stanceClassifiers = List.copyOf(stanceClassifiers);
        this.clock = clock;
        this.curatedOnly = SpeakerIndex.of(analyzer.curatedSpeakers());
    }

    /** The bundled models, speaker registry and stance targets. Takes seconds: call once per process. */
    public static ArticleEnricher loadDefault() {
        ArticleAnalyzer analyzer = ArticleAnalyzer.create(AnalyzerSettings.defaults());
        List<StanceClassifier> stance = StanceTarget.loadAll(null).stream().map(StanceClassifier::load).toList();
        return new ArticleEnricher(analyzer, stance, Clock.systemUTC());
    }

    /** The curated speaker file as registry entries: what {@code stancewire.speakers} is seeded with. */
    public List<SpeakerEntry> curatedSpeakers() {
        return analyzer.curatedSpeakers();
    }

    /** Resolves speakers against the curated file only (no shared registry), e.g. for a one-off run. */
    public EnrichedArticle enrich(Article article) {
        return enrich(article, curatedOnly).article();
    }

    /** Speakers are resolved against {@code speakers} (curated and learned) before stance, which reads affiliations. */
    public Enrichment enrich(Article article, SpeakerDirectory speakers) {
        Analysis analysis = analyzer.analyze(article.text(), article.languageHint());
        SpeakerResolver.Resolved resolved = new SpeakerResolver(speakers)
                .resolve(article.text(), analysis.quotes(), analysis.entities(), article.id(), clock.instant());
        List<Quote> quotes = resolved.quotes().stream().map(q -> toQuote(article, analysis.language(), q)).toList();
        return new Enrichment(new EnrichedArticle(SchemaVersion.CURRENT, article, analysis.language(),
                analysis.languageConfidence(), resolved.entities(), quotes, clock.instant()), resolved.newEntries());
    }

    /** A syndicated copy of an article seen before: indexed for completeness, not analysed a second time. */
    public EnrichedArticle passThrough(Article article, String reason) {
        String language = article.languageHint() == null ? "und" : article.languageHint();
        Article flagged = withFlag(article, reason);
        return new EnrichedArticle(SchemaVersion.CURRENT, flagged, language, 0, List.of(), List.of(), clock.instant());
    }

    static Article withFlag(Article a, String flag) {
        List<String> flags = new java.util.ArrayList<>(a.flags());
        if (!flags.contains(flag)) {
            flags.add(flag);
        }
        return new Article(a.schemaVersion(), a.id(), a.url(), a.canonicalUrl(), a.guid(), a.feedUrl(), a.feedName(),
                a.outlet(), a.title(), a.authors(), a.publishedAt(), a.fetchedAt(), a.languageHint(), a.text(),
                a.duplicateOf(), flags);
    }

    /** "Name (Affiliation)": whose side "we are ahead" is on depends on where the speaker works. */
    static String speakerForStance(FoundQuote q) {
        if (q.speaker() == null || q.speaker().name() == null) {
            return null;
        }
        String affiliation = q.speaker().affiliation();
        return affiliation == null || affiliation.isBlank() ? q.speaker().name() : q.speaker().name() + " (" + affiliation + ")";
    }

    private Quote toQuote(Article article, String language, FoundQuote q) {
        List<Stance> stances = stanceClassifiers.stream().map(c -> c.classify(q.text(), q.context(), speakerForStance(q))).toList();
        return new Quote(SchemaVersion.CURRENT, Ids.quoteId(article.id(), q.begin(), q.end()), article.id(), q.begin(),
                q.end(), q.text(), q.kind(), q.speaker(), q.cue(), q.context(), language, stances, article.url(),
                article.title(), article.outlet(), article.publishedAt());
    }
}
