package io.stancewire.archive;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.stancewire.indexer.QuoteDocument;
import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One exported quote with its provenance: enough to find the sentence in the article again ({@code url},
 * {@code begin}/{@code end}) and to check the stance against its {@code evidence}.
 */
@JsonPropertyOrder({"id", "speaker", "affiliation", "target", "label", "confidence", "evidence", "text", "context",
        "articleId", "url", "title", "outlet", "publishedAt", "begin", "end"})
public record ExportRow(String id, String speaker, String affiliation, String target, String label, Double confidence,
                       List<String> evidence, String text, String context, String articleId, String url, String title,
                       String outlet, Instant publishedAt, int begin, int end) {

    public static final List<String> COLUMNS =
            List.of(ExportRow.class.getAnnotation(JsonPropertyOrder.class).value());

    /** Separates evidence phrases in a CSV cell; JSON lines keep them as an array. */
    static final String EVIDENCE_SEPARATOR = " | ";

    public static ExportRow of(QuoteDocument d) {
        Speaker s = d.speaker();
        Stance stance = d.stance();
        return new ExportRow(d.id(), s == null ? null : s.name(), s == null ? null : s.affiliation(),
                stance == null ? null : stance.target(), stance == null ? null : stance.label(),
                stance == null ? null : stance.confidence(), stance == null ? List.of() : stance.evidence(),
                d.text(), d.context(), d.articleId(), d.url(), d.title(), d.outlet(), d.publishedAt(), d.begin(), d.end());
    }

    /** The cells in {@link #COLUMNS} order; nulls become empty cells. */
    List<Object> csvValues() {
        return Arrays.asList(id, speaker, affiliation, target, label, confidence, String.join(EVIDENCE_SEPARATOR, evidence),
                text, context, articleId, url, title, outlet, publishedAt == null ? null : publishedAt.toString(),
                begin, end);
    }
}
