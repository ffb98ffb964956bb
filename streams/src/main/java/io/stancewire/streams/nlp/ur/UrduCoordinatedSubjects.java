package io.stancewire.streams.nlp.ur;

import io.stancewire.model.Mention;
import io.stancewire.model.Speaker;
import io.stancewire.streams.nlp.speakers.ArticleSpeakers;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Two people named together as one subject ("قاسم خان اور سلیمان خان نے کہا", "عمران خان کے بیٹوں قاسم اور سلیمان
 * کا انٹرویو"): they speak as one group, named as printed. Without this the name rules take the last three words
 * ("اور سلیمان خان") for a person. The conjuncts are read symmetrically: the first takes as many words before اور as
 * the second has after its role words, which are peeled from both ("وزیر اعلیٰ احمد علی اور صدر نوید اختر" → "احمد علی
 * اور نوید اختر"). Organisations, groups and offices joined by اور are left to the other rules ("وزارت خارجہ اور
 * وزارت داخلہ" is two organisations, not two people).
 */
final class UrduCoordinatedSubjects {
    private static final String AND = "اور";
    private static final int MAX_NAME_WORDS = 3;
    /** A speaker built here carries this in its name, between the conjuncts. */
    private static final Pattern COORDINATED = Pattern.compile("\\S\\s+" + AND + "\\s+\\S");

    private UrduCoordinatedSubjects() {}

    /**
     * @param tail      the subject phrase after its last boundary
     * @param words     its word offsets
     * @param folded    its words, folded
     * @return a group speaker for the two names, or null when the phrase is not two names joined by اور
     */
    static Speaker of(String tail, int tailBegin, List<int[]> words, List<String> folded, String affiliation) {
        int and = folded.indexOf(AND);
        if (and <= 0 || and == folded.size() - 1 || folded.lastIndexOf(AND) != and) {
            return null;
        }
        int second = and + 1;
        while (second < folded.size() - 1 && UrduSubjects.isRoleWord(folded.get(second))) {
            second++;
        }
        int length = folded.size() - second;
        if (length > MAX_NAME_WORDS || !allNameWords(folded.subList(second, folded.size()))) {
            return null;
        }
        int first = Math.max(0, and - length);
        while (first < and && UrduSubjects.isRoleWord(folded.get(first))) {
            first++;
        }
        if (first == and || !allNameWords(folded.subList(first, and))) {
            return null;
        }
        int begin = words.get(first)[0];
        // Named by the two names without their roles; the mention is the phrase as printed.
        String name = tail.substring(begin, words.get(and - 1)[1]) + " " + AND + " "
                + tail.substring(words.get(second)[0]);
        Mention mention = new Mention(tailBegin + begin, tailBegin + tail.length(), tail.substring(begin));
        return new Speaker(ArticleSpeakers.idFor(UrduSubjects.GROUP, name), name, mention, affiliation, null,
                UrduSubjects.GROUP);
    }

    /** A speaker of two people (as built here): a plural pronoun after it refers to them, as to a person. */
    static boolean isCoordinated(Speaker s) {
        return s != null && UrduSubjects.GROUP.equals(s.type()) && s.name() != null
                && COORDINATED.matcher(s.name()).find();
    }

    private static boolean allNameWords(List<String> words) {
        return !words.isEmpty() && words.stream().allMatch(UrduSubjects::mayBeNameWord);
    }
}
