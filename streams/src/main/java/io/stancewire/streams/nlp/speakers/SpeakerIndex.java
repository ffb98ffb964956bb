package io.stancewire.streams.nlp.speakers;

import io.stancewire.model.SchemaVersion;
import io.stancewire.model.SpeakerEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory {@link SpeakerDirectory}: lookups are lock-free (stream and NLP threads read it), updates come from one
 * writer at a time (the global-store processor replaying and following {@code stancewire.speakers}).
 */
public final class SpeakerIndex implements SpeakerDirectory {
    private final Map<String, SpeakerEntry> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> fullNames = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> surnames = new ConcurrentHashMap<>();

    /** An index holding the curated entries, so resolution works before the topic has been read (and without Kafka). */
    public static SpeakerIndex of(List<SpeakerEntry> entries) {
        SpeakerIndex index = new SpeakerIndex();
        entries.forEach(index::put);
        return index;
    }

    /** The curated file as registry entries; short aliases become one-word aliases (surnames, known misspellings). */
    public static List<SpeakerEntry> curated(SpeakerRegistry registry) {
        return registry.entries().stream().map(e -> {
            List<String> aliases = new ArrayList<>();
            for (String a : e.aliases()) {
                if (!Names.key(a).equals(Names.key(e.name()))) {
                    aliases.add(a);
                }
            }
            aliases.addAll(e.shortAliases());
            return new SpeakerEntry(SchemaVersion.CURRENT, e.id(), e.type(), e.name(), aliases, e.affiliation(), e.role(),
                    SpeakerEntry.CURATED, null, null);
        }).toList();
    }

    public synchronized void put(SpeakerEntry entry) {
        remove(entry.id());
        byId.put(entry.id(), entry);
        boolean person = ArticleSpeakers.PERSON.equals(entry.type());
        for (String spelling : spellings(entry)) {
            String key = Names.key(spelling);
            if (key.isEmpty()) {
                continue;
            }
            boolean oneWord = !key.contains(" ");
            if (!person || !oneWord) {
                fullNames.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(entry.id());
            }
            if (person) {
                surnames.computeIfAbsent(Names.key(Names.lastToken(spelling)), k -> ConcurrentHashMap.newKeySet()).add(entry.id());
            }
        }
    }

    public synchronized void remove(String id) {
        SpeakerEntry old = byId.remove(id);
        if (old == null) {
            return;
        }
        for (String spelling : spellings(old)) {
            String key = Names.key(spelling);
            unlink(fullNames, key, id);
            if (!key.isEmpty()) {
                unlink(surnames, Names.key(Names.lastToken(spelling)), id);
            }
        }
    }

    public int size() {
        return byId.size();
    }

    @Override
    public Optional<SpeakerEntry> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<SpeakerEntry> byFullName(String name) {
        return lookup(fullNames, Names.key(name));
    }

    @Override
    public List<SpeakerEntry> bySurname(String surname) {
        return lookup(surnames, Names.key(surname));
    }

    private List<SpeakerEntry> lookup(Map<String, Set<String>> map, String key) {
        Set<String> ids = map.get(key);
        if (ids == null) {
            return List.of();
        }
        List<SpeakerEntry> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            SpeakerEntry e = byId.get(id);
            if (e != null) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(SpeakerEntry::id)); // a stable order whatever the set's
        return out;
    }

    private static List<String> spellings(SpeakerEntry e) {
        List<String> all = new ArrayList<>(e.aliases().size() + 1);
        if (e.name() != null) {
            all.add(e.name());
        }
        all.addAll(e.aliases());
        return all;
    }

    private static void unlink(Map<String, Set<String>> map, String key, String id) {
        map.computeIfPresent(key, (k, ids) -> {
            ids.remove(id);
            return ids.isEmpty() ? null : ids;
        });
    }
}
