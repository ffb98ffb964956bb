package io.stancewire.streams.nlp.ur;

import io.stancewire.streams.nlp.speakers.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bare role as subject ("چیف جسٹس نے کہا") names the person the article introduced with that role before, even in
 * a sentence that was not speech ("بینچ کے سربراہ چیف جسٹس قاضی فائز عیسیٰ تھے۔"): the role as printed, followed by
 * one to three name words (titles before them skipped), up to a verb, postposition or punctuation. The nearest
 * such introduction before the subject wins; none leaves the role an unnamed office.
 */
final class UrduRoleIntroductions {
    private static final int MAX_NAME_WORDS = 3;
    /** Words that end a name: postpositions, auxiliaries, conjunctions, the agent marker. */
    private static final Set<String> STOP = Set.of(
            "کے", "کی", "کا", "میں", "سے", "پر", "کو", "نے", "ہے", "ہیں", "تھا", "تھی", "تھے", "اور", "بھی", "تو", "نہ",
            "نہیں", "ہی", "کہ", "جو", "جس", "یہ", "وہ", "ہو", "گئے", "گیا", "گئی", "کیا", "کر", "کرتے", "ہوئے", "بطور");
    private static final Pattern WORD = Pattern.compile("[^\\s،,۔:؛()\"“”’‘!?؟]+|[،,۔:؛()\"“”’‘!?؟]");

    private UrduRoleIntroductions() {}

    /** The name introduced right after {@code role} before {@code before}, nearest first; null if none. */
    static String nameAfter(String text, String role, int before) {
        String folded = Names.fold(text.substring(0, Math.max(0, before)));
        String key = Names.fold(role.strip());
        for (int at = folded.lastIndexOf(key); at >= 0; at = at == 0 ? -1 : folded.lastIndexOf(key, at - 1)) {
            boolean wordStart = at == 0 || !Character.isLetter(folded.charAt(at - 1));
            String name = wordStart ? nameFrom(text, at + key.length(), before) : null;
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static String nameFrom(String text, int from, int limit) {
        if (from >= limit || !Character.isWhitespace(text.charAt(from))) {
            return null;
        }
        Matcher m = WORD.matcher(text.substring(from, limit));
        List<String> name = new ArrayList<>();
        while (m.find() && name.size() <= MAX_NAME_WORDS) {
            String w = Names.fold(m.group());
            if (name.isEmpty() && UrduSubjects.isPersonRoleWord(w)) {
                continue; // a title between the role and the name: "وزیر صحت ڈاکٹر ثمینہ خالد"
            }
            if (STOP.contains(w) || !UrduSubjects.mayBeNameWord(w)) {
                break;
            }
            name.add(m.group());
        }
        // More than three name-like words in a row is a clause, not a name.
        return name.isEmpty() || name.size() > MAX_NAME_WORDS ? null : String.join(" ", name);
    }
}
