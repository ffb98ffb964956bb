package io.stancewire.alerts;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;

/**
 * The full-text part of a subscription: Lucene classic query syntax over a quote's {@code text} and {@code context},
 * analysed with the standard analyzer, which is what the quote index in Elasticsearch uses for both fields. So
 * "Blackwell AND export" or {@code "export controls"} select here the quotes they select in a search.
 */
final class TextQuery {
    static final String TEXT = "text";
    static final String CONTEXT = "context";
    /** Stateless and thread-safe once built; shared by parsing and indexing so that both tokenise alike. */
    static final Analyzer ANALYZER = new StandardAnalyzer();

    private TextQuery() {}

    /**
     * Parses once, at subscribe time. Terms without a field search both fields; {@code text:} or {@code context:}
     * restrict one. OR is the default operator, as in Elasticsearch's {@code query_string}.
     *
     * @throws InvalidSubscriptionException with the parser's message when the syntax is wrong
     */
    static Query parse(String query) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {TEXT, CONTEXT}, ANALYZER);
        parser.setAllowLeadingWildcard(true); // Elasticsearch allows it too; a MemoryIndex of one quote makes it cheap
        try {
            return parser.parse(query);
        } catch (ParseException e) {
            throw new InvalidSubscriptionException("invalid query: " + e.getMessage(), e);
        }
    }

    /** An index of one document: built once per event, searched by every candidate subscription with a query. */
    static MemoryIndex index(String text, String context) {
        MemoryIndex index = new MemoryIndex();
        index.addField(TEXT, text == null ? "" : text, ANALYZER);
        index.addField(CONTEXT, context == null ? "" : context, ANALYZER);
        return index;
    }
}
