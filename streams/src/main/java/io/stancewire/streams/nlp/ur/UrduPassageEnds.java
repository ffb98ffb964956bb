package io.stancewire.streams.nlp.ur;

/**
 * A passage in single marks may hold several sentences of one speaker, so sentence ends inside it do not split the
 * text; but a sentence end right before the closing mark ("…رہنمائی کی ہے۔‘ پاکستانی فوج کے ترجمان نے کہا تھا کہ …")
 * ends the passage and the sentence both. Without this, the next attribution is read as part of the quoted sentence
 * and lost (one relation per sentence).
 */
final class UrduPassageEnds {
    private static final String SENTENCE_END = "۔؟!?.";

    private UrduPassageEnds() {}

    /** Whether the character at {@code i}, inside a single-marked passage, ends it together with its sentence. */
    static boolean endsPassage(String text, int i, boolean inSingle) {
        if (!inSingle || SENTENCE_END.indexOf(text.charAt(i)) < 0 || i + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(i + 1);
        return (next == '’' || next == '‘') && UrduReportedSpeech.closes(text, i + 1);
    }
}
