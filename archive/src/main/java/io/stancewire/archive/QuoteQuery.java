package io.stancewire.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a researcher asks of the quote archive. Every filter is optional; list filters match any of their values.
 *
 * @param speakers      speaker names or ids, matched exactly but ignoring case
 * @param organisation  a phrase of the speaker's affiliation ("DGA" matches "DGA Group")
 * @param labels        stance labels of the quote's primary stance (its first target, the one facets and exports
 *                      show); with {@code target}, of the stance on that target
 * @param target        stance target, e.g. {@code china-ai}: label and confidence then apply to that target's stance
 * @param minConfidence lowest stance confidence, 0..1
 * @param from          earliest publishedAt, inclusive
 * @param to            latest publishedAt, exclusive (a date-only value includes that whole UTC day)
 * @param q             full text over the quote and its context, {@code simple_query_string} syntax, all words required
 * @param size          page size for searches (exports ignore it)
 * @param after         where the page starts, null for the first page
 */
public record QuoteQuery(List<String> speakers, String organisation, List<String> labels, String target,
                         Double minConfidence, List<String> outlets, List<String> languages, Instant from, Instant to,
                         String q, int size, Cursor after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 1000;
    public static final Set<String> LABELS = Set.of("FAVOR", "AGAINST", "NEUTRAL", "NONE");

    /** Parameters a search understands; other endpoints add their own. */
    public static final Set<String> PARAMETERS = Set.of("speaker", "organisation", "organization", "label", "target",
            "minConfidence", "outlet", "language", "from", "to", "q", "size", "after");

    public QuoteQuery {
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
        labels = labels == null ? List.of() : List.copyOf(labels);
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    public static QuoteQuery all() {
        return new QuoteQuery(null, null, null, null, null, null, null, null, null, null, DEFAULT_SIZE, null);
    }

    public QuoteQuery withSpeakers(List<String> value) {
        return new QuoteQuery(value, organisation, labels, target, minConfidence, outlets, languages, from, to, q, size, after);
    }

    public QuoteQuery withLabels(List<String> value) {
        return new QuoteQuery(speakers, organisation, value, target, minConfidence, outlets, languages, from, to, q, size, after);
    }

    public QuoteQuery withQ(String value) {
        return new QuoteQuery(speakers, organisation, labels, target, minConfidence, outlets, languages, from, to, value, size, after);
    }

    public QuoteQuery withOutlets(List<String> value) {
        return new QuoteQuery(speakers, organisation, labels, target, minConfidence, value, languages, from, to, q, size, after);
    }

    public QuoteQuery withSize(int value) {
        return new QuoteQuery(speakers, organisation, labels, target, minConfidence, outlets, languages, from, to, q, value, after);
    }

    public QuoteQuery withAfter(Cursor value) {
        return new QuoteQuery(speakers, organisation, labels, target, minConfidence, outlets, languages, from, to, q, size, value);
    }

    /**
     * Reads HTTP query parameters (or the CLI's options, put the same way).
     *
     * @param extra parameters the caller handles itself (e.g. {@code format}); anything else unknown is an error, so a
     *              misspelt filter cannot silently widen a researcher's result
     * @throws InvalidQueryException naming the first bad parameter
     */
    public static QuoteQuery parse(Map<String, List<String>> params, Set<String> extra) {
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(PARAMETERS);
        unknown.removeAll(extra);
        if (!unknown.isEmpty()) {
            Set<String> known = new TreeSet<>(PARAMETERS);
            known.addAll(extra);
            throw new InvalidQueryException("unknown parameter " + String.join(", ", unknown) + "; known: " + String.join(", ", known));
        }
        List<String> organisations = new ArrayList<>(values(params, "organisation"));
        organisations.addAll(values(params, "organization"));
        List<String> labels = values(params, "label").stream().map(l -> l.toUpperCase(Locale.ROOT)).toList();
        for (String label : labels) {
            if (!LABELS.contains(label)) {
                throw new InvalidQueryException("label: '" + label + "' is not a stance label; use one of FAVOR, AGAINST, NEUTRAL, NONE");
            }
        }
        Double minConfidence = single(params, "minConfidence") == null ? null : confidence(single(params, "minConfidence"));
        Instant from = instant(params, "from", false);
        Instant to = instant(params, "to", true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("from (" + from + ") must be before to (" + to + ")");
        }
        String size = single(params, "size");
        String after = single(params, "after");
        return new QuoteQuery(values(params, "speaker"), onlyOne("organisation", organisations), labels,
                single(params, "target"), minConfidence, values(params, "outlet"), values(params, "language"), from, to,
                single(params, "q"), size == null ? DEFAULT_SIZE : size(size), after == null ? null : Cursor.decode(after));
    }

    private static List<String> values(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static String single(Map<String, List<String>> params, String name) {
        return onlyOne(name, values(params, name));
    }

    private static String onlyOne(String name, List<String> values) {
        if (values.size() > 1) {
            throw new InvalidQueryException(name + ": give it once, not " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.getFirst();
    }

    private static double confidence(String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("minConfidence: '" + text + "' is not a number; use a value from 0 to 1, e.g. 0.7");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidQueryException("minConfidence: " + text + " is outside 0..1");
        }
        return value;
    }

    private static int size(String text) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("size: '" + text + "' is not a whole number; use 1.." + MAX_SIZE);
        }
        if (value < 1 || value > MAX_SIZE) {
            throw new InvalidQueryException("size: " + value + " is outside 1.." + MAX_SIZE + "; use the export for more");
        }
        return value;
    }

    /** ISO date ({@code 2025-01-31}) or date-time with offset; a date as upper bound means the end of that day. */
    private static Instant instant(Map<String, List<String>> params, String name, boolean upperBound) {
        String text = single(params, name);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (upperBound ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(name + ": '" + text + "' is not a date; use 2025-01-31 or 2025-01-31T12:00:00Z");
        }
    }
}
