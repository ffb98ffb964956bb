package io.stancewire.model;

import java.time.Instant;
import java.util.List;

/**
 * A canonical person or organisation of the speaker registry, one record per speaker on the compacted
 * {@link Topics#SPEAKERS}, keyed by {@link #id()}. Small on purpose: every stream instance keeps all of them in memory.
 * Which articles a speaker appears in is not kept here (it would grow without bound); the quotes index has it under
 * {@code speaker.id}.
 *
 * @param id             {@code person:paul-triolo} for curated entries; for learned ones a hash of type and normalised
 *                       name, so two instances that meet the same new person at once give it the same id
 * @param type           PERSON or ORGANIZATION
 * @param name           best full name
 * @param aliases        other full spellings, in any script (at most {@link #MAX_ALIASES})
 * @param source         {@link #CURATED} (the editable file) or {@link #LEARNED} (first met in an article)
 * @param firstSeenAt    when a learned entry was first met; null for curated entries
 * @param firstArticleId the article a learned entry was first met in; null for curated entries
 */
public record SpeakerEntry(
        int schemaVersion,
        String id,
        String type,
        String name,
        List<String> aliases,
        String affiliation,
        String role,
        String source,
        Instant firstSeenAt,
        String firstArticleId) {

    public static final String CURATED = "curated";
    public static final String LEARNED = "learned";
    public static final int MAX_ALIASES = 20;

    public SpeakerEntry {
        aliases = aliases == null ? List.of() : List.copyOf(aliases.subList(0, Math.min(aliases.size(), MAX_ALIASES)));
    }
}
