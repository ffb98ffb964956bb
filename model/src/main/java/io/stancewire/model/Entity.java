package io.stancewire.model;

import java.util.List;

/**
 * A named entity of an article.
 *
 * @param id   canonical id from the speaker/entity registry, or a deterministic id derived from the name
 * @param type PERSON, ORGANIZATION, LOCATION, MISC ...
 */
public record Entity(String id, String type, String name, List<Mention> mentions) {
    public Entity {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
