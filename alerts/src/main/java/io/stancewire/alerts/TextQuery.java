package io.stancewire.alerts;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

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

    /**
     * A searcher over an index of one document: built once per event and shared by every candidate subscription
     * with a query (a searcher per query would cost more than the search).
     */
    static IndexSearcher searcher(String text, String context) {
        MemoryIndex index = new MemoryIndex();
        index.addField(TEXT, text == null ? "" : text, ANALYZER);
        index.addField(CONTEXT, context == null ? "" : context, ANALYZER);
        IndexSearcher searcher = index.createSearcher();
        searcher.setQueryCache(null); // caching gains nothing on an index of one document that lives for one event
        return searcher;
    }

    static boolean matches(Supplier<IndexSearcher> searcher, Query query) {
        try {
            return searcher.get().count(query) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("searching an in-memory index failed", e);
        }
    }

    /** The analysed terms of one field of an event, as the index holds them. */
    static Set<String> terms(String field, String value) {
        Set<String> terms = new HashSet<>();
        addTerms(terms, field, value);
        return terms;
    }

    private static void addTerms(Set<String> into, String field, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        try (TokenStream stream = ANALYZER.tokenStream(field, value)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                into.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string failed", e);
        }
    }

}
