package io.stancewire.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analysed terms of an event, per field ({@code text}, {@code context}) for exact term and prefix checks, and
 * all together for the matcher's term buckets and as UTF-8 for other patterns.
 */
record DocumentTerms(Map<String, Set<String>> byField, Map<String, String[]> sortedByField, Set<String> terms, List<byte[]> utf8) {

    static DocumentTerms of(String text, String context) {
        Set<String> textTerms = TextQuery.terms(TextQuery.TEXT, text);
        Set<String> contextTerms = TextQuery.terms(TextQuery.CONTEXT, context);
        Set<String> all = new HashSet<>(textTerms);
        all.addAll(contextTerms);
        return new DocumentTerms(Map.of(TextQuery.TEXT, textTerms, TextQuery.CONTEXT, contextTerms),
                Map.of(TextQuery.TEXT, sorted(textTerms), TextQuery.CONTEXT, sorted(contextTerms)),
                all, all.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList());
    }

    boolean has(String field, String term) {
        Set<String> terms = byField.get(field);
        return terms != null && terms.contains(term);
    }

    boolean hasTermStartingWith(String field, String prefix) {
        String[] sorted = sortedByField.get(field);
        if (sorted == null) {
            return false;
        }
        int i = Arrays.binarySearch(sorted, prefix);
        int at = i >= 0 ? i : -i - 1;
        return at < sorted.length && sorted[at].startsWith(prefix);
    }

    private static String[] sorted(Set<String> terms) {
        String[] sorted = terms.toArray(String[]::new);
        Arrays.sort(sorted);
        return sorted;
    }
}
