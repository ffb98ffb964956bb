package io.stancewire.streams.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores found quotes against gold attribution relations the way the project's hidden evaluation does (issue 4):
 * <ul>
 *   <li>a found quote matches a gold content span when they overlap by at least half of the shorter one; matching is
 *   one-to-one (best overlaps first), so a quote split in two where the gold has one costs a false positive;</li>
 *   <li>a span is <em>direct</em> when most of its characters lie inside quote marks; direct quotes are scored among
 *   themselves (a found direct quote against gold direct quotes only), so scare quotes, titles and a quoted fragment
 *   of a longer reported clause count as false positives there;</li>
 *   <li>the speaker is right when the found mention overlaps the gold source mention, or a token of the found name
 *   equals a name token of the gold source (pronouns and function words are not name tokens).</li>
 * </ul>
 * The marks are paired here independently of the extractor's own {@code QuoteMarks}, so that the scorer does not
 * share the extractor's mistakes.
 */
final class AttributionScorer {
    private AttributionScorer() {}

    /** A gold relation: content span, source mention (null when the gold file does not give it), source name. */
    record GoldRelation(int begin, int end, Integer sourceBegin, Integer sourceEnd, String sourceText, String kind) {}

    /** What was found, reduced to what the evaluation reads. */
    record Predicted(int begin, int end, String speaker, Integer speakerBegin, Integer speakerEnd, String kind) {
        static Predicted of(FoundQuote q) {
            boolean hasMention = q.speaker() != null && q.speaker().mention() != null;
            return new Predicted(q.begin(), q.end(), q.speaker() == null ? null : q.speaker().name(),
                    hasMention ? q.speaker().mention().begin() : null, hasMention ? q.speaker().mention().end() : null,
                    q.kind());
        }
    }

    /** Counts for one table: gold, found, content matches and matches with the right speaker. */
    record Counts(int gold, int found, int matched, int speakerRight) {
        static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(gold + o.gold, found + o.found, matched + o.matched, speakerRight + o.speakerRight);
        }

        double precision() {
            return found == 0 ? 0 : (double) matched / found;
        }

        double recall() {
            return gold == 0 ? 0 : (double) matched / gold;
        }

        double f1() {
            return f1(precision(), recall());
        }

        double speakerAccuracy() {
            return matched == 0 ? 0 : (double) speakerRight / matched;
        }

        double e2ePrecision() {
            return found == 0 ? 0 : (double) speakerRight / found;
        }

        double e2eRecall() {
            return gold == 0 ? 0 : (double) speakerRight / gold;
        }

        double e2eF1() {
            return f1(e2ePrecision(), e2eRecall());
        }

        private static double f1(double p, double r) {
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String line(String label) {
            return String.format(Locale.ROOT,
                    "%-14s gold=%4d found=%4d matched=%4d | content P=%.3f R=%.3f F1=%.3f | speaker %.3f (%d/%d) | end-to-end P=%.3f R=%.3f F1=%.3f",
                    label, gold, found, matched, precision(), recall(), f1(), speakerAccuracy(), speakerRight, matched,
                    e2ePrecision(), e2eRecall(), e2eF1());
        }
    }

    /** Direct quotes among themselves, and all relations (reported speech included). */
    record Score(Counts direct, Counts all) {
        static final Score ZERO = new Score(Counts.ZERO, Counts.ZERO);

        Score plus(Score o) {
            return new Score(direct.plus(o.direct), all.plus(o.all));
        }
    }

    /** Scores one document and appends its errors (misses, false positives, wrong speakers) to {@code errors}. */
    static Score score(String id, String text, List<GoldRelation> gold, List<Predicted> found, List<String> errors) {
        boolean[] inside = insideMarks(text);
        List<GoldRelation> goldDirect = gold.stream().filter(g -> direct(inside, g.begin(), g.end())).toList();
        List<Predicted> foundDirect = found.stream().filter(p -> direct(inside, p.begin(), p.end())).toList();
        List<String> directErrors = new ArrayList<>();
        Counts direct = match(id, text, goldDirect, foundDirect, directErrors);
        directErrors.forEach(e -> errors.add("[direct] " + e));
        Counts all = match(id, text, gold, found, errors);
        return new Score(direct, all);
    }

    private static Counts match(String id, String text, List<GoldRelation> gold, List<Predicted> found,
                                List<String> errors) {
        record Pair(int g, int f, double overlap) {}
        List<Pair> pairs = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            for (int f = 0; f < found.size(); f++) {
                double o = overlapOfShorter(gold.get(g).begin(), gold.get(g).end(), found.get(f).begin(), found.get(f).end());
                if (o >= 0.5) {
                    pairs.add(new Pair(g, f, o));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::overlap).reversed());
        int[] goldTo = new int[gold.size()];
        int[] foundTo = new int[found.size()];
        Arrays.fill(goldTo, -1);
        Arrays.fill(foundTo, -1);
        for (Pair p : pairs) {
            if (goldTo[p.g] < 0 && foundTo[p.f] < 0) {
                goldTo[p.g] = p.f;
                foundTo[p.f] = p.g;
            }
        }
        int matched = 0;
        int right = 0;
        for (int g = 0; g < gold.size(); g++) {
            GoldRelation gr = gold.get(g);
            if (goldTo[g] < 0) {
                errors.add(id + " MISSED " + gr.kind() + " «" + abbreviate(text.substring(gr.begin(), gr.end())) + "» ("
                        + gr.sourceText() + ")");
                continue;
            }
            matched++;
            Predicted p = found.get(goldTo[g]);
            if (speakerRight(gr, p)) {
                right++;
            } else {
                errors.add(id + " SPEAKER «" + abbreviate(text.substring(gr.begin(), gr.end())) + "» gold=" + gr.sourceText()
                        + " found=" + p.speaker() + (p.speakerBegin() == null ? ""
                        : " @«" + text.substring(p.speakerBegin(), p.speakerEnd()) + "»"));
            }
        }
        for (int f = 0; f < found.size(); f++) {
            if (foundTo[f] < 0) {
                Predicted p = found.get(f);
                errors.add(id + " SPURIOUS " + p.kind() + " «" + abbreviate(text.substring(p.begin(), p.end())) + "» ("
                        + p.speaker() + ")");
            }
        }
        return new Counts(gold.size(), found.size(), matched, right);
    }

    static boolean speakerRight(GoldRelation gold, Predicted found) {
        if (found.speaker() == null && found.speakerBegin() == null) {
            return false;
        }
        if (gold.sourceBegin() != null && found.speakerBegin() != null
                && found.speakerBegin() < gold.sourceEnd() && gold.sourceBegin() < found.speakerEnd()) {
            return true;
        }
        Set<String> goldTokens = nameTokens(gold.sourceText());
        return found.speaker() != null && nameTokens(found.speaker()).stream().anyMatch(goldTokens::contains);
    }

    private static final Set<String> NOT_NAME_TOKENS = Set.of(
            "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "his", "its", "their", "our", "my",
            "the", "a", "an", "of", "and", "at", "for", "in", "on", "to", "by", "with", "like", "s", "mr", "mrs", "ms",
            "dr", "jr", "sr", "u");

    static Set<String> nameTokens(String name) {
        if (name == null) {
            return Set.of();
        }
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(t -> !t.isEmpty() && !NOT_NAME_TOKENS.contains(t))
                .collect(Collectors.toSet());
    }

    static double overlapOfShorter(int b1, int e1, int b2, int e2) {
        int inter = Math.max(0, Math.min(e1, e2) - Math.max(b1, b2));
        int shorter = Math.min(e1 - b1, e2 - b2);
        return shorter <= 0 ? 0 : (double) inter / shorter;
    }

    /** Most of the span's non-space characters lie between quote marks. */
    static boolean direct(boolean[] inside, int begin, int end) {
        int in = 0;
        int total = 0;
        for (int i = begin; i < end; i++) {
            total++;
            if (inside[i]) {
                in++;
            }
        }
        return total > 0 && in * 2 > total;
    }

    /**
     * Which characters lie between double quote marks: “ opens, ” closes, a straight mark closes an open quote and
     * otherwise opens one; a paragraph break ends an unclosed quote (a continued multi-paragraph quote reopens with a
     * mark at the next paragraph's start). Single quotes are apostrophes too often to count.
     */
    static boolean[] insideMarks(String text) {
        boolean[] inside = new boolean[text.length()];
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                open = false;
            } else if (c == '“' || c == '„' || c == '«') {
                open = true;
            } else if (c == '”' || c == '»') {
                open = false;
            } else if (c == '"') {
                open = !open;
            } else {
                inside[i] = open;
            }
        }
        return inside;
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }
}
