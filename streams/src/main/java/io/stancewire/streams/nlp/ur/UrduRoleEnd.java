package io.stancewire.streams.nlp.ur;

import java.util.List;

/**
 * Where the role ends and the name starts in "role … name" subjects: after the last role word. Peeling known role
 * words from the front stops at the first word the lists lack, so an unlisted adjective or rank before a listed role
 * word ("آسٹریلوی کپتان مچل مارش", "ترجمان میجر جنرل آصف غفور") stayed in the name; the last role word is a
 * surer edge. The last word of the phrase is never taken for a role (it is the name: "بابر اعظم"), nor initials of
 * two letters, which are also parts of names.
 */
final class UrduRoleEnd {
    private static final int MIN_ROLE_WORD_LENGTH = 3;

    private UrduRoleEnd() {}

    /** The index of the first word after the last role word before the final word, or 0 when there is none. */
    static int afterLastRoleWord(List<String> folded) {
        for (int i = folded.size() - 2; i >= 0; i--) {
            String word = folded.get(i);
            if (word.length() >= MIN_ROLE_WORD_LENGTH && UrduSubjects.isPersonRoleWord(word)) {
                return i + 1;
            }
        }
        return 0;
    }
}
