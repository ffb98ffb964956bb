package io.stancewire.streams.nlp;

import io.stancewire.model.Speaker;

/**
 * A quote found in an article.
 *
 * @param begin   start of the quoted content (after the opening mark) as a UTF-16 offset in the input text
 * @param end     end of the quoted content (before the closing mark); for a split quote ("A," he said, "B.") this is
 *                the end of the last part, for a quote over several paragraphs the end of the last paragraph's part
 * @param text    the quoted words only: the parts of a split or multi-paragraph quote joined without the marks and
 *                the attribution in between, so it may differ from {@code input.substring(begin, end)}
 * @param kind    {@code direct}, {@code indirect} (reported speech, no marks) or {@code partial} (a quoted fragment
 *                inside the writer's own sentence; when the fragment sits in reported speech, begin, end and text are
 *                the whole reported clause with its marks: 'Wang added that [Qwen has a "highly favorable licensing
 *                model" that suits companies]')
 * @param speaker who said it, or null when no attribution was found
 * @param cue     the attributing verb or phrase as printed ("said", "according to", "نے کہا"), or null
 * @param context the sentence(s) around the quote as printed
 */
public record FoundQuote(int begin, int end, String text, String kind, Speaker speaker, String cue, String context) {
    public static final String DIRECT = "direct";
    public static final String INDIRECT = "indirect";
    public static final String PARTIAL = "partial";
}
