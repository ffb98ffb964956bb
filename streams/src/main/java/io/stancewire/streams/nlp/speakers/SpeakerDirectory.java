package io.stancewire.streams.nlp.speakers;

import io.stancewire.model.SpeakerEntry;

import java.util.List;
import java.util.Optional;

/**
 * The registry as the enrichment step sees it: curated and learned speakers, looked up by id, full name or surname.
 * Implementations must be safe to read from several threads while they are updated.
 */
public interface SpeakerDirectory {
    Optional<SpeakerEntry> byId(String id);

    /** Entries one of whose full spellings (name or multi-word alias; any spelling for organisations) is this one. */
    List<SpeakerEntry> byFullName(String name);

    /** People whose name or an alias ends with this word, or who have it as a one-word alias ("Triolo", "ٹریولو"). */
    List<SpeakerEntry> bySurname(String surname);
}
