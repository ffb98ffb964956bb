package io.stancewire.streams.nlp.en;

/**
 * A named-entity mention: a run of tokens with the same CoreNLP NER tag.
 *
 * @param first     index of its first token
 * @param last      index of its last token (inclusive)
 * @param canonical the full name it stands for in this article ("Triolo" after "Paul Triolo" -> "Paul Triolo")
 * @param inQuote   inside quoted words, so not an antecedent for "he said"
 */
record Named(int first, int last, int begin, int end, String type, String text, String canonical, boolean inQuote) {}
