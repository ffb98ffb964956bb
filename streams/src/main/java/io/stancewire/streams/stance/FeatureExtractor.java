package io.stancewire.streams.stance;

import io.stancewire.streams.stance.CueLexicon.Category;
import io.stancewire.streams.stance.CueLexicon.Match;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a quote into stance features. Words alone do not decide stance ("the gap will grow" is calm and unfavourable,
 * "no export ban will stop China" is favourable with a negation), so each stance cue is oriented before it becomes a
 * feature: towards the subject when its agent is the rival ("we are ahead"), reversed inside a negation scope
 * ("not nearly as good"), reversed when a small distance qualifies being behind ("nanoseconds behind"), and marked
 * when it is hedged, conditional, counterfactual or conceded ("although they lack chips, …"). The classifier learns
 * how much each of these kinds counts. Cues come from language lexicons (English, Urdu) that map to the same
 * features, so a model trained mostly on English quotes also scores Urdu ones.
 */
final class FeatureExtractor {

    /** Fragments shorter than this are read in the sentence of the context that contains them. */
    private static final int FRAGMENT_WORDS = 6;
    private static final int NEGATION_WINDOW = 4;
    private static final int DISTANCE_WINDOW = 3;
    /** Before a gap word ("a widening gap"); after it the whole clause counts ("the gap … has effectively closed"). */
    private static final int GAP_WINDOW = 6;
    /** Verbs of closing are also stance words ("China is close"), so the gap check recognises them by form. */
    private static final Set<String> CLOSING = Set.of("close", "closes", "closed", "closing");
    /** Words before an attributive adjective ("a powerful Nvidia chip"), where the entity after it owns the cue. */
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "more", "most", "less", "least", "very",
            "really", "super", "so", "extremely", "truly", "highly", "its", "their", "our", "these", "those");
    /** Verbs through which a pronoun subject owns a following stance word ("they are behind", "we remain ahead"). */
    private static final Set<String> COPULAS = Set.of("is", "are", "was", "were", "be", "been", "being", "'re", "re",
            "remain", "remains", "stay", "stays", "will", "would", "have", "has", "had", "still", "ہیں", "ہے");
    /** Verbs of perceiving and saying: what follows them is someone else's standing, not the pronoun's. */
    private static final Set<String> REPORTING = Set.of("see", "seen", "saw", "seeing", "hear", "heard", "notice", "noticed",
            "observe", "observed", "watch", "watched", "found", "find", "think", "thinks", "believe", "believes", "say",
            "said", "says", "expect", "expects", "know", "knows", "دیکھا", "دیکھ", "سنا", "کہا");
    /** Prepositions between a comparison and its standard ("ahead of the best", "catch up with the top"). */
    private static final Set<String> STANDARD_PREPOSITIONS = Set.of("of", "with", "to");
    /** Words after a stance adjective that make the next entity its standard, not its owner ("better than Bing"). */
    private static final Set<String> COMPARISON_LINKS = Set.of("than", "of", "to", "with", "over", "from", "behind", "ahead", "as", "against");
    /** Urdu puts the negator after a predicate adjective ("طاقتور نہیں ہیں", not powerful). */
    private static final int URDU_POST_NEGATION_WINDOW = 2;
    private static final Set<String> URDU_NEGATORS = Set.of("نہیں", "نہ");
    /** Which cue fired matters less than how it was oriented; a low weight keeps single cue words from dominating. */
    private static final double CUE_WEIGHT = 0.2;
    /** Words and word pairs (within a clause) add what the lexicons miss; weights chosen by 10-fold cross-validation on the training file (words 0.25 → 0.4: CV macro-F1 0.798 → 0.813). */
    private static final double WORD_WEIGHT = 0.4;
    private static final double BIGRAM_WEIGHT = 0.3;
    private static final Set<Category> POLAR = Set.of(Category.POS, Category.NEG, Category.POS_FIXED, Category.NEG_FIXED, Category.GAP);
    private static final Set<String> FIRST_PERSON = Set.of("we", "our", "ours", "ourselves", "ہم", "ہمارے", "ہماری", "ہمارا");
    private static final Set<String> THIRD_PERSON = Set.of("they", "them", "their", "theirs");

    /** A stance cue as it was read: the text span that shows it and the features it produced. */
    record CueSpan(String text, List<String> features) {}

    record Extraction(Map<String, Double> features, List<CueSpan> spans, boolean relevant, String analysedText) {}

    private final CueLexicon cues;
    private final CueLexicon entities;
    private final StanceTarget target;

    FeatureExtractor(CueLexicon cues, StanceTarget target) {
        this.cues = cues;
        this.target = target;
        Map<Category, List<String>> terms = new EnumMap<>(Category.class);
        terms.put(Category.SUBJECT, target.relevanceTerms());
        terms.put(Category.RIVAL, target.rivalTerms());
        terms.put(Category.TOPIC, target.topicTerms());
        this.entities = CueLexicon.ofTerms(terms);
    }

    Extraction extract(String quote, String context, String speaker) {
        String text = analysedText(quote, context);
        List<Token> tokens = Tokenizer.tokenize(text);
        List<Match> cueMatches = cues.match(tokens);
        int speakerSide = speakerSide(speaker);
        int weSide = speakerSide != 0 ? speakerSide : target.firstPersonSide() == StanceTarget.Side.SUBJECT ? 1 : -1;
        List<Match> entityMatches = entities.match(tokens);
        int[] side = sides(tokens, entityMatches, weSide);
        Category[] marker = markers(tokens, cueMatches);
        int[] sentence = new int[tokens.size()];
        int[] clause = new int[tokens.size()];
        segment(tokens, marker, sentence, clause);

        Map<String, Double> f = new LinkedHashMap<>();
        List<CueSpan> spans = new ArrayList<>();
        double pos = 0;
        double neg = 0;
        boolean anyPos = false;
        boolean anyNeg = false;
        for (Match m : cueMatches) {
            if (m.category() == Category.NEUTRAL) {
                add(f, "neu", 1);
                add(f, "c:" + m.phrase(), 1);
                spans.add(new CueSpan(span(text, tokens, m.start(), m.end()), List.of("neu", "c:" + m.phrase())));
                continue;
            }
            if (!POLAR.contains(m.category())) {
                continue;
            }
            Oriented o = orient(m, tokens, marker, sentence, clause, side);
            if (o == null) {
                continue;
            }
            anyPos |= o.sign > 0;
            anyNeg |= o.sign < 0;
            String sg = o.sign > 0 ? "+" : "-";
            boolean weak = o.flags.contains("hedge") || o.flags.contains("cond") || o.flags.contains("conc");
            double base = weak ? 0.5 : 1.0;
            List<String> produced = new ArrayList<>();
            produced.add("p" + sg);
            add(f, "p" + sg, base);
            for (String flag : o.flags) {
                add(f, "p" + sg + "|" + flag, 1);
                produced.add("p" + sg + "|" + flag);
            }
            String cueKey = "c:" + m.phrase() + sg;
            add(f, cueKey, CUE_WEIGHT);
            produced.add(cueKey);
            spans.add(new CueSpan(span(text, tokens, o.spanStart, m.end()), produced));
            if (!o.flags.contains("conc") && !o.flags.contains("cond")) {
                if (o.sign > 0) {
                    pos += base;
                } else {
                    neg += base;
                }
            }
        }
        if (pos > 0 && neg > 0) {
            add(f, "agg:mixed", 1);
        } else if (pos > 0) {
            add(f, "agg:pos", 1);
        } else if (neg > 0) {
            add(f, "agg:neg", 1);
        } else {
            add(f, "agg:nocue", 1);
        }
        add(f, "agg:net", (pos - neg) / (pos + neg + 1));
        if (anyPos && anyNeg) {
            // conceded cues included: "X has made progress, though Y remains the benchmark" weighs both sides
            add(f, "agg:bothSides", 1);
        }

        boolean relevant = relevance(f, entityMatches, side, context, speakerSide);
        int words = 0;
        String prev = null;
        for (Token t : tokens) {
            if (!t.punct()) {
                words++;
                if (t.norm().length() > 1) {
                    f.put("w:" + t.norm(), WORD_WEIGHT);
                }
                if (prev != null) {
                    f.put("b:" + prev + "_" + t.norm(), BIGRAM_WEIGHT);
                }
                prev = t.norm();
            } else {
                prev = null;
            }
        }
        add(f, words <= FRAGMENT_WORDS ? "len:fragment" : words <= 20 ? "len:sentence" : "len:long", 1);
        return new Extraction(f, spans, relevant, text);
    }

    private record Oriented(int sign, List<String> flags, int spanStart) {}

    private Oriented orient(Match m, List<Token> tokens, Category[] marker, int[] sentence, int[] clause, int[] side) {
        Category c = m.category();
        int sign = c == Category.POS || c == Category.POS_FIXED ? 1 : -1;
        List<String> flags = new ArrayList<>();
        int spanStart = m.start();
        if (c == Category.POS_FIXED || c == Category.NEG_FIXED) {
            flags.add("fixed");
        }
        if (c == Category.GAP) {
            for (int i = Math.max(0, m.start() - GAP_WINDOW); i < tokens.size(); i++) {
                if (i >= m.end() && clause[i] != clause[m.start()]) {
                    break;
                }
                if (sentence[i] != sentence[m.start()] || (i >= m.start() && i < m.end())) {
                    continue;
                }
                boolean shrinks = marker[i] == Category.SHRINK || CLOSING.contains(tokens.get(i).norm());
                if (shrinks || (marker[i] == Category.WIDEN && negated(i, marker, clause))) {
                    sign = 1;
                    flags.add("shrink");
                    break;
                }
                if (marker[i] == Category.WIDEN) {
                    flags.add("widen");
                    break;
                }
            }
        }
        if (c == Category.NEG || c == Category.GAP) {
            for (int i = m.start() - 1; i >= Math.max(0, m.start() - DISTANCE_WINDOW) && clause[i] == clause[m.start()]; i--) {
                if (marker[i] == Category.SMALL) {
                    sign = 1;
                    flags.add("small");
                    spanStart = i;
                    break;
                }
                if (marker[i] == Category.LARGE) {
                    flags.add("large");
                    spanStart = i;
                    break;
                }
            }
        }
        if ((c == Category.POS || c == Category.NEG) && describesComparisonStandard(m, tokens, marker, side)) {
            return null;
        }
        if (c == Category.POS || c == Category.NEG) {
            int agent = agentSide(m, tokens, marker, sentence, clause, side);
            if (agent < 0) {
                sign = -sign;
                flags.add("rival");
            }
        }
        if (c == Category.POS) {
            for (int i = m.end(); i < Math.min(tokens.size(), m.end() + GAP_WINDOW) && clause[i] == clause[m.start()]; i++) {
                if (marker[i] == Category.SHRINK) {
                    // "the US advantage is shrinking": a lead that shrinks favours the other side
                    sign = -sign;
                    flags.add("shrink");
                    break;
                }
            }
        }
        int negators = 0;
        for (int i = m.start() - 1; i >= Math.max(0, m.start() - NEGATION_WINDOW) && clause[i] == clause[m.start()]; i--) {
            if (marker[i] == Category.NEGATOR) {
                negators++;
                spanStart = Math.min(spanStart, i);
            }
        }
        for (int i = m.end(); i < Math.min(tokens.size(), m.end() + URDU_POST_NEGATION_WINDOW)
                && clause[i] == clause[m.start()]; i++) {
            if (URDU_NEGATORS.contains(tokens.get(i).norm())) {
                negators++;
            }
        }
        boolean refuted = false;
        for (int i = 0; i < tokens.size(); i++) {
            refuted |= marker[i] == Category.REFUTE && sentence[i] == sentence[m.start()];
        }
        if (refuted) {
            sign = -sign;
            flags.add("refuted");
        }
        boolean conditional = false;
        boolean hedged = false;
        boolean conceded = false;
        for (int i = m.start() - 1; i >= 0 && clause[i] == clause[m.start()]; i--) {
            conditional |= marker[i] == Category.CONDITIONAL;
            hedged |= marker[i] == Category.HEDGE;
            conceded |= marker[i] == Category.CONCESSIVE;
        }
        for (int i = m.end(); i < tokens.size() && sentence[i] == sentence[m.start()]; i++) {
            conceded |= marker[i] == Category.CONTRAST;
            conceded |= marker[i] == Category.CONCESSIVE_AFTER && i - m.end() < NEGATION_WINDOW;
        }
        if (negators % 2 == 1) {
            boolean counterfactual = false;
            if (conditional) {
                for (int i = m.end(); i < tokens.size() && sentence[i] == sentence[m.start()]; i++) {
                    counterfactual |= marker[i] == Category.MODAL && clause[i] != clause[m.start()];
                }
            }
            if (counterfactual) {
                // "if there were no constraint, revenue would grow": the constraint is asserted, not denied
                flags.add("cf");
            } else {
                sign = -sign;
                flags.add("neg");
            }
        }
        if (conditional) {
            flags.add("cond");
        }
        if (hedged) {
            flags.add("hedge");
        }
        if (conceded) {
            flags.add("conc");
        }
        return new Oriented(sign, flags, spanStart);
    }

    /**
     * Whose standing a cue describes: the entity right after it when the cue is an adjective on it ("impressive
     * Chinese models", "more powerful Nvidia chips"), else the nearest entity before it in the sentence
     * ("the US is ahead"), else the subject (quotes about the target are about it by default). Entities inside an
     * earlier conceded or conditional clause are not the main clause's agent ("whether or not Nvidia chips are banned,
     * it won't stop China investing").
     */
    private static int agentSide(Match m, List<Token> tokens, Category[] marker, int[] sentence, int[] clause, int[] side) {
        boolean attributive = m.start() == 0 || DETERMINERS.contains(tokens.get(m.start() - 1).norm());
        for (int i = m.end(); attributive && i < Math.min(tokens.size(), m.end() + 2); i++) {
            if (tokens.get(i).punct() || COMPARISON_LINKS.contains(tokens.get(i).norm())) {
                break;
            }
            if (side[i] != 0 && !FIRST_PERSON.contains(tokens.get(i).norm()) && !THIRD_PERSON.contains(tokens.get(i).norm())) {
                return side[i];
            }
        }
        for (int i = m.start() - 1; i >= 0 && sentence[i] == sentence[m.start()]; i--) {
            if (clause[i] != clause[m.start()] && subordinate(clause[i], marker, clause)) {
                continue;
            }
            if (side[i] != 0 && !isComparisonStandard(tokens, i, m.start()) && (!isPronoun(tokens.get(i)) || governs(tokens, i, m.start()))) {
                return side[i];
            }
        }
        return 1;
    }

    private static boolean subordinate(int clauseId, Category[] marker, int[] clause) {
        for (int i = 0; i < clause.length; i++) {
            if (clause[i] == clauseId && (marker[i] == Category.CONCESSIVE || marker[i] == Category.CONDITIONAL)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPronoun(Token t) {
        return FIRST_PERSON.contains(t.norm()) || THIRD_PERSON.contains(t.norm()) || t.raw().equals("us");
    }

    /**
     * A pronoun is the cue's agent when the cue follows it closely or through a copula ("we are way ahead",
     * "they're right there"), not when it only reports ("we have seen really strong Chinese models").
     */
    private static boolean governs(List<Token> tokens, int pronoun, int cueStart) {
        for (int i = pronoun + 1; i < cueStart; i++) {
            if (REPORTING.contains(tokens.get(i).norm())) {
                return false;
            }
        }
        if (cueStart - pronoun <= 2) {
            return true;
        }
        for (int i = pronoun + 1; i < Math.min(cueStart, pronoun + 3); i++) {
            if (COPULAS.contains(tokens.get(i).norm())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "as good as the best American models", "behind the best American systems": a cue inside the standard a
     * comparison is made against describes the standard, not the agent, and is dropped.
     */
    private static boolean describesComparisonStandard(Match m, List<Token> tokens, Category[] marker, int[] side) {
        int i = m.start() - 1;
        boolean determiner = false;
        while (i >= 0 && (DETERMINERS.contains(tokens.get(i).norm()) || STANDARD_PREPOSITIONS.contains(tokens.get(i).norm()))) {
            i--;
            determiner = true;
        }
        if (i < 0) {
            return false;
        }
        String word = tokens.get(i).norm();
        // "as" is left out: in "as fast as Nvidia's" the first "as" opens the comparison, it does not end it
        boolean comparison = word.equals("than")
                || (determiner && (marker[i] == Category.POS || marker[i] == Category.NEG));
        if (!comparison) {
            return false;
        }
        for (int j = m.end(); j < Math.min(tokens.size(), m.end() + 2); j++) {
            if (side[j] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Urdu "امریکہ سے پیچھے" (behind America): the entity before سے/کو is the standard or object, not the agent. */
    private static boolean isComparisonStandard(List<Token> tokens, int i, int cueStart) {
        for (int j = i + 1; j < Math.min(tokens.size(), i + 3) && j < cueStart; j++) {
            String next = tokens.get(j).norm();
            if (next.equals("سے") || next.equals("کو")) {
                return true;
            }
            // "امریکی ماڈلز کے برابر" (equal to American models): a genitive right before the cue is its complement
            if ((next.equals("کے") || next.equals("کا") || next.equals("کی")) && j == cueStart - 1) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(int at, Category[] marker, int[] clause) {
        for (int i = at - 1; i >= Math.max(0, at - NEGATION_WINDOW) && clause[i] == clause[at]; i--) {
            if (marker[i] == Category.NEGATOR) {
                return true;
            }
        }
        return false;
    }

    private boolean relevance(Map<String, Double> f, List<Match> entityMatches, int[] side, String context, int speakerSide) {
        boolean subject = false;
        boolean rival = false;
        boolean topic = false;
        for (Match m : entityMatches) {
            subject |= m.category() == Category.SUBJECT;
            rival |= m.category() == Category.RIVAL;
            topic |= m.category() == Category.TOPIC;
        }
        boolean subjectInContext = false;
        boolean topicInContext = false;
        if (context != null) {
            for (Match m : entities.match(Tokenizer.tokenize(context))) {
                subjectInContext |= m.category() == Category.SUBJECT;
                topicInContext |= m.category() == Category.TOPIC;
            }
        }
        boolean pronounForSubject = false;
        for (int s : side) {
            pronounForSubject |= s > 0;
        }
        add(f, subject ? "rel:subject" : subjectInContext ? "rel:subjectInContext" : "rel:noSubject", 1);
        add(f, topic ? "rel:topic" : topicInContext ? "rel:topicInContext" : "rel:noTopic", 1);
        if (rival) {
            add(f, "rel:rival", 1);
        }
        if (!subject && pronounForSubject) {
            add(f, "rel:subjectPronoun", 1);
        }
        if (speakerSide > 0) {
            add(f, "rel:speakerIsSubject", 1);
        }
        // Context as the stream sees it is a sentence or two, often without the country's name even in an article
        // about it, so the domain's words also let a quote through; the model then weighs the missing subject.
        return subject || subjectInContext || topic || topicInContext || speakerSide > 0;
    }

    /** +1 for the subject's side, -1 for the rival's, for each token that names or refers to one. */
    private int[] sides(List<Token> tokens, List<Match> entityMatches, int weSide) {
        int[] side = new int[tokens.size()];
        for (Match m : entityMatches) {
            int s = m.category() == Category.SUBJECT ? 1 : m.category() == Category.RIVAL ? -1 : 0;
            for (int i = m.start(); i < m.end(); i++) {
                side[i] = s;
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.raw().equals("US") || t.raw().equals("U.S.") || t.raw().equals("U.S")) {
                side[i] = countrySide();
            } else if (FIRST_PERSON.contains(t.norm()) || t.raw().equals("us")) {
                side[i] = weSide;
            } else if (THIRD_PERSON.contains(t.norm())) {
                side[i] = -weSide;
            }
        }
        return side;
    }

    /**
     * "US"/"U.S." is read by case, not through the term lists, because lower-case "us" is a pronoun: it is the
     * subject when the target lists it among its relevance terms (a "US AI leadership" target), else the rival.
     */
    private int countrySide() {
        return target.relevanceTerms().stream().anyMatch(t -> t.equals("US") || t.equals("U.S.")) ? 1 : -1;
    }

    /** +1 when the speaker's name or affiliation names the subject's side ("Martin Lau (Tencent)"), -1 the rival's, else 0. */
    private int speakerSide(String speaker) {
        if (speaker != null) {
            for (Match m : entities.match(Tokenizer.tokenize(speaker))) {
                if (m.category() == Category.SUBJECT) {
                    return 1;
                }
                if (m.category() == Category.RIVAL) {
                    return -1;
                }
            }
        }
        return 0;
    }

    private static Category[] markers(List<Token> tokens, List<Match> matches) {
        Category[] marker = new Category[tokens.size()];
        for (Match m : matches) {
            for (int i = m.start(); i < m.end(); i++) {
                marker[i] = m.category();
            }
        }
        // "not just for China but for the world" adds rather than contrasts: that "but" concedes nothing
        for (Match m : matches) {
            if (m.category() == Category.FILLER && m.phrase().startsWith("not ")) {
                for (int i = m.end(); i < tokens.size() && !".!?;".contains(tokens.get(i).norm()); i++) {
                    if (marker[i] == Category.CONTRAST) {
                        marker[i] = null;
                        break;
                    }
                }
            }
        }
        return marker;
    }

    /** Sentence and clause numbers per token; conceding and contrasting words open a new clause. */
    private static void segment(List<Token> tokens, Category[] marker, int[] sentence, int[] clause) {
        int s = 0;
        int c = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean opensClause = (marker[i] == Category.CONCESSIVE || marker[i] == Category.CONTRAST
                    || marker[i] == Category.CONDITIONAL) && (i == 0 || marker[i - 1] != marker[i]);
            if (opensClause) {
                c++;
            }
            sentence[i] = s;
            clause[i] = c;
            if (t.punct()) {
                c++;
                if (".!?۔؟;".contains(t.norm())) {
                    s++;
                }
            }
        }
    }

    /** The quote, or for a fragment ("obvious gaps") the context sentence that contains it. */
    static String analysedText(String quote, String context) {
        String q = quote == null ? "" : quote.strip();
        if (context == null || Tokenizer.tokenize(q).stream().filter(t -> !t.punct()).count() >= FRAGMENT_WORDS) {
            return q;
        }
        String needle = q.replaceAll("[\\p{Punct}\\s،۔]+$", "");
        int at = needle.isEmpty() ? -1 : context.indexOf(needle);
        if (at < 0) {
            return q;
        }
        int start = at;
        while (start > 0 && !isSentenceEnd(context, start - 1)) {
            start--;
        }
        int end = at + needle.length();
        while (end < context.length() && !isSentenceEnd(context, end)) {
            end++;
        }
        return context.substring(start, Math.min(context.length(), end + 1)).strip();
    }

    private static boolean isSentenceEnd(String s, int i) {
        char ch = s.charAt(i);
        if (ch == '!' || ch == '?' || ch == '۔' || ch == '؟' || ch == '\n') {
            return true;
        }
        // a period ends a sentence only before a space and after a lower-case word ("U.S." does not)
        return ch == '.' && i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1))
                && i > 0 && Character.isLowerCase(s.charAt(i - 1));
    }

    private static String span(String text, List<Token> tokens, int from, int to) {
        return text.substring(tokens.get(from).begin(), tokens.get(to - 1).end());
    }

    private static void add(Map<String, Double> f, String key, double v) {
        f.merge(key, v, Double::sum);
    }
}
