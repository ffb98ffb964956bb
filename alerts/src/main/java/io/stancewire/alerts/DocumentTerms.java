package io.stancewire.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The analysed terms of an event's text and context: a set for term lookups, a sorted array for prefixes and UTF-8
 * for other patterns.
 */
record DocumentTerms(Set<String> terms, String[] sorted, List<byte[]> utf8) {

    static DocumentTerms of(String text, String context) {
        Set<String> terms = TextQuery.terms(text, context);
        String[] sorted = terms.toArray(String[]::new);
        Arrays.sort(sorted);
        return new DocumentTerms(terms, sorted, terms.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList());
    }

    boolean hasTermStartingWith(String prefix) {
        int i = Arrays.binarySearch(sorted, prefix);
        int at = i >= 0 ? i : -i - 1;
        return at < sorted.length && sorted[at].startsWith(prefix);
    }
}
