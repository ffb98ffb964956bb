package io.stancewire.streams.nlp.ur;

import io.stancewire.model.Mention;
import io.stancewire.model.Speaker;
import io.stancewire.streams.nlp.EntityCollector;
import io.stancewire.streams.nlp.FoundQuote;
import io.stancewire.streams.nlp.marks.QuoteMarks;
import io.stancewire.streams.nlp.marks.QuoteSpan;
import io.stancewire.streams.nlp.speakers.ArticleSpeakers;
import io.stancewire.streams.nlp.speakers.SpeakerRegistry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quotes and speakers in Urdu news text, by rule: there is no Urdu model in CoreNLP, and Urdu attribution is
 * regular. A quote is a passage in quote marks; its speaker is the subject of an attribution clause right before
 * it ({@code X نے CNBC کو بتایا، “…”}, {@code X کے مطابق، “…”}) or right after it ({@code “…،” X نے کہا۔}). The subject
 * phrase becomes a speaker in {@link UrduSubjects}. Reported speech without double marks ({@code X نے کہا کہ …},
 * {@code X کے مطابق …}) comes from {@link UrduReportedSpeech}; both are attributed in text order.
 */
public final class UrduQuoteExtractor {

    /** Speech verbs as they close an attribution clause; longer forms first so "مزید کہا" wins over "کہا". */
    private static final String VERBS = String.join("|",
            "مزید\\s+کہا", "مزید\\s+بتایا", "کہا", "بتایا", "لکھا", "جھنڈا\\s+لگایا", "خبردار\\s+کیا",
            "دعو[یٰى]+\\s+کیا", "اعلان\\s+کیا", "نشاندہی\\s+کی", "زور\\s+دیا", "وضاحت\\s+کی", "تسلیم\\s+کیا",
            "اعتراف\\s+کیا", "پیش\\s+گوئی\\s+کی", "تبصرہ\\s+کیا", "دلیل\\s+دی", "استدلال\\s+کیا", "نوٹ\\s+کیا",
            "اصرار\\s+کیا", "جواب\\s+دیا", "پوچھا", "اشارہ\\s+کیا", "کہنا\\s+(?:تھا|ہے)");
    private static final String AUX = "(?:\\s+(?:تھا|تھی|تھے|ہے|ہیں))?";
    /** Text that cannot be part of an attribution clause: marks and sentence ends. */
    private static final String CLAUSE = "[^“”\"«»„۔؟!?\\n]";
    private static final String AGENT = "(?:نے|کا(?=\\s+کہنا))";

    private static final Pattern BEFORE = Pattern.compile(
            "(?<subj>" + CLAUSE + "{1,140}?)\\s+" + AGENT + "\\s+(?<mid>" + CLAUSE + "{0,60}?)(?<verb>" + VERBS + ")"
                    + AUX + "(?:\\s+کہ)?\\s*[،,:]?\\s*(?<lead>" + CLAUSE + "{0,60}?)\\s*$");
    private static final Pattern BEFORE_ACCORDING = Pattern.compile(
            "(?<subj>" + CLAUSE + "{1,100}?)\\s+(?<verb>کے\\s+مطابق)\\s*[،,:]?\\s*(?<lead>" + CLAUSE + "{0,60}?)\\s*$");
    private static final Pattern AFTER = Pattern.compile(
            "^[\\s،,.:–—-]*(?<subj>" + CLAUSE + "{1,140}?)\\s+" + AGENT + "\\s+(?<mid>" + CLAUSE + "{0,60}?)(?<verb>"
                    + VERBS + ")" + AUX + "(?=[\\s۔،,.!؟?]|$)");
    private static final Pattern AFTER_ACCORDING = Pattern.compile(
            "^[\\s،,.:–—-]*(?<subj>" + CLAUSE + "{1,100}?)\\s+(?<verb>کے\\s+مطابق)");

    private static final String SENTENCE_END = "۔؟!?\n";

    private final SpeakerRegistry registry;
    private final UrduSubjects subjects;

    public UrduQuoteExtractor(SpeakerRegistry registry) {
        this.registry = registry;
        this.subjects = new UrduSubjects(registry);
    }

    public record Result(List<FoundQuote> quotes, EntityCollector entities) {}

    private record Attribution(Speaker speaker, String cue) {}

    public Result extract(String text) {
        ArticleSpeakers speakers = new ArticleSpeakers(registry, text);
        EntityCollector entities = new EntityCollector();
        for (SpeakerRegistry.Hit hit : speakers.registryMentions()) {
            entities.add(hit.entry().id(), hit.entry().type(), hit.entry().name(),
                    new Mention(hit.begin(), hit.end(), text.substring(hit.begin(), hit.end())));
        }
        List<QuoteSpan> spans = QuoteMarks.find(text);
        List<FoundQuote> quotes = new ArrayList<>();
        // Reported clauses and marked quotes are attributed in text order, so that a pronoun or a bare role
        // ("انہوں نے", "ترجمان نے") finds the speaker of whichever came last.
        Deque<UrduReportedSpeech.Clause> reported = new ArrayDeque<>(UrduReportedSpeech.find(text, spans));
        int previousClose = -1;
        Attribution previousAttribution = null;
        for (int i = 0; i < spans.size(); i++) {
            QuoteSpan span = spans.get(i);
            while (!reported.isEmpty() && reported.peek().anchor() < span.open()) {
                addReported(text, reported.poll(), speakers, entities, quotes);
            }
            int regionStart = Math.max(previousClose + 1, lastSentenceEnd(text, previousClose + 1, span.open()) + 1);
            int nextOpen = i + 1 < spans.size() ? spans.get(i + 1).open() : text.length();
            int regionEnd = Math.min(nextOpen, nextSentenceEnd(text, span.close() + 1));
            String before = text.substring(regionStart, span.open());
            String after = text.substring(span.close() + 1, regionEnd);

            String lead = "";
            Attribution attribution = null;
            Matcher m = BEFORE.matcher(before);
            if (!m.find()) {
                m = BEFORE_ACCORDING.matcher(before);
                if (!m.find()) {
                    m = null;
                }
            }
            if (m != null) {
                lead = m.group("lead").strip();
                attribution = attribute(text, regionStart, m, speakers, quotes);
            }
            Matcher a = AFTER.matcher(after);
            boolean attributedAfter = a.find() || (a = AFTER_ACCORDING.matcher(after)).find();
            if (attributedAfter) {
                Attribution afterAttribution = attribute(text, span.close() + 1, a, speakers, quotes);
                // The clause nearer the quote wins when both exist; both normally name the same person.
                if (attribution == null || attribution.speaker() == null || lead.length() > 0) {
                    attribution = afterAttribution;
                }
            }
            boolean sameSentenceAsPrevious = previousClose >= 0 && regionStart == previousClose + 1;
            if (attribution == null && sameSentenceAsPrevious && previousAttribution != null) {
                attribution = previousAttribution;
            }
            String trailing = attributedAfter ? "" : after.replaceAll("[\\s،,.۔:؛!؟?–—-]+", "");
            String kind = !lead.isEmpty() || !trailing.isEmpty() || sameSentenceAsPrevious
                    ? FoundQuote.PARTIAL : FoundQuote.DIRECT;
            Speaker speaker = attribution == null ? null : attribution.speaker();
            if (speaker != null) {
                speakers.attributed(speaker);
            }
            if (speaker != null && speaker.id() != null) {
                entities.add(speaker.id(), speaker.type(), speaker.name(), speaker.mention());
            }
            String context = text.substring(regionStart, regionEnd).strip();
            quotes.add(new FoundQuote(span.begin(), span.end(), span.text(text), kind, speaker,
                    attribution == null ? null : attribution.cue(), context));
            previousClose = span.close();
            previousAttribution = attribution;
        }
        while (!reported.isEmpty()) {
            addReported(text, reported.poll(), speakers, entities, quotes);
        }
        quotes.sort(Comparator.comparingInt(FoundQuote::begin));
        return new Result(quotes, entities);
    }

    private void addReported(String text, UrduReportedSpeech.Clause c, ArticleSpeakers speakers,
                             EntityCollector entities, List<FoundQuote> quotes) {
        Speaker speaker = subjects.speakerOf(text, c.subjectBegin(), c.subject(), speakers,
                latestPerson(quotes));
        if (speaker == null) {
            // Reported speech of nobody ("اس نے کہا" with no one before it) is not an attribution we can give.
            return;
        }
        speakers.attributed(speaker);
        if (speaker.id() != null) {
            entities.add(speaker.id(), speaker.type(), speaker.name(), speaker.mention());
        }
        quotes.add(new FoundQuote(c.begin(), c.end(), text.substring(c.begin(), c.end()), c.kind(), speaker, c.cue(),
                context(text, c.begin(), c.end())));
    }

    /** The person (or two people named together) who spoke last among the quotes found so far, in text order. */
    private static Speaker latestPerson(List<FoundQuote> quotes) {
        for (int i = quotes.size() - 1; i >= 0; i--) {
            Speaker s = quotes.get(i).speaker();
            if (s != null && (ArticleSpeakers.PERSON.equals(s.type()) || UrduCoordinatedSubjects.isCoordinated(s))) {
                return s;
            }
        }
        return null;
    }

    private static String context(String text, int begin, int end) {
        int from = lastSentenceEnd(text, 0, begin) + 1;
        int to = nextSentenceEnd(text, end);
        return text.substring(from, Math.min(text.length(), to + 1)).strip();
    }

    private Attribution attribute(String text, int offset, Matcher m, ArticleSpeakers speakers,
                                  List<FoundQuote> quotes) {
        int subjBegin = offset + m.start("subj");
        String verb = m.group("verb").replaceAll("\\s+", " ");
        String agent = m.group().substring(m.end("subj"), m.start("verb")).strip().split("\\s+")[0];
        String cue = verb.startsWith("کے") ? verb : agent + " " + verb;
        Speaker speaker = subjects.speakerOf(text, subjBegin, m.group("subj"), speakers, latestPerson(quotes));
        return new Attribution(speaker, cue);
    }

    private static int lastSentenceEnd(String text, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (SENTENCE_END.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return from - 1;
    }

    private static int nextSentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (SENTENCE_END.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
