package io.stancewire.streams.nlp.en;

/** One CoreNLP token, flattened to what the rules read. {@code begin}/{@code end} are offsets in the article text. */
record Tok(int index, String word, String lemma, String tag, String ner, int begin, int end, int sentence) {

    boolean isVerb() {
        return tag.startsWith("VB");
    }

    boolean isPunct() {
        return !word.isEmpty() && word.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    boolean isSentenceEnd() {
        return word.equals(".") || word.equals("!") || word.equals("?");
    }

    boolean capitalised() {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }
}
