package io.stancewire.alerts;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a document must contain for a query to have a chance: one of its positive terms, or a term one of its
 * patterns (prefix, wildcard, fuzzy, range) accepts. Negated clauses are left out: they exclude, they never make a
 * document match. Terms, phrases and boolean structure are evaluated on the presence of terms alone ("a AND b"
 * needs both, a phrase all its words, "a OR b" one), which can only say "maybe" where Lucene says "yes"; positions
 * (phrase order) and negations are left to Lucene. A Lucene search costs tens of microseconds even on a
 * one-document index, this check well under one: it is what Elasticsearch's percolator does before running queries.
 *
 * @param terms    positive terms, one of which any match contains: the keys the matcher files the query under
 * @param patterns positive patterns, run over the document's terms
 * @param opaque   the query has a leaf that names no terms (match-all): always search
 * @param root     the query's structure on term presence
 */
record Presearch(Set<String> terms, List<ByteRunAutomaton> patterns, boolean opaque, Node root) {

    /** Whether a document with these terms may match; false means it cannot. */
    interface Node {
        boolean mayMatch(DocumentTerms document);

        /** True when {@link #mayMatch} is Lucene's answer, not only a "maybe": no positions, no patterns but prefixes. */
        boolean exact();
    }

    private static Node node(java.util.function.Predicate<DocumentTerms> test, boolean exact) {
        return new Node() {
            @Override
            public boolean mayMatch(DocumentTerms document) {
                return test.test(document);
            }

            @Override
            public boolean exact() {
                return exact;
            }
        };
    }

    static Presearch of(Query query) {
        Presearch anyOf = anyOfTerms(query);
        return new Presearch(anyOf.terms, anyOf.patterns, anyOf.opaque, structure(query, node(anyOf::anyOf, false)));
    }

    private static Presearch anyOfTerms(Query query) {
        Set<String> terms = new HashSet<>();
        List<ByteRunAutomaton> patterns = new ArrayList<>();
        boolean[] opaque = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... ts) {
                for (Term t : ts) {
                    terms.add(t.text());
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                patterns.add(automaton.get());
            }

            @Override
            public void visitLeaf(Query q) {
                opaque[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        // a query of negations only matches nothing in Lucene: nothing to look for, and searching it is harmless
        return new Presearch(Set.copyOf(terms), List.copyOf(patterns), opaque[0] || (terms.isEmpty() && patterns.isEmpty()), null);
    }

    /** Terms, prefixes, phrases and boolean queries by their structure; anything else by its any-of terms and patterns. */
    private static Node structure(Query query, Node fallback) {
        if (query instanceof TermQuery term) {
            String field = term.getTerm().field();
            String text = term.getTerm().text();
            return node(document -> document.has(field, text), true);
        }
        if (query instanceof PrefixQuery prefix) {
            String field = prefix.getPrefix().field();
            String start = prefix.getPrefix().text();
            return node(document -> document.hasTermStartingWith(field, start), true);
        }
        if (query instanceof PhraseQuery phrase) {
            Term[] words = phrase.getTerms();
            return node(document -> {
                for (Term word : words) {
                    if (!document.has(word.field(), word.text())) {
                        return false;
                    }
                }
                return true;
            }, words.length == 1);
        }
        if (query instanceof BoostQuery boost) {
            return structure(boost.getQuery(), fallback);
        }
        if (query instanceof BooleanQuery bool) {
            List<Node> required = new ArrayList<>();
            List<Node> optional = new ArrayList<>();
            List<Node> excluded = new ArrayList<>();
            for (BooleanClause clause : bool.clauses()) {
                Node child = structure(clause.query(), node(anyOfTerms(clause.query())::anyOf, false));
                switch (clause.occur()) {
                    case MUST, FILTER -> required.add(child);
                    case SHOULD -> optional.add(child);
                    case MUST_NOT -> excluded.add(child);
                }
            }
            // an inexact exclusion cannot rule a document out, so the answer is then only a "maybe"
            boolean exact = java.util.stream.Stream.of(required, optional, excluded).flatMap(List::stream).allMatch(Node::exact);
            int minShould = required.isEmpty() ? Math.max(1, bool.getMinimumNumberShouldMatch()) : bool.getMinimumNumberShouldMatch();
            return node(document -> {
                for (Node node : required) {
                    if (!node.mayMatch(document)) {
                        return false;
                    }
                }
                int should = 0;
                for (int i = 0; i < optional.size() && should < minShould; i++) {
                    if (optional.get(i).mayMatch(document)) {
                        should++;
                    }
                }
                if (should < minShould) {
                    return false;
                }
                if (exact) {
                    for (Node node : excluded) {
                        if (node.mayMatch(document)) {
                            return false;
                        }
                    }
                }
                return true;
            }, exact);
        }
        return fallback;
    }

    /** Pure term queries can be looked up by term; patterns and opaque queries must see every document. */
    boolean byTermsOnly() {
        return !opaque && patterns.isEmpty();
    }

    boolean mayMatch(DocumentTerms document) {
        return root.mayMatch(document);
    }

    /** When true, {@link #mayMatch} is the final answer and Lucene need not run. */
    boolean exact() {
        return root.exact();
    }

    private boolean anyOf(DocumentTerms document) {
        if (opaque) {
            return true;
        }
        for (String term : terms) {
            if (document.terms().contains(term)) {
                return true;
            }
        }
        for (ByteRunAutomaton pattern : patterns) {
            for (byte[] term : document.utf8()) {
                if (pattern.run(term, 0, term.length)) {
                    return true;
                }
            }
        }
        return false;
    }
}
