package io.stancewire.streams.stance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Phrases that carry or modify stance, in every supported language (one TSV per language: phrase, category).
 * A token ending in {@code *} matches any word with that prefix ("lag*" matches lags, lagging, lagged).
 * Matching is longest-first, so "catch up" wins over "catch" and "close the gap" over "gap".
 */
final class CueLexicon {

    /** What a phrase does to the stance of the clause it sits in. */
    enum Category {
        /** the agent is competitive, ahead, impressive (flips when the agent is the rival) */
        POS,
        /** the agent is behind, constrained, derivative (flips when the agent is the rival) */
        NEG,
        /** favourable to the subject whoever the grammatical agent is ("sputnik moment", "controls failed") */
        POS_FIXED,
        /** unfavourable to the subject whoever the agent is ("bottleneck", "controls are working") */
        NEG_FIXED,
        /** a difference in standing; unfavourable unless a SHRINK word nearby says it closes */
        GAP,
        SHRINK,
        WIDEN,
        /** a small distance ("nanoseconds", "months", "closely"): being behind by it reads as near-parity */
        SMALL,
        /** a large distance ("years", "far", "way") */
        LARGE,
        NEGATOR,
        HEDGE,
        CONDITIONAL,
        /** opens a conceded clause ("although", "even if"): its cues count less than the main clause's */
        CONCESSIVE,
        /** closes a conceded clause ("but", "however"): cues before it in the sentence were conceded */
        CONTRAST,
        /** a concession marked after its phrase (Urdu "کے باوجود", despite): the cues just before it were conceded */
        CONCESSIVE_AFTER,
        /** denies the claim of its whole sentence ("the idea that China is behind is wrong", "a myth") */
        REFUTE,
        /** balance or open questions ("the jury is out", "remains to be seen") */
        NEUTRAL,
        /** counterfactual consequent markers ("would", "should") used with CONDITIONAL */
        MODAL,
        /** fixed phrases that only consume their words ("not only", "no doubt") so that they do not negate */
        FILLER,
        /** target entity terms: whose standing is judged (China, Huawei, DeepSeek …) */
        SUBJECT,
        /** target entity terms: the other side of the comparison (the US, Nvidia, OpenAI …) */
        RIVAL,
        /** words that make a text topical for the target (AI, chips, export controls …) */
        TOPIC
    }

    record Entry(String[] tokens, Category category, String phrase) {}

    record Match(Category category, String phrase, int start, int end) {}

    private final Map<String, List<Entry>> byFirstToken = new HashMap<>();
    private final Map<String, List<Entry>> byFirstPrefix = new HashMap<>();

    private CueLexicon() {}

    static CueLexicon loadBuiltIn() {
        CueLexicon lexicon = new CueLexicon();
        for (String resource : List.of("stance/cues-en.tsv", "stance/cues-ur.tsv")) {
            try (InputStream in = CueLexicon.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing stance lexicon on the classpath: " + resource);
                }
                lexicon.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        lexicon.sortLongestFirst();
        return lexicon;
    }

    private void read(BufferedReader reader, String source) throws IOException {
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                throw new IllegalStateException(source + ":" + lineNo + ": expected 'phrase<TAB>category'");
            }
            Category category = Category.valueOf(cols[1].trim().toUpperCase(Locale.ROOT));
            add(cols[0].trim(), category);
        }
    }

    void add(String phrase, Category category) {
        String[] tokens = Tokenizer.tokenize(phrase.replace("*", "WILDCARDMARK")).stream()
                .filter(t -> !t.punct())
                .map(t -> t.norm().replace("wildcardmark", "*"))
                .toArray(String[]::new);
        if (tokens.length == 0) {
            return;
        }
        Entry entry = new Entry(tokens, category, phrase);
        String first = tokens[0];
        if (first.endsWith("*")) {
            String prefix = first.substring(0, first.length() - 1);
            byFirstPrefix.computeIfAbsent(prefix.substring(0, Math.min(2, prefix.length())), k -> new ArrayList<>()).add(entry);
        } else {
            byFirstToken.computeIfAbsent(first, k -> new ArrayList<>()).add(entry);
        }
    }

    private void sortLongestFirst() {
        Comparator<Entry> longestFirst = Comparator.comparingInt((Entry e) -> -e.tokens().length);
        byFirstToken.values().forEach(l -> l.sort(longestFirst));
        byFirstPrefix.values().forEach(l -> l.sort(longestFirst));
    }

    /** Non-overlapping matches, left to right, longest phrase first at each position. */
    List<Match> match(List<Token> tokens) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Entry best = null;
            Token token = tokens.get(i);
            if (!token.punct()) {
                best = longest(byFirstToken.get(token.norm()), tokens, i, null);
                String norm = token.norm();
                best = longest(byFirstPrefix.get(norm.substring(0, Math.min(2, norm.length()))), tokens, i, best);
            }
            if (best == null) {
                i++;
            } else {
                matches.add(new Match(best.category(), best.phrase(), i, i + best.tokens().length));
                i += best.tokens().length;
            }
        }
        return matches;
    }

    private static Entry longest(List<Entry> candidates, List<Token> tokens, int at, Entry best) {
        if (candidates == null) {
            return best;
        }
        for (Entry e : candidates) {
            if (best != null && e.tokens().length <= best.tokens().length) {
                break;
            }
            if (matchesAt(e.tokens(), tokens, at)) {
                return e;
            }
        }
        return best;
    }

    private static boolean matchesAt(String[] pattern, List<Token> tokens, int at) {
        if (at + pattern.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < pattern.length; k++) {
            Token t = tokens.get(at + k);
            if (t.punct() || !wordMatches(pattern[k], t.norm())) {
                return false;
            }
        }
        return true;
    }

    static boolean wordMatches(String pattern, String word) {
        return pattern.endsWith("*")
                ? word.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(word);
    }

    /** Lists of plain words (entity terms of a target) compiled to the same matcher. */
    static CueLexicon ofTerms(Map<Category, List<String>> terms) {
        CueLexicon lexicon = new CueLexicon();
        new EnumMap<>(terms).forEach((category, phrases) -> phrases.forEach(p -> lexicon.add(p, category)));
        lexicon.sortLongestFirst();
        return lexicon;
    }
}
