package io.stancewire.indexer;

import io.stancewire.model.EnrichedArticle;
import io.stancewire.model.Entity;
import io.stancewire.model.Quote;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What an article looks like in Elasticsearch: the article, what the NLP found, and flat fields for dashboards. */
public record ArticleDocument(
        int schemaVersion,
        String id,
        String url,
        String canonicalUrl,
        String guid,
        String feedUrl,
        String feedName,
        String outlet,
        String title,
        List<String> authors,
        Instant publishedAt,
        Instant fetchedAt,
        Instant processedAt,
        String languageHint,
        String language,
        double languageConfidence,
        String text,
        String duplicateOf,
        List<String> flags,
        int quoteCount,
        List<String> speakers,
        List<Entity> entities,
        List<String> entityNames) {

    public static ArticleDocument of(EnrichedArticle enriched) {
        var a = enriched.article();
        List<String> speakers = enriched.quotes().stream()
                .map(Quote::speaker).filter(Objects::nonNull)
                .map(s -> s.name()).filter(Objects::nonNull).distinct().toList();
        List<String> entityNames = enriched.entities().stream().map(Entity::name).distinct().toList();
        return new ArticleDocument(enriched.schemaVersion(), a.id(), a.url(), a.canonicalUrl(), a.guid(), a.feedUrl(),
                a.feedName(), a.outlet(), a.title(), a.authors(), a.publishedAt(), a.fetchedAt(), enriched.processedAt(),
                a.languageHint(), enriched.language(), enriched.languageConfidence(), a.text(), a.duplicateOf(), a.flags(),
                enriched.quotes().size(), speakers, enriched.entities(), entityNames);
    }
}
