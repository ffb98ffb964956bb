package io.stancewire.streams.stance;

/**
 * One word or clause-punctuation mark of a quote.
 *
 * @param raw   the text as written (case kept: "US" the country differs from "us" the pronoun)
 * @param norm  lower-cased, apostrophes unified; the form the lexicons are matched against
 * @param begin UTF-16 offset in the analysed text
 * @param end   exclusive end offset
 * @param punct true for clause punctuation (. , ; : ! ? and the Urdu ۔ ، ؟), which bounds negation and agent scope
 */
record Token(String raw, String norm, int begin, int end, boolean punct) {}
