/**
 * The NLP of the streams stage, as plain classes testable without Kafka.
 *
 * <p>{@link io.stancewire.streams.nlp.ArticleAnalyzer} routes each text by the language Lingua detects
 * ({@code lang}): English to CoreNLP ({@code tokenize,ssplit,pos,lemma,ner} only) plus attribution rules
 * ({@code en}), Urdu to its own rules ({@code ur}), every other language to language-only output. Both paths share
 * the quote-mark finder ({@code marks}: straight, curly, low and guillemet marks, quotes over several paragraphs) and
 * speaker resolution ({@code speakers}: the editable {@code speakers.json} registry of canonical names and aliases
 * across scripts, surnames resolved to the full name the article introduced, pronouns to the nearest person).
 *
 * <p>Why rules and not CoreNLP's {@code quote} annotator: it needs {@code depparse} and {@code coref} on every
 * sentence, several times slower than the pipeline here (see {@code QuoteBenchmark} in the tests), and news
 * attribution is regular enough ("…," X said; X said that …; according to X) that rules over tokens, POS tags and
 * names recover it.
 */
package io.stancewire.streams.nlp;
