package io.stancewire.streams.nlp.speakers;

import io.stancewire.model.Ids;
import io.stancewire.model.Mention;
import io.stancewire.model.Speaker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Speaker resolution within one article: registry aliases, surnames resolved to the full name the article introduced
 * earlier, and the previous speaker for pronouns. Not thread-safe: one instance per article.
 */
public final class ArticleSpeakers {
    public static final String PERSON = "PERSON";
    public static final String ORGANIZATION = "ORGANIZATION";

    private final SpeakerRegistry registry;
    private final List<SpeakerRegistry.Hit> hits;
    /** Full names the article has used so far, in order, with what it said about them. */
    private final List<Speaker> introduced = new ArrayList<>();
    private Speaker previous;

    public ArticleSpeakers(SpeakerRegistry registry, String text) {
        this.registry = registry;
        this.hits = registry.findAll(text);
    }

    /** Registry aliases found in the text; short ones only where their entity was introduced before. */
    public List<SpeakerRegistry.Hit> registryMentions() {
        List<SpeakerRegistry.Hit> valid = new ArrayList<>();
        for (SpeakerRegistry.Hit hit : hits) {
            if (hit.full() || introducedBefore(hit.entry(), hit.begin())) {
                valid.add(hit);
            }
        }
        return valid;
    }

    private boolean introducedBefore(SpeakerRegistry.Entry entry, int position) {
        for (SpeakerRegistry.Hit hit : hits) {
            if (hit.begin() >= position) {
                return false;
            }
            if (hit.full() && hit.entry().id().equals(entry.id())) {
                return true;
            }
        }
        return false;
    }

    /** Records a person or organisation named in full, so that later surnames resolve to it. */
    public void introduce(String fullName, String type, String affiliation, String role) {
        introduced.add(new Speaker(null, fullName, null, affiliation, role, type));
    }

    /**
     * @param written     the name as printed (a full name, a surname, a short form)
     * @param mention     where it is printed
     * @param type        PERSON or ORGANIZATION as far as the caller knows (the registry may correct it)
     * @param affiliation from an apposition, or null
     * @param role        from an apposition, or null
     * @param preferText  when the article's own apposition should win over the registry's (e.g. English text, where
     *                    it is readable and current); otherwise the registry's canonical English values win
     */
    public Speaker resolve(String written, Mention mention, String type, String affiliation, String role,
                           boolean preferText) {
        String name = written.strip();
        int position = mention == null ? Integer.MAX_VALUE : mention.begin();
        Optional<SpeakerRegistry.Entry> entry = registry.byFullName(name);
        if (entry.isEmpty()) {
            entry = registry.byShortName(name).filter(e -> introducedBefore(e, position));
        }
        Speaker earlier = null;
        if (entry.isEmpty()) {
            earlier = earlierFullName(name, type);
            if (earlier != null) {
                entry = registry.byFullName(earlier.name());
            }
        }
        String canonicalAffiliation = affiliation == null ? null
                : registry.byFullName(affiliation).map(SpeakerRegistry.Entry::name).orElse(affiliation.strip());
        if (entry.isPresent()) {
            SpeakerRegistry.Entry e = entry.get();
            String aff = preferText && canonicalAffiliation != null ? canonicalAffiliation
                    : firstNonNull(e.affiliation(), canonicalAffiliation);
            String r = preferText && role != null ? role : firstNonNull(e.role(), role);
            return new Speaker(e.id(), e.name(), mention, aff, r, e.type());
        }
        if (earlier != null) {
            return new Speaker(idFor(earlier.type(), earlier.name()), earlier.name(), mention,
                    firstNonNull(canonicalAffiliation, earlier.affiliation()), firstNonNull(role, earlier.role()),
                    earlier.type());
        }
        if (name.contains(" ") || ORGANIZATION.equals(type)) {
            introduce(name, type, canonicalAffiliation, role);
        }
        return new Speaker(idFor(type, name), name, mention, canonicalAffiliation, role, type);
    }

    /** "Triolo" after "Paul Triolo": the latest introduced full name whose last word is this one. */
    private Speaker earlierFullName(String name, String type) {
        if (name.contains(" ")) {
            return null;
        }
        String key = Names.key(name);
        for (int i = introduced.size() - 1; i >= 0; i--) {
            Speaker s = introduced.get(i);
            if ((type == null || type.equals(s.type())) && Names.key(Names.lastToken(s.name())).equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** The speaker a pronoun ("he added", "انہوں نے مزید کہا") refers to when nothing nearer is known. */
    public Speaker previous() {
        return previous;
    }

    public void attributed(Speaker speaker) {
        if (speaker != null) {
            previous = speaker;
        }
    }

    public static Speaker withMention(Speaker speaker, Mention mention) {
        return speaker == null ? null : new Speaker(speaker.id(), speaker.name(), mention, speaker.affiliation(),
                speaker.role(), speaker.type());
    }

    public static String idFor(String type, String name) {
        return Ids.hash((type == null ? "" : type) + "\u0000" + Names.key(name));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
