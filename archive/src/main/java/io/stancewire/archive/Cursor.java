package io.stancewire.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.stancewire.model.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where the next page starts: the sort values (publishedAt millis, id) of the last hit returned, and the point in
 * time the pages are read from, if any. Clients treat it as opaque (base64url of this record's JSON).
 *
 * @param publishedAt the last hit's sort value on {@code publishedAt}; Elasticsearch's stand-in when it had none
 * @param id          the last hit's id, the tiebreaker that makes the order total
 * @param pit         point-in-time id, or null before the first follow-up page or where the node has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cursor(long publishedAt, String id, String pit) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(this));
    }

    /** @throws InvalidQueryException when {@code text} was not made by {@link #encode()} */
    public static Cursor decode(String text) {
        Cursor cursor;
        try {
            byte[] json = Base64.getUrlDecoder().decode(text.trim());
            cursor = Json.MAPPER.readValue(new String(json, StandardCharsets.UTF_8), Cursor.class);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            cursor = null;
        }
        if (cursor == null || cursor.id() == null) {
            throw new InvalidQueryException("after: not a cursor from this API; pass the 'next' value of a previous page unchanged");
        }
        return cursor;
    }

    Cursor withPit(String pitId) {
        return new Cursor(publishedAt, id, pitId);
    }

    List<Object> sortValues() {
        return List.of(publishedAt, id);
    }
}
