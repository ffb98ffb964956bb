package io.stancewire.streams.nlp.speakers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.stancewire.model.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical people and organisations with their spellings across scripts, read from an editable JSON file
 * ({@code speakers.json} in this package's resources by default).
 *
 * <p>Two kinds of alias: {@code aliases} are full names, specific enough to identify the entity anywhere
 * ("Paul Triolo", "پال ٹریولو"); {@code shortAliases} are surnames and known mistranslations ("Triolo", "سورج") that
 * only identify it in an article that has already introduced it by a full alias — "Wang" alone is nobody in
 * particular.
 */
public final class SpeakerRegistry {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, String type, String name, String affiliation, String role,
                        List<String> aliases, List<String> shortAliases) {
        public Entry {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            shortAliases = shortAliases == null ? List.of() : List.copyOf(shortAliases);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegistryFile(List<Entry> entities) {}

    /** An occurrence of an alias in a text. */
    public record Hit(int begin, int end, Entry entry, boolean full) {}

    private final List<Entry> entries;
    private final Map<String, Entry> full = new HashMap<>();
    private final Map<String, Entry> shortOnes = new HashMap<>();
    private final Pattern anyAlias;
    private final Map<String, Boolean> isFull = new HashMap<>();

    private SpeakerRegistry(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        List<String> all = new ArrayList<>();
        for (Entry e : entries) {
            full.putIfAbsent(Names.key(e.name()), e);
            isFull.put(Names.key(e.name()), true);
            all.add(e.name());
            for (String a : e.aliases()) {
                full.putIfAbsent(Names.key(a), e);
                isFull.put(Names.key(a), true);
                all.add(a);
            }
            for (String a : e.shortAliases()) {
                shortOnes.putIfAbsent(Names.key(a), e);
                isFull.putIfAbsent(Names.key(a), false);
                all.add(a);
            }
        }
        all.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternation = new StringBuilder();
        for (String alias : all) {
            if (!alternation.isEmpty()) {
                alternation.append('|');
            }
            String[] words = Names.fold(alias.strip()).split("\\s+");
            for (int i = 0; i < words.length; i++) {
                alternation.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
            }
        }
        // Letters and combining marks around the alias would make it part of a longer word.
        this.anyAlias = all.isEmpty() ? null
                : Pattern.compile("(?<![\\p{L}\\p{M}\\p{Nd}])(?:" + alternation + ")(?![\\p{L}\\p{M}\\p{Nd}])");
    }

    public static SpeakerRegistry of(List<Entry> entries) {
        return new SpeakerRegistry(entries);
    }

    public static SpeakerRegistry bundled() {
        try (InputStream in = SpeakerRegistry.class.getResourceAsStream("/io/stancewire/streams/nlp/speakers.json")) {
            if (in == null) {
                throw new IllegalStateException("speakers.json is missing from the classpath");
            }
            return new SpeakerRegistry(Json.MAPPER.readValue(in, RegistryFile.class).entities());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled speakers.json", e);
        }
    }

    public static SpeakerRegistry load(Path file) {
        try {
            return new SpeakerRegistry(Json.MAPPER.readValue(Files.readAllBytes(file), RegistryFile.class).entities());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read speaker registry " + file, e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entity a full name denotes, wherever it appears. */
    public Optional<Entry> byFullName(String written) {
        return Optional.ofNullable(full.get(Names.key(written)));
    }

    /** The entity a surname or short form denotes once its full name has been seen. */
    public Optional<Entry> byShortName(String written) {
        return Optional.ofNullable(shortOnes.get(Names.key(written)));
    }

    /** All alias occurrences in the text, longest alias first where they overlap, in text order. */
    public List<Hit> findAll(String text) {
        List<Hit> hits = new ArrayList<>();
        if (anyAlias == null) {
            return hits;
        }
        Matcher m = anyAlias.matcher(Names.fold(text));
        while (m.find()) {
            String key = Names.key(m.group());
            Boolean fullAlias = isFull.get(key);
            Entry entry = Boolean.TRUE.equals(fullAlias) ? full.get(key) : shortOnes.get(key);
            if (entry != null) {
                hits.add(new Hit(m.start(), m.end(), entry, fullAlias));
            }
        }
        return hits;
    }
}
