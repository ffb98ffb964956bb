package io.stancewire.streams.nlp.en;

import io.stancewire.model.Mention;
import io.stancewire.streams.nlp.EntityCollector;
import io.stancewire.streams.nlp.speakers.ArticleSpeakers;
import io.stancewire.streams.nlp.speakers.Names;
import io.stancewire.streams.nlp.speakers.SpeakerRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people and organisations one article names: CoreNLP's entity runs, repaired where the 3-class model errs
 * (names it never saw that the registry knows, untagged organisations and speakers, a person swallowed by an
 * organisation run), each resolved to its full name and recorded as an entity. Fills the article's name list, which
 * the attribution rules and {@link SpeakerChoice} read.
 */
final class ArticleNames {
    private final String text;
    private final List<Tok> toks;
    private final SpeakerRegistry registry;
    private final ArticleSpeakers speakers;
    private final List<Named> names;
    private final Named[] nameOfToken;
    private final EntityCollector entities;
    private final NameGenders genders;
    private final TextGeometry geometry;

    ArticleNames(String text, List<Tok> toks, SpeakerRegistry registry, ArticleSpeakers speakers, List<Named> names,
                 EntityCollector entities, NameGenders genders, TextGeometry geometry) {
        this.text = text;
        this.toks = toks;
        this.registry = registry;
        this.speakers = speakers;
        this.names = names;
        this.nameOfToken = new Named[toks.size()];
        this.entities = entities;
        this.genders = genders;
        this.geometry = geometry;
    }


    void collect() {
        Map<String, String> fullBySurname = new HashMap<>();
        int i = 0;
        while (i < toks.size()) {
            String ner = toks.get(i).ner();
            if (!ner.equals("PERSON") && !ner.equals("ORGANIZATION") && !ner.equals("LOCATION")) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < toks.size() && toks.get(j + 1).ner().equals(ner)
                    && !geometry.paragraphBreakBetween(j, j + 1)) {
                j++;
            }
            if (ner.equals("ORGANIZATION") && personEndsOrganisation(i, j)) {
                // "Economic Research Ryan Sweet told": the title's organisation, then the person who speaks.
                ner = "PERSON";
                i = j - 1;
            }
            int begin = toks.get(i).begin();
            int end = toks.get(j).end();
            String written = text.substring(begin, end).replaceAll("\\s+", " ");
            String cleaned = written.replaceAll("['’]s$", "");
            String canonical = cleaned;
            if (ner.equals("PERSON")) {
                if (cleaned.contains(" ")) {
                    fullBySurname.put(Names.key(Names.lastToken(cleaned)), cleaned);
                } else {
                    canonical = fullBySurname.getOrDefault(Names.key(cleaned), cleaned);
                }
            }
            Optional<SpeakerRegistry.Entry> entry = registry.byFullName(canonical);
            if (entry.isPresent()) {
                canonical = entry.get().name();
            }
            Named named = new Named(i, j, begin, end, ner, written, canonical, geometry.insideQuote(begin));
            addName(named);
            String id = entry.map(SpeakerRegistry.Entry::id).orElse(ArticleSpeakers.idFor(ner, canonical));
            entities.add(id, entry.map(SpeakerRegistry.Entry::type).orElse(ner), canonical,
                    new Mention(begin, end, written));
            i = j + 1;
        }
        addRegistryNamesNerMissed();
        addUntaggedOrganisations();
        addUntaggedSpeakerNames(fullBySurname);
    }

    /**
     * An organisation run that CoreNLP let swallow the person after it ("Director of Economic Research Ryan Sweet
     * told"): its last two words are a first name and a surname, and a speech verb attributes them.
     */
    private boolean personEndsOrganisation(int i, int j) {
        if (j - i < 2 || !genders.isFirstName(toks.get(j - 1).word()) || !toks.get(j).capitalised()) {
            return false;
        }
        return j + 1 < toks.size() && isSpeechVerb(toks.get(j + 1)) || i > 0 && isSpeechVerb(toks.get(i - 1));
    }

    /** Organisations the NER model left untagged ("St. Rose Hospital"), see {@link ProperOrganisations}. */
    private void addUntaggedOrganisations() {
        for (ProperOrganisations.Run run : ProperOrganisations.find(toks)) {
            boolean taken = false;
            for (int k = run.first(); k <= run.last() && !taken; k++) {
                Named n = nameAt(k);
                // A location inside it ("Fort Smith" of "Fort Smith Police Department") gives way to it.
                taken = n != null && (!n.type().equals("LOCATION") || n.first() < run.first() || n.last() > run.last());
            }
            if (taken) {
                continue;
            }
            names.removeIf(n -> n.first() >= run.first() && n.last() <= run.last());
            int begin = toks.get(run.first()).begin();
            int end = toks.get(run.last()).end();
            String written = text.substring(begin, end).replaceAll("\\s+", " ");
            Optional<SpeakerRegistry.Entry> entry = registry.byFullName(written);
            String canonical = entry.map(SpeakerRegistry.Entry::name).orElse(written);
            addName(new Named(run.first(), run.last(), begin, end, "ORGANIZATION", written, canonical,
                    geometry.insideQuote(begin)));
            entities.add(entry.map(SpeakerRegistry.Entry::id).orElse(ArticleSpeakers.idFor("ORGANIZATION", canonical)),
                    "ORGANIZATION", canonical, new Mention(begin, end, written));
        }
        names.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    }

    /**
     * CoreNLP's NER misses many surnames standing alone ("Sacks said", "said Li"). A proper noun that a speech
     * verb attributes is a person: directly before or after the verb, before a comma-enclosed apposition that
     * the verb follows, or after "by" ("a post by tech blogger Chapingjun"); and, anywhere inside a sentence, the
     * surname of someone the article named in full.
     */
    private void addUntaggedSpeakerNames(Map<String, String> fullBySurname) {
        int i = 0;
        while (i < toks.size()) {
            Tok t = toks.get(i);
            if (!isUntaggedName(t) || nameAt(i) != null) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < toks.size() && isUntaggedName(toks.get(j + 1)) && toks.get(j + 1).sentence() == t.sentence()) {
                j++;
            }
            // "In both fora, Holder rejected …": the surname of a person the article named in full, written
            // capitalised inside a sentence, is that person although the tagger took it for a common noun.
            boolean knownSurname = i == j && i > 0 && toks.get(i - 1).sentence() == t.sentence()
                    && fullBySurname.containsKey(Names.key(t.word()));
            if (attributedBySpeechVerb(i, j) || knownSurname) {
                // "Economic Research Ryan Sweet told": title words before the name; it starts at its first name.
                for (int k = i + 1; k < j && j - i >= 2; k++) {
                    if (genders.isFirstName(toks.get(k).word())) {
                        i = k;
                        t = toks.get(k);
                        break;
                    }
                }
                int begin = t.begin();
                int end = toks.get(j).end();
                String written = text.substring(begin, end).replaceAll("\\s+", " ");
                String canonical = written.contains(" ") ? written
                        : fullBySurname.getOrDefault(Names.key(written), written);
                Optional<SpeakerRegistry.Entry> entry = registry.byFullName(canonical);
                String type = entry.map(SpeakerRegistry.Entry::type).orElse("PERSON");
                canonical = entry.map(SpeakerRegistry.Entry::name).orElse(canonical);
                addName(new Named(i, j, begin, end, type, written, canonical, geometry.insideQuote(begin)));
                entities.add(entry.map(SpeakerRegistry.Entry::id).orElse(ArticleSpeakers.idFor(type, canonical)),
                        type, canonical, new Mention(begin, end, written));
            }
            i = j + 1;
        }
        names.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    }

    private static boolean isUntaggedName(Tok t) {
        return t.ner().equals("O") && (t.tag().equals("NNP") || t.tag().equals("NNPS")
                || t.tag().startsWith("NN") && t.capitalised()) && t.capitalised()
                && !SpeechVerbs.TITLES.contains(t.word().toLowerCase())
                // "Officials said …" at a sentence start: a group, capitalised only by its position.
                && !SpeechVerbs.GROUP_NOUNS.contains(t.word().toLowerCase())
                && !SpeechVerbs.ANONYMOUS_NOUNS.contains(t.word().toLowerCase())
                && t.word().chars().anyMatch(Character::isLowerCase);
    }

    private boolean attributedBySpeechVerb(int i, int j) {
        Tok before = i > 0 ? toks.get(i - 1) : null;
        Tok after = j + 1 < toks.size() ? toks.get(j + 1) : null;
        if (after != null && isSpeechVerb(after)) {
            return true;
        }
        if (before != null && isSpeechVerb(before) && (after == null || after.isPunct())) {
            return true;
        }
        if (after != null && after.word().equals(",")) {
            for (int k = j + 2; k < toks.size() && k < j + 16 && toks.get(k).sentence() == toks.get(j).sentence(); k++) {
                if (toks.get(k).word().equals(",")) {
                    return k + 1 < toks.size() && isSpeechVerb(toks.get(k + 1));
                }
            }
        }
        int k = i - 1;
        while (k >= 0 && toks.get(k).tag().startsWith("NN") && !toks.get(k).capitalised()) {
            k--;
        }
        return k >= 0 && toks.get(k).word().equals("by");
    }

    static boolean isSpeechVerb(Tok t) {
        return t.isVerb() && SpeechVerbs.QUOTING.contains(t.lemma());
    }

    /** CoreNLP misses names its models never saw ("Hugging Face"); the registry knows them. */
    private void addRegistryNamesNerMissed() {
        for (SpeakerRegistry.Hit hit : speakers.registryMentions()) {
            boolean covered = names.stream().anyMatch(n -> n.begin() < hit.end() && hit.begin() < n.end());
            int first = geometry.firstTokenAtOrAfter(hit.begin());
            int last = geometry.lastTokenBefore(hit.end());
            if (covered || first > last || first >= toks.size()) {
                continue;
            }
            SpeakerRegistry.Entry e = hit.entry();
            String written = text.substring(hit.begin(), hit.end());
            addName(new Named(first, last, hit.begin(), hit.end(), e.type(), written, e.name(),
                    geometry.insideQuote(hit.begin())));
            entities.add(e.id(), e.type(), e.name(), new Mention(hit.begin(), hit.end(), written));
        }
        names.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    }

    Named nameAt(int tokIndex) {
        return nameOfToken[tokIndex];
    }

    private void addName(Named named) {
        names.add(named);
        for (int k = named.first(); k <= named.last(); k++) {
            nameOfToken[k] = named;
        }
    }
}
