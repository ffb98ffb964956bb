package io.stancewire.streams.nlp.en;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The usual gender of English first names, from the list CoreNLP's coreference ships in its models jar. Only used to
 * keep "she said" from landing on the nearest man; unknown names are compatible with both.
 */
final class NameGenders {
    private static final String RESOURCE = "/edu/stanford/nlp/models/dcoref/namegender.combine.txt";

    private final Map<String, String> byFirstName;

    private NameGenders(Map<String, String> byFirstName) {
        this.byFirstName = byFirstName;
    }

    static NameGenders fromCoreNlpModels() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = NameGenders.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new NameGenders(map);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] parts = line.split("\t");
                if (parts.length == 2) {
                    map.put(parts[0].toLowerCase(Locale.ROOT), parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new NameGenders(map);
    }

    /** A first name the list knows ("Ryan"), to find where a name starts after title words CoreNLP left untagged. */
    boolean isFirstName(String word) {
        return byFirstName.containsKey(word.toLowerCase(Locale.ROOT));
    }

    /** @param gender MALE or FEMALE */
    boolean compatible(String fullName, String gender) {
        String first = fullName.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        String known = fullName.contains(" ") ? byFirstName.get(first) : null;
        return known == null || known.equals(gender);
    }
}
