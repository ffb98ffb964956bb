package io.stancewire.streams.nlp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.stancewire.model.Json;
import io.stancewire.streams.nlp.speakers.Names;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores the analyzer against the gold passages in {@code quotes-eval/passages.json}: real published quotations with
 * their sources. A found quote matches a gold one when their spans overlap by at least half of their union.
 */
final class QuoteEvaluation {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Gold(int begin, int end, String text, String speaker, String kind) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Passage(String id, String text, List<Gold> gold) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GoldFile(List<Passage> passages) {}

    record Score(int gold, int found, int matched, int speakerRight, int kindRight) {
        double precision() {
            return found == 0 ? 0 : (double) matched / found;
        }

        double recall() {
            return gold == 0 ? 0 : (double) matched / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double speakerAccuracy() {
            return matched == 0 ? 0 : (double) speakerRight / matched;
        }

        Score plus(Score o) {
            return new Score(gold + o.gold, found + o.found, matched + o.matched, speakerRight + o.speakerRight,
                    kindRight + o.kindRight);
        }

        String line(String label) {
            return String.format("%-28s gold=%3d found=%3d matched=%3d  P=%.3f R=%.3f F1=%.3f  speaker=%.3f (%d/%d) kind=%d/%d",
                    label, gold, found, matched, precision(), recall(), f1(), speakerAccuracy(), speakerRight, matched,
                    kindRight, matched);
        }
    }

    record Result(Score marked, Score all, List<String> errors) {}

    static List<Passage> passages() throws IOException {
        try (InputStream in = QuoteEvaluation.class.getResourceAsStream("/quotes-eval/passages.json")) {
            return Json.MAPPER.readValue(Objects.requireNonNull(in, "quotes-eval/passages.json"), GoldFile.class).passages();
        }
    }

    static Result run(ArticleAnalyzer analyzer, List<Passage> passages) {
        Score marked = new Score(0, 0, 0, 0, 0);
        Score all = new Score(0, 0, 0, 0, 0);
        List<String> errors = new ArrayList<>();
        for (Passage p : passages) {
            List<FoundQuote> found = analyzer.analyze(p.text(), "en").quotes();
            marked = marked.plus(score(p, p.gold().stream().filter(g -> !g.kind().equals(FoundQuote.INDIRECT)).toList(),
                    found.stream().filter(q -> !q.kind().equals(FoundQuote.INDIRECT)).toList(), errors));
            List<String> allErrors = new ArrayList<>();
            all = all.plus(score(p, p.gold(), found, allErrors));
            allErrors.stream().filter(e -> e.contains(" indirect ") || e.contains("=indirect")).forEach(errors::add);
        }
        return new Result(marked, all, errors);
    }

    private static Score score(Passage p, List<Gold> gold, List<FoundQuote> found, List<String> errors) {
        boolean[] used = new boolean[found.size()];
        int matched = 0;
        int speakerRight = 0;
        int kindRight = 0;
        for (Gold g : gold) {
            int best = -1;
            double bestOverlap = 0.5;
            for (int i = 0; i < found.size(); i++) {
                FoundQuote q = found.get(i);
                double overlap = overlap(g.begin(), g.end(), q.begin(), q.end());
                if (!used[i] && overlap >= bestOverlap) {
                    best = i;
                    bestOverlap = overlap;
                }
            }
            if (best < 0) {
                errors.add(p.id() + " MISSED " + g.kind() + " «" + abbreviate(g.text()) + "» (" + g.speaker() + ")");
                continue;
            }
            used[best] = true;
            matched++;
            FoundQuote q = found.get(best);
            String predicted = q.speaker() == null ? null : q.speaker().name();
            if (sameSpeaker(g.speaker(), predicted)) {
                speakerRight++;
            } else {
                errors.add(p.id() + " SPEAKER «" + abbreviate(g.text()) + "» gold=" + g.speaker() + " found=" + predicted);
            }
            if (g.kind().equals(q.kind())) {
                kindRight++;
            } else {
                errors.add(p.id() + " KIND «" + abbreviate(g.text()) + "» gold=" + g.kind() + " found=" + q.kind());
            }
        }
        for (int i = 0; i < found.size(); i++) {
            if (!used[i]) {
                FoundQuote q = found.get(i);
                errors.add(p.id() + " SPURIOUS " + q.kind() + " «" + abbreviate(q.text()) + "»");
            }
        }
        return new Score(gold.size(), found.size(), matched, speakerRight, kindRight);
    }

    /** Equal names, or the passage's surname for the full name the analyzer knew (gold "Huang", found "Jensen Huang"). */
    static boolean sameSpeaker(String gold, String found) {
        if (gold == null || found == null) {
            return gold == null && found == null;
        }
        return Names.key(gold).equals(Names.key(found));
    }

    private static double overlap(int b1, int e1, int b2, int e2) {
        int inter = Math.max(0, Math.min(e1, e2) - Math.max(b1, b2));
        int union = Math.max(e1, e2) - Math.min(b1, b2);
        return union == 0 ? 0 : (double) inter / union;
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 70 ? one.substring(0, 67) + "..." : one;
    }
}
