package io.stancewire.streams.nlp.ur;

import io.stancewire.model.Mention;
import io.stancewire.model.Speaker;
import io.stancewire.streams.nlp.EntityCollector;
import io.stancewire.streams.nlp.FoundQuote;
import io.stancewire.streams.nlp.marks.QuoteMarks;
import io.stancewire.streams.nlp.marks.QuoteSpan;
import io.stancewire.streams.nlp.speakers.ArticleSpeakers;
import io.stancewire.streams.nlp.speakers.Names;
import io.stancewire.streams.nlp.speakers.SpeakerRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quotes and speakers in Urdu news text, by rule: there is no Urdu model in CoreNLP, and Urdu attribution is
 * regular. A quote is a passage in quote marks; its speaker is the subject of an attribution clause right before
 * it ({@code X نے CNBC کو بتایا، “…”}, {@code X کے مطابق، “…”}) or right after it ({@code “…،” X نے کہا۔}). The subject
 * phrase is cut at its last apposition boundary (comma, genitive کے/کی/کا, English 's), role words are peeled off,
 * and the rest is the name; pronouns (انہوں نے) take the previous speaker.
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

    private static final Set<String> PRONOUNS = Set.of("انہوں", "انھوں", "اُنہوں", "اس", "اُس", "وہ", "انہیں", "ان");
    /** Words of a role or title that stand between an apposition boundary and the name ("سینئر لیکچرر زن سن"). */
    private static final Set<String> ROLE_WORDS = Set.of(
            "ایک", "سینئر", "لیکچرر", "پارٹنر", "انجینئر", "مشین", "لرننگ", "ماہر", "تجزیہ", "کار", "ترجمان", "صدر",
            "چیف", "ایگزیکٹو", "ڈائریکٹر", "پروفیسر", "وزیر", "وزیراعظم", "بانی", "شریک", "سربراہ", "افسر", "سی", "ای",
            "او", "محقق", "مینیجنگ", "نائب", "اسسٹنٹ", "ایسوسی", "ایٹ", "ڈاکٹر", "جناب", "محترمہ", "مسٹر", "سابق",
            "فیلو", "ریسرچ", "اینالسٹ", "سرمایہ", "کارپوریٹ", "سائنسدان", "سیکرٹری", "اہلکار", "عہدیدار", "رکن",
            "چیئرمین", "گورنر", "مشیر", "نمائندے", "نمائندہ", "کمپنی", "کے", "فرم");
    private static final String SENTENCE_END = "۔؟!?\n";

    private final SpeakerRegistry registry;

    public UrduQuoteExtractor(SpeakerRegistry registry) {
        this.registry = registry;
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
        int previousClose = -1;
        Attribution previousAttribution = null;
        for (int i = 0; i < spans.size(); i++) {
            QuoteSpan span = spans.get(i);
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
                attribution = attribute(text, regionStart, m, speakers);
            }
            Matcher a = AFTER.matcher(after);
            boolean attributedAfter = a.find() || (a = AFTER_ACCORDING.matcher(after)).find();
            if (attributedAfter) {
                Attribution afterAttribution = attribute(text, span.close() + 1, a, speakers);
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
                entities.add(speaker.id(), speaker.type(), speaker.name(), speaker.mention());
            }
            String context = text.substring(regionStart, regionEnd).strip();
            quotes.add(new FoundQuote(span.begin(), span.end(), span.text(text), kind, speaker,
                    attribution == null ? null : attribution.cue(), context));
            previousClose = span.close();
            previousAttribution = attribution;
        }
        return new Result(quotes, entities);
    }

    private Attribution attribute(String text, int offset, Matcher m, ArticleSpeakers speakers) {
        int subjBegin = offset + m.start("subj");
        String subject = m.group("subj");
        String cue = m.group("verb").replaceAll("\\s+", " ");
        cue = cue.startsWith("کے") ? cue : "نے " + cue;
        Speaker speaker = speakerOf(text, subjBegin, subject, speakers);
        return new Attribution(speaker, cue);
    }

    /** Cuts the subject phrase at its last apposition boundary and finds the name in what follows. */
    private Speaker speakerOf(String text, int subjBegin, String subject, ArticleSpeakers speakers) {
        String folded = Names.fold(subject);
        int cut = 0;
        String head = "";
        Matcher boundary = Pattern.compile("[،,]\\s*|\\s(?:کے|کی|کا|میں)\\s|'s\\s").matcher(folded);
        while (boundary.find()) {
            cut = boundary.end();
            head = subject.substring(0, boundary.start()).strip();
        }
        String tail = subject.substring(cut).strip();
        int tailBegin = subjBegin + subject.indexOf(tail, cut);
        if (tail.isEmpty()) {
            return null;
        }
        List<int[]> words = words(tail);
        String last = tail.substring(words.getLast()[0], words.getLast()[1]);
        if (words.size() == 1 && PRONOUNS.contains(last)) {
            Speaker previous = speakers.previous();
            return ArticleSpeakers.withMention(previous, new Mention(tailBegin, tailBegin + tail.length(), tail));
        }
        // The longest run of trailing words that the registry knows, else the words left after the role words.
        int nameStart = -1;
        for (int k = Math.max(0, words.size() - 4); k < words.size() && nameStart < 0; k++) {
            String candidate = tail.substring(words.get(k)[0]);
            if (registry.byFullName(candidate).isPresent() || registry.byShortName(candidate).isPresent()) {
                nameStart = k;
            }
        }
        if (nameStart < 0) {
            nameStart = 0;
            while (nameStart < words.size() - 1 && ROLE_WORDS.contains(tail.substring(words.get(nameStart)[0],
                    words.get(nameStart)[1]))) {
                nameStart++;
            }
            nameStart = Math.max(nameStart, words.size() - 3);
        }
        int nameBegin = words.get(nameStart)[0];
        String name = tail.substring(nameBegin);
        String role = nameStart > 0 ? tail.substring(0, nameBegin).strip() : null;
        String affiliation = affiliationOf(head);
        Mention mention = new Mention(tailBegin + nameBegin, tailBegin + tail.length(), name);
        String type = registry.byFullName(name).map(SpeakerRegistry.Entry::type).orElse(ArticleSpeakers.PERSON);
        return speakers.resolve(name, mention, type, affiliation, role, false);
    }

    /** "لکس کیپیٹل کے ایک پارٹنر" -> "لکس کیپیٹل": the organisation an apposition names, if it names one. */
    private String affiliationOf(String head) {
        if (head.isBlank()) {
            return null;
        }
        String org = head.split("\\s(?:کے|کی|کا|میں)\\s", 2)[0].strip();
        return org.isEmpty() ? null : org;
    }

    private static List<int[]> words(String s) {
        List<int[]> out = new ArrayList<>();
        Matcher w = Pattern.compile("\\S+").matcher(s);
        while (w.find()) {
            out.add(new int[] {w.start(), w.end()});
        }
        return out;
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
