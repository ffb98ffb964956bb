package io.stancewire.streams;

import io.stancewire.model.Article;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.streams.nlp.speakers.SpeakerDirectory;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * The topology's one expensive step: parse the raw record and run the NLP on it within a time budget. Nothing here
 * throws: bad JSON, empty text, NLP errors and timeouts become dead letters, so one article cannot stop a partition.
 */
final class EnrichArticle implements FixedKeyProcessor<String, byte[], EnrichOutcome> {
    private static final Logger log = LoggerFactory.getLogger(EnrichArticle.class);
    static final String STAGE = "streams";

    private final ArticleEnricher enricher;
    private final ExecutorService nlpThreads;
    private final NlpLimits limits;
    private final SpeakerDirectory speakers;
    private FixedKeyProcessorContext<String, EnrichOutcome> context;

    EnrichArticle(ArticleEnricher enricher, ExecutorService nlpThreads, NlpLimits limits, SpeakerDirectory speakers) {
        this.enricher = enricher;
        this.speakers = speakers;
        this.nlpThreads = nlpThreads;
        this.limits = limits;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        context.forward(record.withValue(outcome(record.key(), record.value())));
    }

    private EnrichOutcome outcome(String key, byte[] value) {
        Article article;
        try {
            if (value == null) {
                throw new InvalidRecordException("empty record (null value)");
            }
            article = Json.read(value, Article.class);
            if (article.id() == null || article.id().isBlank()) {
                throw new InvalidRecordException("article has no id");
            }
        } catch (InvalidRecordException e) {
            return EnrichOutcome.rejected(deadLetter(key, "invalid-json", e.getMessage(), value));
        }
        if (article.duplicateOf() != null) {
            return EnrichOutcome.ok(enricher.passThrough(article, "duplicate"));
        }
        if (article.text().isBlank()) {
            return new EnrichOutcome(enricher.passThrough(article, "no-text"),
                    List.of(deadLetter(key, "article-without-text", "article " + article.id() + " (" + article.url()
                            + ") has no text to analyse", value)));
        }
        Article bounded = article.text().length() <= limits.maxTextChars() ? article
                : truncated(article, limits.maxTextChars());
        return analyse(key, bounded, value);
    }

    private EnrichOutcome analyse(String key, Article article, byte[] value) {
        Future<EnrichOutcome> task = nlpThreads.submit(() -> EnrichOutcome.ok(enricher.enrich(article, speakers)));
        String reason;
        String error;
        try {
            return task.get(limits.budget().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            reason = "nlp-timeout";
            error = "analysis of article " + article.id() + " took longer than " + limits.budget().toSeconds() + " s";
        } catch (ExecutionException e) {
            reason = "nlp-error";
            error = "analysis of article " + article.id() + " failed: " + e.getCause().getMessage();
            log.warn(error, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing " + article.id(), e);
        }
        return new EnrichOutcome(enricher.passThrough(article, reason), List.of(deadLetter(key, reason, error, value)));
    }

    private static Article truncated(Article a, int maxChars) {
        Article cut = new Article(a.schemaVersion(), a.id(), a.url(), a.canonicalUrl(), a.guid(), a.feedUrl(), a.feedName(),
                a.outlet(), a.title(), a.authors(), a.publishedAt(), a.fetchedAt(), a.languageHint(),
                a.text().substring(0, maxChars), a.duplicateOf(), a.flags());
        return ArticleEnricher.withFlag(cut, "truncated-for-nlp");
    }

    private DeadLetter deadLetter(String key, String reason, String error, byte[] value) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        String payload = value == null ? null : new String(value, StandardCharsets.UTF_8);
        return DeadLetter.of(STAGE, meta == null ? null : meta.topic(), meta == null ? null : meta.partition(),
                meta == null ? null : meta.offset(), key, reason, error, payload);
    }
}
