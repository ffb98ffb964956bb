package io.stancewire.streams.nlp.en;

import io.stancewire.model.Speaker;

import java.util.ArrayList;
import java.util.List;

/** What an apposition tells about a speaker: the organisation and role ("a partner at DGA Group"). */
final class Appositions {
    private final String text;
    private final TextGeometry geometry;
    private final SpeakerChoice choice;

    Appositions(String text, TextGeometry geometry, SpeakerChoice choice) {
        this.text = text;
        this.geometry = geometry;
        this.choice = choice;
    }

    /**
     * Affiliation and role from an apposition: after the name (", a partner at DGA Group") or before it
     * ("DGA Group partner Paul Triolo", "Lux Capital's Grace Isford").
     *
     * @return {affiliation, role}, either may be null
     */
    String[] of(List<Tok> window, int first, int last) {
        String affiliation = null;
        String role = null;
        int i = last + 1;
        if (i < window.size() && window.get(i).word().equals(",")) {
            int j = i + 1;
            List<Tok> part = new ArrayList<>();
            while (j < window.size() && !window.get(j).word().equals(",") && !window.get(j).isSentenceEnd()
                    && part.size() < 14) {
                part.add(window.get(j));
                j++;
            }
            // "Mohammed Idris, on Friday posited …": a time phrase after the comma is no apposition.
            boolean time = part.size() > 1 && Subjects.WHEN.contains(part.get(0).word().toLowerCase())
                    && Subjects.WHEN.contains(part.get(1).word().toLowerCase());
            if (!part.isEmpty() && !time && !part.getFirst().isVerb() && !part.getFirst().tag().startsWith("W")
                    && !geometry.isMarkToken(part.getFirst())) {
                String[] parsed = parseRole(part);
                affiliation = parsed[0];
                role = parsed[1];
            }
        }
        if (affiliation == null && role == null && first > 0) {
            int j = first - 1;
            List<Tok> roleWords = new ArrayList<>();
            while (j >= 0 && (window.get(j).tag().startsWith("NN") && !window.get(j).ner().equals("ORGANIZATION")
                    || window.get(j).tag().equals("JJ")) && roleWords.size() < 5) {
                roleWords.addFirst(window.get(j));
                j--;
            }
            if (j >= 0 && (window.get(j).word().equals("'s") || window.get(j).word().equals("’s"))) {
                j--;
            }
            if (j >= 0 && window.get(j).ner().equals("ORGANIZATION")) {
                int k = j;
                while (k > 0 && window.get(k - 1).ner().equals("ORGANIZATION")) {
                    k--;
                }
                affiliation = span(window.get(k), window.get(j));
                role = roleWords.isEmpty() ? null : span(roleWords.getFirst(), roleWords.getLast());
            }
        }
        return new String[] {affiliation, role};
    }

    /** "a partner at DGA Group" -> {DGA Group, partner}; "Nvidia's chief executive" -> {Nvidia, chief executive}. */
    private String[] parseRole(List<Tok> part) {
        int org = -1;
        for (int k = 0; k < part.size(); k++) {
            if (part.get(k).ner().equals("ORGANIZATION")) {
                org = k;
                break;
            }
        }
        int start = 0;
        while (start < part.size() && part.get(start).tag().equals("DT")) {
            start++;
        }
        if (org < 0) {
            // No recognised organisation: take capitalised words after a preposition ("senior fellow at Brookings").
            for (int k = start; k < part.size(); k++) {
                if (SpeechVerbs.AFFILIATION_PREPOSITIONS.contains(part.get(k).word().toLowerCase())
                        && k + 1 < part.size() && part.get(k + 1).capitalised()) {
                    int e = k + 1;
                    while (e + 1 < part.size() && (part.get(e + 1).capitalised() || part.get(e + 1).word().equals("of"))) {
                        e++;
                    }
                    String role = k > start ? span(part.get(start), part.get(k - 1)) : null;
                    return new String[] {span(part.get(k + 1), part.get(e)), role};
                }
            }
            // "an engineer at the company": the organisation the article was just talking about.
            for (int k = start + 1; k + 1 < part.size(); k++) {
                if (SpeechVerbs.AFFILIATION_PREPOSITIONS.contains(part.get(k).word().toLowerCase())
                        && part.subList(k + 1, part.size()).stream()
                        .anyMatch(t -> SpeechVerbs.ORGANISATION_NOUNS.contains(t.word().toLowerCase()))) {
                    Speaker recent = choice.latest("ORGANIZATION", part.getFirst().begin());
                    return new String[] {recent == null ? null : recent.name(), span(part.get(start), part.get(k - 1))};
                }
            }
            return new String[] {null, start < part.size() ? span(part.get(start), part.getLast()) : null};
        }
        int orgEnd = org;
        while (orgEnd + 1 < part.size() && part.get(orgEnd + 1).ner().equals("ORGANIZATION")) {
            orgEnd++;
        }
        String affiliation = span(part.get(org), part.get(orgEnd));
        String role = null;
        if (org > start) {
            int roleEnd = org - 1;
            while (roleEnd >= start && (SpeechVerbs.AFFILIATION_PREPOSITIONS.contains(part.get(roleEnd).word().toLowerCase())
                    || part.get(roleEnd).tag().equals("DT"))) {
                roleEnd--;
            }
            role = roleEnd >= start ? span(part.get(start), part.get(roleEnd)) : null;
        } else if (orgEnd + 1 < part.size()) {
            int roleStart = orgEnd + 1;
            if (part.get(roleStart).word().equals("'s") || part.get(roleStart).word().equals("’s")) {
                roleStart++;
            }
            role = roleStart < part.size() ? span(part.get(roleStart), part.getLast()) : null;
        }
        return new String[] {affiliation, role};
    }

    private String span(Tok a, Tok b) {
        return text.substring(a.begin(), b.end()).replaceAll("\\s+", " ");
    }
}
