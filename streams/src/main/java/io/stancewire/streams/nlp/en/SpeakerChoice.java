package io.stancewire.streams.nlp.en;

import io.stancewire.model.Mention;
import io.stancewire.model.Speaker;
import io.stancewire.streams.nlp.speakers.ArticleSpeakers;

import java.util.List;
import java.util.Map;

/**
 * Who a pronoun or a role noun stands for, from what the article has said so far: the names it mentioned and the
 * speakers already attributed. Shares the article's name list and attribution map, which grow as the rules run.
 */
final class SpeakerChoice {
    private final List<Tok> toks;
    private final List<Named> names;
    /** Who was attributed where (offset of the quote), for "I"/"we" and for "he said" continuing a speaker. */
    private final Map<Integer, Speaker> attributions;
    /** What appositions told about a person, so that "Triolo said" later keeps "partner at DGA Group". */
    private final Map<String, Speaker> described;
    private final ArticleSpeakers speakers;
    private final NameGenders genders;

    SpeakerChoice(List<Tok> toks, List<Named> names, Map<Integer, Speaker> attributions, Map<String, Speaker> described,
                  ArticleSpeakers speakers, NameGenders genders) {
        this.toks = toks;
        this.names = names;
        this.attributions = attributions;
        this.described = described;
        this.speakers = speakers;
        this.genders = genders;
    }

    /** "the former president said": whoever has been speaking, else the person named last. */
    Speaker role(int before) {
        Speaker previous = previousSpeaker(before);
        return previous != null && "PERSON".equals(previous.type()) ? previous : latest("PERSON", before);
    }

    /**
     * "he" / "she": the nearest person named before (outside quotes, of a compatible gender where the first name
     * tells), unless that person is only mentioned in passing and someone has been speaking: then the speaker
     * continues ('Taylor blamed the rhetoric of President Trump. "…," he said' is Taylor). "it": the nearest
     * organisation. "they": a group or organisation that has just been speaking, else people named together or a
     * group noun that was the subject just before ({@link PluralAntecedents}), else unresolved.
     */
    Speaker pronoun(Tok pronoun, Mention mention) {
        String lower = switch (pronoun.word().toLowerCase()) {
            case "his", "him" -> "he";
            case "her" -> "she";
            case "their", "them" -> "they";
            case "its" -> "it";
            case "our" -> "we";
            case "my" -> "i";
            default -> pronoun.word().toLowerCase();
        };
        Speaker s = null;
        if (SpeechVerbs.PERSON_PRONOUNS.contains(lower)) {
            String gender = lower.equals("he") ? "MALE" : "FEMALE";
            Named nearest = null;
            for (int i = names.size() - 1; i >= 0 && nearest == null; i--) {
                Named n = names.get(i);
                if (n.begin() < pronoun.begin() && n.type().equals("PERSON") && !n.inQuote()
                        && genders.compatible(n.canonical(), gender)) {
                    nearest = n;
                }
            }
            Speaker previous = previousSpeaker(pronoun.begin());
            boolean previousFits = previous != null && "PERSON".equals(previous.type())
                    && genders.compatible(previous.name(), gender);
            if (nearest != null && (!previousFits || isSentenceSubject(nearest))) {
                s = speakerOf(nearest);
            } else if (previousFits) {
                s = previous;
            }
        } else if (lower.equals("i") || lower.equals("we")) {
            s = previousSpeaker(pronoun.begin());
        } else if (lower.equals("it")) {
            s = latest("ORGANIZATION", pronoun.begin());
        } else if (lower.equals("they")) {
            // "Officials said … They added that …": only a group or organisation that has just been speaking.
            Speaker previous = previousSpeaker(pronoun.begin());
            s = previous != null && ("GROUP".equals(previous.type()) || "ORGANIZATION".equals(previous.type()))
                    ? previous : PluralAntecedents.before(toks, names, pronoun);
        }
        return ArticleSpeakers.withMention(s, mention);
    }

    /** A name at the start of its sentence is what the sentence is about. */
    boolean isSentenceSubject(Named n) {
        int k = n.first();
        int sentence = toks.get(k).sentence();
        int fromStart = 0;
        while (k - fromStart - 1 >= 0 && toks.get(k - fromStart - 1).sentence() == sentence) {
            fromStart++;
        }
        return fromStart <= 3;
    }

    Speaker previousSpeaker(int before) {
        Speaker found = null;
        int at = -1;
        for (Map.Entry<Integer, Speaker> e : attributions.entrySet()) {
            if (e.getKey() < before && e.getKey() > at) {
                at = e.getKey();
                found = e.getValue();
            }
        }
        return found;
    }

    Speaker speakerOf(Named n) {
        Speaker s = speakers.resolve(n.canonical(), null, n.type(), null, null, true);
        Speaker known = described.get(s.name());
        return known != null ? known : s;
    }

    Speaker latest(String type, int before) {
        for (int i = names.size() - 1; i >= 0; i--) {
            Named n = names.get(i);
            if (n.begin() < before && n.type().equals(type) && !n.inQuote()) {
                return speakerOf(n);
            }
        }
        return null;
    }
}
