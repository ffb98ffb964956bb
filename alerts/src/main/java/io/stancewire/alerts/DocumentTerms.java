package io.stancewire.alerts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** The analysed terms of an event's text and context, as strings for lookups and as UTF-8 for patterns. */
record DocumentTerms(Set<String> terms, List<byte[]> utf8) {

    static DocumentTerms of(String text, String context) {
        Set<String> terms = TextQuery.terms(text, context);
        return new DocumentTerms(terms, terms.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList());
    }
}
