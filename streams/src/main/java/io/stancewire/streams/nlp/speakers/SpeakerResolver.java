package io.stancewire.streams.nlp.speakers;

import io.stancewire.model.Entity;
import io.stancewire.model.Mention;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Speaker;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.streams.nlp.FoundQuote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the speakers one article found against the registry shared by every stream instance, after the article's
 * own resolution ({@link ArticleSpeakers}) is done:
 * <ul>
 *   <li>a full name the registry knows (any script) takes the registry's id and canonical name;</li>
 *   <li>a full name it does not know is a new speaker: its id is {@link ArticleSpeakers#idFor} of type and
 *       normalised name, the same on every instance, and a {@link SpeakerEntry#LEARNED} entry is proposed;</li>
 *   <li>a lone surname ("Doe said") takes the registered person of that surname whose affiliation the article also
 *       names, or the only registered person of that surname when nothing in the article contradicts them (the
 *       article gives the speaker another affiliation). Two people sharing the surname and nothing to choose between
 *       them: the article's own resolution stays.</li>
 * </ul>
 * Stateless and thread-safe; it reads the directory and never writes it (new entries go out through Kafka).
 */
public final class SpeakerResolver {
    /** The article's quotes and entities with registry ids, and the registry entries it introduced. */
    public record Resolved(List<FoundQuote> quotes, List<Entity> entities, List<SpeakerEntry> newEntries) {}

    private record Target(String id, String name, String affiliation, String role, String type) {}

    private final SpeakerDirectory directory;

    public SpeakerResolver(SpeakerDirectory directory) {
        this.directory = directory;
    }

    public Resolved resolve(String text, List<FoundQuote> quotes, List<Entity> entities, String articleId, Instant now) {
        ArticleContext context = new ArticleContext(text);
        Map<String, Target> renamed = new HashMap<>();
        Map<String, SpeakerEntry> learned = new LinkedHashMap<>();
        List<FoundQuote> out = new ArrayList<>(quotes.size());
        for (FoundQuote q : quotes) {
            Speaker s = q.speaker();
            if (s == null || s.name() == null || s.name().isBlank()) {
                out.add(q);
                continue;
            }
            Target target = target(s, context);
            if (target == null && isFullName(s) && isRegistrable(s)) {
                String id = ArticleSpeakers.idFor(s.type(), s.name());
                SpeakerEntry known = learned.get(id);
                if (known == null) {
                    known = new SpeakerEntry(SchemaVersion.CURRENT, id, s.type(), s.name().strip(), List.of(),
                            s.affiliation(), s.role(), SpeakerEntry.LEARNED, now, articleId);
                    learned.put(id, known);
                }
                target = new Target(id, known.name(), null, null, s.type());
            }
            if (target == null) {
                out.add(q);
                continue;
            }
            if (s.id() != null && !s.id().equals(target.id())) {
                renamed.put(s.id(), target);
            }
            Speaker resolved = new Speaker(target.id(), target.name(), s.mention(),
                    s.affiliation() != null ? s.affiliation() : target.affiliation(),
                    s.role() != null ? s.role() : target.role(), target.type() != null ? target.type() : s.type());
            out.add(new FoundQuote(q.begin(), q.end(), q.text(), q.kind(), resolved, q.cue(), q.context()));
        }
        return new Resolved(out, renamed.isEmpty() ? entities : rename(entities, renamed), List.copyOf(learned.values()));
    }

    /** The registry entry this speaker is, or null when the registry has none or cannot tell. */
    private Target target(Speaker s, ArticleContext context) {
        Optional<SpeakerEntry> byId = directory.byId(s.id());
        if (byId.isPresent()) {
            return of(byId.get());
        }
        if (isFullName(s)) {
            List<SpeakerEntry> named = sameType(directory.byFullName(s.name()), s.type());
            SpeakerEntry pick = named.size() == 1 ? named.get(0) : agreeing(named, s, context);
            return pick == null ? null : of(pick);
        }
        if (!ArticleSpeakers.PERSON.equals(s.type()) && s.type() != null) {
            return null;
        }
        List<SpeakerEntry> candidates = sameType(directory.bySurname(s.name()), ArticleSpeakers.PERSON);
        SpeakerEntry pick = agreeing(candidates, s, context);
        if (pick == null && candidates.size() == 1 && !contradicts(candidates.get(0), s)) {
            pick = candidates.get(0);
        }
        return pick == null ? null : of(pick);
    }

    /** The one candidate whose affiliation the article names (or gives the speaker); null when none or several. */
    private SpeakerEntry agreeing(List<SpeakerEntry> candidates, Speaker s, ArticleContext context) {
        SpeakerEntry found = null;
        for (SpeakerEntry c : candidates) {
            if (c.affiliation() == null || contradicts(c, s)) {
                continue;
            }
            boolean agrees = s.affiliation() != null || context.names(c.affiliation(), directory);
            if (agrees) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    /** The article says this speaker works somewhere else than the registered person. */
    private boolean contradicts(SpeakerEntry candidate, Speaker s) {
        return s.affiliation() != null && candidate.affiliation() != null
                && !sameOrganisation(s.affiliation(), candidate.affiliation());
    }

    private boolean sameOrganisation(String a, String b) {
        if (Names.key(a).equals(Names.key(b))) {
            return true;
        }
        List<SpeakerEntry> orgA = directory.byFullName(a);
        List<SpeakerEntry> orgB = directory.byFullName(b);
        return !orgA.isEmpty() && orgA.equals(orgB);
    }

    /**
     * Only people and organisations become registry entries: a group ("economists"), a document ("the earnings
     * report") or an unnamed source is not someone a later article can name again.
     */
    private static boolean isRegistrable(Speaker s) {
        return ArticleSpeakers.PERSON.equals(s.type()) || ArticleSpeakers.ORGANIZATION.equals(s.type());
    }

    private static boolean isFullName(Speaker s) {
        return ArticleSpeakers.ORGANIZATION.equals(s.type()) || s.name().strip().contains(" ");
    }

    private static List<SpeakerEntry> sameType(List<SpeakerEntry> entries, String type) {
        return type == null ? entries : entries.stream().filter(e -> type.equals(e.type())).toList();
    }

    private static Target of(SpeakerEntry e) {
        return new Target(e.id(), e.name(), e.affiliation(), e.role(), e.type());
    }

    /** Entities whose id a quote's speaker moved to a registry id follow it, merged when two meet. */
    private static List<Entity> rename(List<Entity> entities, Map<String, Target> renamed) {
        Map<String, Entity> merged = new LinkedHashMap<>();
        for (Entity e : entities) {
            Target t = renamed.get(e.id());
            Entity moved = t == null ? e : new Entity(t.id(), e.type(), t.name(), e.mentions());
            merged.merge(moved.id(), moved, (a, b) -> {
                List<Mention> mentions = new ArrayList<>(a.mentions());
                b.mentions().stream().filter(m -> a.mentions().stream().noneMatch(x -> x.begin() == m.begin())).forEach(mentions::add);
                mentions.sort((x, y) -> Integer.compare(x.begin(), y.begin()));
                return new Entity(a.id(), a.type(), a.name(), mentions);
            });
        }
        return List.copyOf(merged.values());
    }

    /** Which organisations an article names, by any spelling the registry has for them. */
    private static final class ArticleContext {
        private final String folded;
        private final Map<String, Boolean> seen = new HashMap<>();

        ArticleContext(String text) {
            this.folded = Names.fold(text == null ? "" : text).toLowerCase(Locale.ROOT);
        }

        boolean names(String organisation, SpeakerDirectory directory) {
            return seen.computeIfAbsent(Names.key(organisation), key -> {
                List<String> spellings = new ArrayList<>();
                spellings.add(organisation);
                for (SpeakerEntry org : directory.byFullName(organisation)) {
                    spellings.add(org.name());
                    spellings.addAll(org.aliases());
                }
                return spellings.stream().anyMatch(this::contains);
            });
        }

        private boolean contains(String spelling) {
            String words = Names.key(spelling);
            if (words.isEmpty()) {
                return false;
            }
            return Pattern.compile("(?<![\\p{L}\\p{M}\\p{Nd}])" + Pattern.quote(words).replace(" ", "\\E\\s+\\Q")
                    + "(?![\\p{L}\\p{M}\\p{Nd}])").matcher(folded).find();
        }
    }
}
