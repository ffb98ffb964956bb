package io.stancewire.archive;

import io.stancewire.indexer.QuoteDocument;

import java.util.List;

/**
 * One page of a search.
 *
 * @param total  every quote that matches, not only this page
 * @param facets counts over the whole result, on the first page only (null on follow-up pages: they do not change)
 * @param next   cursor for the following page, null on the last one
 */
public record SearchPage(long total, List<Hit> hits, Facets facets, String next) {

    /** @param highlight the quote's text with the matched words in {@code <em>}, null without a full-text query */
    public record Hit(QuoteDocument quote, String highlight) {}

    public record Bucket(String key, long count) {}

    /**
     * @param days              publishedAt per UTC day ({@code yyyy-MM-dd}), only days with quotes
     * @param sampleProbability null when the counts are exact; otherwise the share of the result they were counted on
     *                          (a random sample, for results too large to count within the latency budget), each
     *                          count scaled up by its inverse: estimates, and a rare speaker or day may be missing
     */
    public record Facets(List<Bucket> speakers, List<Bucket> labels, List<Bucket> outlets, List<Bucket> days,
                         Double sampleProbability) {}
}
