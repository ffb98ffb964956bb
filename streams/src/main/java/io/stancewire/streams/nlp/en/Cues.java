package io.stancewire.streams.nlp.en;

import java.util.List;
import java.util.Set;

/**
 * Attributions whose cue is not a plain speech verb: an appeal ("called on lawmakers to …"), a characterisation
 * ("accused Carlson of …", "dismissed the push as a 'red herring'", "called tariffs better than higher taxes") and a
 * proposition noun ("raising serious concerns that …", "repeated the lie that …"). PARC-style annotation counts all
 * of them, and news uses them for much of its reported speech.
 */
final class Cues {
    private Cues() {}

    /** Nouns whose "that" clause is what someone holds or says. Not "fact" or "idea": those are the writer's. */
    private static final Set<String> PROPOSITION_NOUNS = Set.of(
            "concern", "fear", "worry", "warning", "claim", "lie", "belief", "view", "argument", "assertion",
            "allegation", "hope", "assurance", "promise", "prediction", "suggestion", "complaint", "accusation", "stance",
            "position", "insistence");

    /** Verbs that put such a noun forward ("raise concerns that", "repeated the claim that"). */
    private static final Set<String> PROPOSING_VERBS = Set.of(
            "raise", "voice", "express", "repeat", "reiterate", "make", "echo", "air", "spread", "share", "push",
            "level", "dismiss", "reject");

    /**
     * "called on lawmakers to take steps", "called for him to face a challenger": an appeal like "urged", unlike
     * "called the plan a mistake" or "called for a ban" (no one is asked to do anything).
     */
    static boolean callsOn(List<Tok> sentence, int v) {
        if (!sentence.get(v).lemma().equals("call") || v + 1 >= sentence.size()) {
            return false;
        }
        String next = sentence.get(v + 1).word();
        if (next.equalsIgnoreCase("on")) {
            return true;
        }
        // "for" + a short object + "to": the object is asked to act.
        return next.equalsIgnoreCase("for") && sentence.subList(v + 2, Math.min(sentence.size(), v + 6)).stream()
                .anyMatch(t -> t.tag().equals("TO"));
    }

    /** Verbs that ask someone to act ("urged X to", "advises patients … to"): the one asked and the act are the content. */
    static final Set<String> APPEALING = Set.of("urge", "advise", "tell", "call");

    /**
     * Beliefs about what someone will do ("analysts had expected the company to report a profit"): like an appeal,
     * the object and its infinitive are the content, though no finite verb follows.
     */
    static final Set<String> EXPECTING = Set.of("expect", "predict", "believe");

    /** "As one economist put it, …": the idiom attributes what follows like a speech verb. */
    static boolean asPutIt(List<Tok> window, int v) {
        if (!window.get(v).lemma().equals("put") || v + 1 >= window.size() || !window.get(v + 1).word().equalsIgnoreCase("it")) {
            return false;
        }
        for (int k = v - 1; k >= 0 && v - k <= 8; k--) {
            if (window.get(k).word().equalsIgnoreCase("as")) {
                return true;
            }
            // "As one journalist covering the research put it": a participle may qualify the subject.
            if (Phrases.finite(window.get(k)) || window.get(k).word().equals(",")) {
                return false;
            }
        }
        return false;
    }

    /** Verbs of commitment, whose content is the infinitive: "they vowed to mandate …", "pledged to send …". */
    private static final Set<String> COMMITTING = Set.of("vow", "pledge", "promise");

    /**
     * The index of the "to" that opens what the verb at {@code v} commits to ("vowed to block debate"), or -1. PARC
     * annotates such commitments like "urged X to"; "promised a tax cut" (a noun) is not one.
     */
    static int commitment(List<Tok> sentence, int v, int last) {
        if (!COMMITTING.contains(sentence.get(v).lemma()) || !sentence.get(v).isVerb()) {
            return -1;
        }
        int k = v + 1;
        while (k <= last && sentence.get(k).tag().startsWith("RB")) {
            k++;
        }
        return k < last && sentence.get(k).tag().equals("TO") && sentence.get(k + 1).tag().equals("VB") ? k : -1;
    }

    /**
     * "accused X of …", "dismissed X as …", "hailed X as …", "called X better than …" / 'called X "a disaster"': a
     * characterisation of an object, whose content is the object with what is said of it. Also as a participle after a
     * comma (", calling it a clear violation of …"), whose speaker is the sentence's subject.
     */
    static boolean characterises(List<Tok> sentence, int v, int last, QuoteMarkTest marks) {
        String lemma = sentence.get(v).lemma();
        if (!sentence.get(v).isVerb() || sentence.get(v).tag().equals("VBG") && !sentence.get(v - 1).word().equals(",")) {
            return false;
        }
        String linker = switch (lemma) {
            case "accuse" -> "of";
            case "dismiss", "describe", "characterize", "characterise", "brand", "label", "hail", "praise", "denounce",
                 "condemn" -> "as";
            case "call" -> "";
            default -> null;
        };
        if (linker == null) {
            return false;
        }
        int object = objectEnd(sentence, v + 1, last);
        if (object <= v + 1 || object > last) {
            return false;
        }
        Tok next = sentence.get(object);
        if (!linker.isEmpty()) {
            // "dismissed Democrats' push to tie the standoff to … as a 'red herring'": the linker may come after
            // a long object, but within its clause.
            for (int k = object; k < last && k - object < 24; k++) {
                Tok w = sentence.get(k);
                if (w.word().equalsIgnoreCase(linker)) {
                    return true;
                }
                // "accused the Congress, West Bengal Chief Minister Mamata Banerjee and other parties of …": a comma
                // inside a list of objects, which names come after, does not end the clause.
                boolean list = w.word().equals(",") && k + 1 < last && sentence.get(k + 1).tag().startsWith("NNP");
                if (w.word().equals(",") && !list || w.tag().equals("VBD") || w.tag().equals("VBZ") || w.tag().equals("VBP")) {
                    return false;
                }
            }
            return false;
        }
        // "called tariffs better than higher taxes", 'called it "a disgrace"', "called him a liar"
        boolean predicate = next.tag().startsWith("JJ") || marks.isMark(next)
                || next.tag().equals("DT") && object + 1 <= last && sentence.get(object + 1).tag().matches("JJ.*|NN.*");
        return predicate && !sentence.get(v + 1).word().equalsIgnoreCase("for");
    }

    /** The index after the object noun phrase starting at {@code from} (at most eight tokens), or {@code from}. */
    private static int objectEnd(List<Tok> sentence, int from, int last) {
        int i = from;
        while (i <= last && i - from < 8) {
            Tok t = sentence.get(i);
            // "now-former prime-time host Tucker Carlson"
            boolean hyphenated = t.tag().startsWith("RB") && i + 1 <= last && sentence.get(i + 1).tag().matches("HYPH|JJ.*");
            boolean np = hyphenated || t.tag().startsWith("NN") || t.tag().equals("DT") || t.tag().equals("PRP")
                    || t.tag().equals("PRP$") || t.tag().equals("POS") || t.tag().equals("CD")
                    || t.tag().startsWith("JJ") && i + 1 <= last && sentence.get(i + 1).tag().matches("NN.*|JJ.*")
                    || t.word().equals("-") || t.tag().equals("HYPH");
            if (!np) {
                break;
            }
            i++;
            if (t.tag().equals("PRP")) {
                // "calling it a clear violation": a pronoun is the whole object
                break;
            }
        }
        return i;
    }

    /** "raising serious concerns that …", "repeated the lie that …": the clause after "that" is the content. */
    static boolean proposes(List<Tok> sentence, int v, int last) {
        if (!PROPOSING_VERBS.contains(sentence.get(v).lemma()) || !sentence.get(v).isVerb()) {
            return false;
        }
        for (int k = v + 1; k < Math.min(last, v + 7); k++) {
            Tok t = sentence.get(k);
            if (t.tag().startsWith("NN") && PROPOSITION_NOUNS.contains(t.lemma())) {
                // "rejected the claim that was published on Monday": a relative clause is no content.
                return NounCues.opensClause(sentence, k + 1, last);
            }
            // "reiterated the Iranian leadership's stance that …": a possessor before the noun.
            boolean possessor = t.tag().startsWith("NN") || t.tag().equals("POS");
            if (!(possessor || t.tag().equals("DT") || t.tag().startsWith("JJ") || t.tag().equals("PRP$") || t.tag().startsWith("RB"))) {
                return false;
            }
        }
        return false;
    }

    /** "be" before a participle makes it finite: "are raising concerns that". */
    static boolean progressive(List<Tok> sentence, int v) {
        int k = v - 1;
        while (k >= 0 && sentence.get(k).tag().startsWith("RB")) {
            k--;
        }
        return k >= 0 && sentence.get(k).lemma().equals("be") && sentence.get(v).tag().equals("VBG");
    }

    /** How the rules tell a quote mark from other punctuation (it depends on the text, not the token). */
    interface QuoteMarkTest {
        boolean isMark(Tok t);
    }
}
