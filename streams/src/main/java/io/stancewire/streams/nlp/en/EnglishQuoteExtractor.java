package io.stancewire.streams.nlp.en;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import io.stancewire.model.Mention;
import io.stancewire.model.Speaker;
import io.stancewire.streams.nlp.EntityCollector;
import io.stancewire.streams.nlp.FoundQuote;
import io.stancewire.streams.nlp.marks.QuoteMarks;
import io.stancewire.streams.nlp.marks.QuoteSpan;
import io.stancewire.streams.nlp.speakers.ArticleSpeakers;
import io.stancewire.streams.nlp.speakers.SpeakerRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Quotes, speakers and entities in English text. CoreNLP provides tokens, parts of speech, lemmas and names
 * ({@code tokenize,ssplit,pos,lemma,ner}); the attribution itself is done by rules over them, which is what news
 * style makes possible and what keeps it ~3x faster than CoreNLP's own quote annotator (which needs depparse and
 * coref on every sentence).
 */
public final class EnglishQuoteExtractor {
    private static final int WINDOW = 30;
    /** Subject kinds that name who speaks: such a source closing a sentence relays its inner speaker. */
    private static final Set<String> NAMED_SOURCES = Set.of("PERSON", "ORGANIZATION", "PLACE");
    /** "According to him, …": the pronoun is the source. */
    private static final Set<String> OBJECT_PRONOUNS = Set.of("him", "her", "them");

    private final StanfordCoreNLP pipeline;
    private final SpeakerRegistry registry;
    private final NameGenders genders = NameGenders.fromCoreNlpModels();

    public EnglishQuoteExtractor(SpeakerRegistry registry) {
        this.registry = registry;
        this.pipeline = new StanfordCoreNLP(pipelineProperties());
    }

    /** The fast pipeline: one 3-class NER model, no SUTime, no numeric or fine-grained classifiers. */
    public static Properties pipelineProperties() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.buildEntityMentions", "false");
        return p;
    }

    public record Result(List<FoundQuote> quotes, EntityCollector entities) {}

    public Result extract(String text) {
        Annotation annotation = new Annotation(text);
        pipeline.annotate(annotation);
        return new Article(text, tokens(annotation), registry, genders).run();
    }

    private static List<Tok> tokens(Annotation annotation) {
        List<Tok> toks = new ArrayList<>();
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        for (int s = 0; s < sentences.size(); s++) {
            for (CoreLabel t : sentences.get(s).get(CoreAnnotations.TokensAnnotation.class)) {
                toks.add(new Tok(toks.size(), t.word(), t.lemma() == null ? t.word() : t.lemma().toLowerCase(),
                        t.tag() == null ? "" : t.tag(), t.ner() == null ? "O" : t.ner(),
                        t.beginPosition(), t.endPosition(), s));
            }
        }
        return SentenceRepair.splitAfterAbbreviations(Contractions.repair(toks));
    }

    /** The state of one article's analysis. */
    private static final class Article {
        private final String text;
        private final List<Tok> toks;
        private final SpeakerRegistry registry;
        private final ArticleSpeakers speakers;
        private final List<QuoteSpan> spans;
        private final List<Named> names = new ArrayList<>();
        private final ArticleNames nameIndex;
        private final TextGeometry geometry;
        private final SpeakerChoice choice;
        private final Appositions appositions;
        /** What appositions told about a person, so that "Triolo said" later keeps "partner at DGA Group". */
        private final Map<String, Speaker> described = new HashMap<>();
        private final EntityCollector entities = new EntityCollector();
        /** Who was attributed where (offset of the quote), for "I"/"we" and for "he said" continuing a speaker. */
        private final Map<Integer, Speaker> attributions = new HashMap<>();
        private final NameGenders genders;

        Article(String text, List<Tok> toks, SpeakerRegistry registry, NameGenders genders) {
            this.text = text;
            this.genders = genders;
            this.toks = toks;
            this.registry = registry;
            this.speakers = new ArticleSpeakers(registry, text);
            this.spans = QuoteMarks.find(text);
            this.geometry = new TextGeometry(text, toks, spans);
            this.nameIndex = new ArticleNames(text, toks, registry, speakers, names, entities, genders, geometry);
            this.choice = new SpeakerChoice(toks, names, attributions, described, speakers, genders);
            this.appositions = new Appositions(text, geometry, choice);
        }

        Result run() {
            nameIndex.collect();
            List<FoundQuote> reported = reportedSpeech();
            List<FoundQuote> quotes = reconcile(directQuotes(reported), reported);
            quotes.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
            return new Result(quotes, entities);
        }

        /**
         * Reported speech may quote a few of its words ('He argued the subsidies are riddled with "fraud, waste, and
         * abuse" and require reform'): the attributed clause is the quote, of kind partial, and the quoted fragment is
         * not a quote of its own. A clause that overlaps a quote in marks otherwise ('"…," Johnson said.' read as
         * "…, X said.") is that quote's attribution, not reported speech.
         */
        private List<FoundQuote> reconcile(List<FoundQuote> marked, List<FoundQuote> reported) {
            List<FoundQuote> out = new ArrayList<>();
            boolean[] absorbed = new boolean[marked.size()];
            for (FoundQuote r : reported) {
                boolean clashes = false;
                List<Integer> fragments = new ArrayList<>();
                for (int i = 0; i < marked.size(); i++) {
                    FoundQuote m = marked.get(i);
                    int shared = Math.min(m.end(), r.end()) - Math.max(m.begin(), r.begin());
                    if (shared <= 0) {
                        continue;
                    }
                    boolean fragment = m.kind().equals(FoundQuote.PARTIAL) && shared * 2 >= m.end() - m.begin()
                            && m.end() - m.begin() < r.end() - r.begin();
                    if (fragment) {
                        fragments.add(i);
                    } else {
                        clashes = true;
                    }
                }
                if (clashes) {
                    continue;
                }
                if (fragments.isEmpty()) {
                    // Quoted words too short to stand as a quote ('his state is "sinking"') still make it partial.
                    boolean quotes = spans.stream().anyMatch(q -> q.open() >= r.begin() && q.close() <= r.end());
                    out.add(quotes ? new FoundQuote(r.begin(), r.end(), r.text(), FoundQuote.PARTIAL, r.speaker(), r.cue(),
                            r.context()) : r);
                    continue;
                }
                int begin = r.begin();
                int end = r.end();
                for (int i : fragments) {
                    absorbed[i] = true;
                    begin = Math.min(begin, marked.get(i).begin());
                    end = Math.max(end, marked.get(i).end());
                }
                out.add(new FoundQuote(begin, end, text.substring(begin, end), FoundQuote.PARTIAL, r.speaker(), r.cue(),
                        r.context()));
            }
            for (int i = 0; i < marked.size(); i++) {
                if (!absorbed[i]) {
                    out.add(marked.get(i));
                }
            }
            return out;
        }

        // ---------------------------------------------------------------- direct and partial quotes

        private record Attribution(Speaker speaker, String cue) {}

        private record Frame(Attribution attribution, boolean leadingWords) {}

        private List<FoundQuote> directQuotes(List<FoundQuote> reported) {
            List<FoundQuote> out = new ArrayList<>();
            FoundQuote previous = null;
            QuoteSpan previousSpan = null;
            Attribution previousAttribution = null;
            for (int k = 0; k < spans.size(); k++) {
                QuoteSpan first = spans.get(k);
                QuoteSpan last = first;
                Attribution attribution = null;
                // "A," he said, "B." is one quote: the attribution sits between two parts of one sentence.
                if (k + 1 < spans.size()) {
                    QuoteSpan next = spans.get(k + 1);
                    Attribution between = splitAttribution(first, next);
                    if (between != null) {
                        attribution = between;
                        last = next;
                        k++;
                    }
                }
                Frame before = before(first.open());
                Frame after = first == last ? after(last) : new Frame(null, false);
                boolean leading = before.leadingWords();
                boolean trailing = after.leadingWords();
                if (attribution == null) {
                    attribution = before.attribution();
                    if (after.attribution() != null && (attribution == null || leading)) {
                        attribution = after.attribution();
                    }
                }
                boolean sameSentenceAsPrevious = previousSpan != null && geometry.sameSentence(previousSpan.close(), first.open());
                if (attribution == null && sameSentenceAsPrevious && previousAttribution != null) {
                    attribution = previousAttribution;
                    leading = true;
                } else if (attribution == null && !leading && previousSpan != null && previousAttribution != null
                        && !text.substring(previousSpan.close(), first.open()).contains("\n")) {
                    // '"A," said Triolo. "B."': a quote that follows an attributed one in its paragraph continues it.
                    attribution = previousAttribution;
                }
                if (attribution == null && !leading && !trailing) {
                    // 'Economist X warns the initiative will take long. "If you're going to …"': a quote standing as
                    // its own sentence after reported speech in the same paragraph continues that speaker.
                    FoundQuote earlier = null;
                    for (FoundQuote r : reported) {
                        if (r.end() < first.open() && r.speaker() != null && (earlier == null || r.end() > earlier.end())
                                && (previousSpan == null || r.begin() > previousSpan.close())
                                && !text.substring(r.end(), first.open()).contains("\n")) {
                            earlier = r;
                        }
                    }
                    if (earlier != null) {
                        attribution = new Attribution(earlier.speaker(), null);
                    }
                }
                String quoted = first == last ? first.text(text) : first.text(text) + " " + last.text(text);
                int words = quoted.split("\\s+").length;
                int paragraph = geometry.paragraphOf(first.open());
                boolean wholeParagraph = !leading && !trailing && before.attribution() == null
                        && after.attribution() == null && geometry.paragraphStartsAt(first.open());
                if (attribution == null && wholeParagraph && words > 6) {
                    // News style: a paragraph that is all quote continues the speaker of the paragraph before.
                    FoundQuote earlier = previous;
                    for (FoundQuote r : reported) {
                        if (r.end() < first.open() && (earlier == null || r.end() > earlier.end())) {
                            earlier = r;
                        }
                    }
                    if (earlier != null && earlier.speaker() != null
                            && paragraph - geometry.paragraphOf(earlier.begin()) <= 1) {
                        // Attributed from the mention that attributed the paragraph before.
                        attribution = new Attribution(earlier.speaker(), null);
                    }
                }
                String lead = text.substring(geometry.sentenceBegin(first.open()), first.open()).strip();
                if (lead.endsWith(":") || lead.endsWith("--") || lead.endsWith("—") || lead.endsWith("–")) {
                    // Introduced by a colon or a dash (also a dateline's): a quote standing on its own.
                    leading = false;
                }
                String content = quoted.strip();
                boolean capitalStart = !content.isEmpty() && !Character.isLowerCase(content.codePointAt(0));
                if (trailing && capitalStart && content.endsWith(",")) {
                    // '"Full sentence," reads a blog post': the comma hands over to an attribution we could not parse.
                    trailing = false;
                }
                // A quote that starts in lower case continues the writer's sentence ('commented that "it has…"').
                boolean partial = leading || trailing || !capitalStart;
                if (rejected(quoted, words, attribution, partial)) {
                    continue;
                }
                Speaker speaker = attribution == null ? null : attribution.speaker();
                if (speaker != null) {
                    attributions.put(first.open(), speaker);
                }
                int contextBegin = geometry.sentenceBegin(first.open());
                int contextEnd = geometry.sentenceEnd(last.close());
                FoundQuote quote = new FoundQuote(first.begin(), last.end(), quoted,
                        partial ? FoundQuote.PARTIAL : FoundQuote.DIRECT, speaker,
                        attribution == null ? null : attribution.cue(),
                        text.substring(contextBegin, contextEnd).strip());
                out.add(quote);
                previous = quote;
                previousSpan = last;
                previousAttribution = attribution;
            }
            return out;
        }

        /**
         * Scare quotes and titles are not quotes: short and unattributed, or a capitalised title inside a sentence,
         * or a single quoted word.
         */
        private boolean rejected(String quoted, int words, Attribution attribution, boolean partial) {
            if (attribution == null) {
                return words <= 6 || Phrases.titleLike(quoted);
            }
            if (partial) {
                return words <= 1 || Phrases.titleLike(quoted.strip().replaceAll("[,.]$", ""));
            }
            return false;
        }

        /** The attribution between two quoted parts of one sentence, or null when they are separate quotes. */
        private Attribution splitAttribution(QuoteSpan a, QuoteSpan b) {
            String gap = text.substring(a.close() + 1, b.open());
            if (gap.contains("\n") || gap.length() > 120) {
                return null;
            }
            String firstPart = a.text(text);
            if (firstPart.matches("(?s).*[.!?]$")) {
                return null;
            }
            String trimmed = gap.strip();
            if (!(trimmed.endsWith(",") || trimmed.endsWith(":") || trimmed.endsWith("—") || trimmed.endsWith("–"))) {
                return null;
            }
            List<Tok> window = geometry.tokensIn(a.close() + 1, b.open());
            if (window.stream().anyMatch(Tok::isSentenceEnd)) {
                // '"A," said Zandi. Cantrill explained, "B."': two sentences, two quotes.
                return null;
            }
            return attributionAfter(window);
        }

        /** What stands before an opening mark in the same sentence. */
        private Frame before(int open) {
            int end = geometry.lastTokenBefore(open);
            if (end < 0) {
                return new Frame(null, false);
            }
            // 'Triolo said:' ending the paragraph before a paragraph that is all quote.
            boolean colonIntro = toks.get(end).word().equals(":")
                    && geometry.paragraphBreakBetween(end, Math.min(toks.size() - 1, geometry.firstTokenAtOrAfter(open)));
            int start = end;
            while (start > 0 && end - start < WINDOW) {
                Tok prev = toks.get(start - 1);
                if (prev.isSentenceEnd() || geometry.isMarkToken(prev) || geometry.paragraphBreakBetween(start - 1, start)
                        || prev.sentence() != toks.get(start).sentence()) {
                    break;
                }
                start--;
            }
            if (geometry.isMarkToken(toks.get(end)) || toks.get(end).isSentenceEnd()
                    || !colonIntro && geometry.paragraphBreakBetween(end, Math.min(toks.size() - 1, geometry.firstTokenAtOrAfter(open)))) {
                return new Frame(null, false);
            }
            List<Tok> window = toks.subList(start, end + 1);
            int last = window.size() - 1;
            while (last >= 0 && window.get(last).isPunct()) {
                last--;
            }
            if (last < 0) {
                return new Frame(null, false);
            }
            // The last speech verb before the mark; words after it other than an object and "that" are the
            // writer's own sentence the quote is embedded in.
            for (int v = last; v >= 0; v--) {
                Tok t = window.get(v);
                boolean according = t.lemma().equals("accord") && v + 1 < window.size()
                        && window.get(v + 1).word().equalsIgnoreCase("to");
                if (!according && !(t.isVerb() && SpeechVerbs.QUOTING.contains(t.lemma())) && !Cues.asPutIt(window, v)) {
                    continue;
                }
                Attribution attribution;
                int leadFrom;
                if (according) {
                    SubjectSpan subject = firstCandidate(window, v + 2, Math.min(window.size(), v + 8));
                    if (subject == null) {
                        continue;
                    }
                    attribution = attributionFor(subject, window, "according to");
                    leadFrom = endOfApposition(window, subject.last + 1);
                } else {
                    SubjectSpan subject = subjectBefore(window, v);
                    if (subject == null && (t.lemma().equals("say") || t.lemma().equals("add"))) {
                        // Inverted "said Paul Triolo: …"; after other verbs ("urged Nielsen to") it is the object.
                        subject = postposedSubject(window, v + 1);
                    }
                    if (subject == null) {
                        continue;
                    }
                    attribution = attributionFor(subject, window, t.word());
                    leadFrom = skipObject(window, v + 1, last + 1);
                    if (subject.first > v) {
                        leadFrom = Math.max(leadFrom, endOfApposition(window, subject.last + 1));
                    }
                }
                boolean leading = false;
                for (int i = leadFrom; i <= last; i++) {
                    if (!window.get(i).isPunct()) {
                        leading = true;
                        break;
                    }
                }
                return new Frame(attribution, leading);
            }
            boolean leading = false;
            for (int i = 0; i <= last; i++) {
                if (!window.get(i).isPunct()) {
                    leading = true;
                    break;
                }
            }
            // "Schmidt points to a new era: “…”": a sentence whose subject introduces the quote with a colon.
            if (window.getLast().word().equals(":")) {
                SubjectSpan subject = candidateAt(window, 0, window.size());
                if (subject == null && Subjects.possessiveAnswer(window)) {
                    // 'His answer: "…"': the possessive pronoun is the source.
                    subject = new SubjectSpan(0, 0, "PRONOUN");
                }
                if (subject != null && !subject.kind.equals("NOUN")) {
                    String cue = null;
                    for (int i = subject.last + 1; i <= last && cue == null; i++) {
                        cue = window.get(i).isVerb() ? window.get(i).word() : null;
                    }
                    return new Frame(attributionFor(subject, window, cue == null ? ":" : cue), leading);
                }
            }
            return new Frame(null, leading);
        }

        /** What follows a closing mark in the same sentence. */
        private Frame after(QuoteSpan span) {
            int start = geometry.firstTokenAtOrAfter(span.close() + 1);
            if (start < 0 || start >= toks.size() || geometry.paragraphBreakBetween(Math.max(0, start - 1), start)
                    && text.substring(span.close(), toks.get(start).begin()).contains("\n")) {
                return new Frame(null, false);
            }
            List<Tok> window = new ArrayList<>();
            for (int i = start; i < toks.size() && window.size() < WINDOW; i++) {
                Tok t = toks.get(i);
                if (geometry.isMarkToken(t) || (i > start && geometry.paragraphBreakBetween(i - 1, i))) {
                    break;
                }
                window.add(t);
                if (t.isSentenceEnd()) {
                    break;
                }
            }
            boolean endsSentence = span.text(text).matches("(?s).*[.!?…]$");
            // After a quote that ends its sentence only a short attribution belongs to it ('"…!" Nadella wrote'),
            // not the next sentence's speech verb ('"…." White House adviser Kellyanne Conway denied …').
            // A question's asker may have a longer noun phrase ('"…?" Fox News host Brian Kilmeade asked').
            int reach = span.text(text).endsWith("?") ? 8 : 4;
            Attribution attribution = attributionAfter(endsSentence ? window.subList(0, Math.min(window.size(), reach)) : window);
            if (attribution != null) {
                return new Frame(attribution, false);
            }
            boolean words = window.stream().anyMatch(t -> !t.isPunct());
            return new Frame(null, words && !endsSentence);
        }

        /** ", he said", ", said Paul Triolo, a partner at DGA Group", ", according to Wang". */
        private Attribution attributionAfter(List<Tok> window) {
            int first = 0;
            while (first < window.size() && window.get(first).isPunct()) {
                first++;
            }
            if (first >= window.size()) {
                return null;
            }
            Tok head = window.get(first);
            if (head.lemma().equals("accord") && first + 1 < window.size()
                    && window.get(first + 1).word().equalsIgnoreCase("to")) {
                SubjectSpan subject = firstCandidate(window, first + 2, Math.min(window.size(), first + 8));
                return subject == null ? null : attributionFor(subject, window, "according to");
            }
            if (head.isVerb() && SpeechVerbs.QUOTING.contains(head.lemma())) {
                SubjectSpan subject = postposedSubject(window, first + 1);
                return subject == null ? null : attributionFor(subject, window, head.word());
            }
            for (int v = first + 1; v < window.size() && v <= first + 22; v++) {
                Tok t = window.get(v);
                if (t.capitalised()) {
                    // "Chief Privacy and Trust Officer said": a capitalised word inside a title is no verb.
                    continue;
                }
                // "he continued" attributes; "the practices will continue into the future" does not.
                boolean continues = t.lemma().equals("continue") && v + 1 < window.size() && !window.get(v + 1).isPunct();
                if (t.isVerb() && SpeechVerbs.QUOTING.contains(t.lemma()) && !continues) {
                    SubjectSpan subject = subjectBefore(window.subList(first, window.size()), v - first);
                    if (subject == null) {
                        return null;
                    }
                    subject = subject.shift(first);
                    return attributionFor(subject, window, t.word());
                }
                if (t.isVerb() && !t.tag().equals("VBN") && !t.tag().equals("VBG") && !t.lemma().equals("be")
                        && !t.lemma().equals("have") && !"who".equalsIgnoreCase(window.get(Math.max(0, v - 1)).word())) {
                    // Another verb first: this is the writer's sentence, not an attribution.
                    return null;
                }
            }
            return null;
        }

        // ---------------------------------------------------------------- subjects

        /** A subject candidate within a window: a name, a pronoun or an organisation noun. */
        private record SubjectSpan(int first, int last, String kind) {
            SubjectSpan shift(int by) {
                return new SubjectSpan(first + by, last + by, kind);
            }
        }

        /** The nearest candidate before index {@code v} that is not itself inside an apposition or a possessive. */
        private SubjectSpan subjectBefore(List<Tok> window, int v) {
            // "Musk, speaking to reporters after the Senate forum, said": the subject stands before the phrase.
            int phrase = Subjects.openingOfInterjectedPhrase(window, v);
            if (phrase > 0) {
                SubjectSpan outside = subjectBefore(window, v, phrase);
                if (outside != null) {
                    return outside;
                }
            }
            return subjectBefore(window, v, v);
        }

        /** {@link #subjectBefore(List, int)} among the candidates before {@code limit}. */
        private SubjectSpan subjectBefore(List<Tok> window, int v, int limit) {
            SubjectSpan best = null;
            int i = 0;
            while (i < limit) {
                SubjectSpan c = candidateAt(window, i, limit);
                if (c == null) {
                    i++;
                    continue;
                }
                boolean afterPreposition = inPrepositionalPhrase(window, c.first) || Phrases.objectOfVerb(window, c.first);
                boolean possessor = c.last + 1 < window.size()
                        && (window.get(c.last + 1).word().equals("'s") || window.get(c.last + 1).word().equals("’s"));
                // "Bureau of Labor Statistics (BLS) reported": the abbreviation in parentheses repeats the subject.
                boolean bracketed = c.first > 0 && Parentheticals.skip(window, c.first - 1) > c.first;
                boolean modifier = c.kind.equals("ORGANIZATION") && c.last + 1 < v
                        && window.subList(c.last + 1, v).stream().anyMatch(t -> t.ner().equals("PERSON"));
                if (!afterPreposition && !possessor && !modifier && !bracketed) {
                    best = preferred(best, c, window, v);
                }
                i = c.last + 1;
            }
            return best;
        }

        /**
         * Between two candidates the nearer to the verb wins, unless the nearer one sits in an apposition of the
         * earlier one ("Paul Triolo, a partner at DGA Group, said": DGA Group is excluded by its preposition already,
         * "Wang, the company's engineer, said": the engineer noun loses to the name).
         */
        private SubjectSpan preferred(SubjectSpan best, SubjectSpan c, List<Tok> window, int v) {
            if (best == null) {
                return c;
            }
            boolean bestIsName = best.kind.equals("PERSON") || best.kind.equals("ORGANIZATION");
            boolean cIsName = c.kind.equals("PERSON") || c.kind.equals("ORGANIZATION");
            if (c.first == best.last + 1) {
                // "Senate Democrats", "White House officials": the later word is the head of one noun phrase.
                return c;
            }
            boolean bestOpensApposition = best.last + 1 < c.first && window.get(best.last + 1).word().equals(",");
            if (c.kind.equals("PRONOUN") && Subjects.rightBeforeVerb(window, c.last, v)) {
                // "… in Milwaukee, and he has said repeatedly that …", "what he described as": the pronoun speaks.
                return c;
            }
            if (Subjects.coordinated(window, best.last, c.first)) {
                // "the Justice Department and state attorneys general say": the nearer conjunct carries the verb.
                return c;
            }
            if (Subjects.rightBeforeVerb(window, c.last, v) && Subjects.afterComma(window, c.first)
                    && !(bestIsName && cIsName && bestOpensApposition)) {
                // "… at John Muir will be striking, the union said": the noun phrase at the verb is its subject.
                return c;
            }
            if (bestIsName && !cIsName) {
                return best;
            }
            // "Paul Triolo, a partner at global advisory firm DGA Group, said": the later name is in the apposition.
            boolean cClosesApposition = c.last + 1 < v && window.get(c.last + 1).word().equals(",");
            if (bestIsName && bestOpensApposition && cClosesApposition) {
                return best;
            }
            // "Andrea Flores, a former member of Biden's National Security Council who handled border policy said":
            // an apposition whose closing comma the writer left out.
            if (best.kind.equals("PERSON") && bestOpensApposition && !c.kind.equals("PERSON")
                    && window.subList(best.last + 2, v).stream().noneMatch(t -> t.word().equals(",") || geometry.isMarkToken(t))) {
                return best;
            }
            return c;
        }

        /** "of cybersecurity firm Qihoo 360", "at the Brookings Institution": a name inside a prepositional phrase. */
        private boolean inPrepositionalPhrase(List<Tok> window, int first) {
            int k = first - 1;
            while (k >= 0 && (window.get(k).tag().equals("DT") || window.get(k).tag().startsWith("JJ")
                    || window.get(k).tag().equals("CD")
                    || window.get(k).tag().startsWith("NN") && !window.get(k).capitalised())) {
                k--;
            }
            if (k < 0) {
                return false;
            }
            String w = window.get(k).word().toLowerCase();
            return SpeechVerbs.AFFILIATION_PREPOSITIONS.contains(w)
                    || window.get(k).tag().equals("IN") && !Phrases.SUBORDINATORS.contains(w);
        }

        /**
         * The first candidate in a range, e.g. after "said" or "according to". An organisation that only qualifies a
         * person who follows ("said Former Google CEO Schmidt") gives way to the person, and in "a post by X" the
         * one after "by" is the source.
         */
        private SubjectSpan firstCandidate(List<Tok> window, int from, int to) {
            for (int i = from; i < to; i++) {
                if (window.get(i).word().equals("by")) {
                    SubjectSpan after = null;
                    for (int k = i + 1; k < Math.min(window.size(), i + 5) && after == null; k++) {
                        after = candidateAt(window, k, window.size());
                    }
                    if (after != null) {
                        return after;
                    }
                }
            }
            for (int i = from; i < to; i++) {
                SubjectSpan c = candidateAt(window, i, to);
                if (c == null) {
                    continue;
                }
                if (c.kind.equals("ORGANIZATION")) {
                    for (int k = c.last + 1; k < Math.min(window.size(), c.last + 4); k++) {
                        SubjectSpan person = candidateAt(window, k, window.size());
                        if (person != null && person.kind.equals("PERSON")) {
                            return person;
                        }
                        if (!SpeechVerbs.TITLES.contains(window.get(k).word().toLowerCase())
                                && !window.get(k).tag().startsWith("NN")) {
                            break;
                        }
                    }
                }
                return c;
            }
            return null;
        }

        /**
         * The speaker after an inverted verb ("said former Secretary of Labor … Professor Robert Reich", "said Paul
         * Triolo, a partner at DGA Group"): the first person named in the noun phrase that follows, else its first
         * candidate.
         */
        private SubjectSpan postposedSubject(List<Tok> window, int from) {
            for (int k = from; k < Math.min(window.size(), from + 14); k++) {
                Tok t = window.get(k);
                if (t.isSentenceEnd() || geometry.isMarkToken(t) || t.isVerb() || t.tag().startsWith("W")) {
                    break;
                }
                SubjectSpan c = candidateAt(window, k, window.size());
                if (c != null && c.kind.equals("PERSON")) {
                    return c;
                }
                if (c != null) {
                    k = c.last;
                }
            }
            return firstCandidate(window, from, Math.min(window.size(), from + 5));
        }

        private SubjectSpan candidateAt(List<Tok> window, int i, int limit) {
            Tok t = window.get(i);
            String ner = t.ner();
            Named known = nameIndex.nameAt(t.index());
            if (known != null && known.first() == t.index()
                    && (known.type().equals("PERSON") || known.type().equals("ORGANIZATION"))) {
                int j = Math.min(limit - 1, i + known.last() - known.first());
                return new SubjectSpan(i, j, known.type());
            }
            if (ner.equals("PERSON") || ner.equals("ORGANIZATION")) {
                int j = i;
                // A name of its own inside the tagged run ends it ("Economic Research | Ryan Sweet").
                while (j + 1 < limit && window.get(j + 1).ner().equals(ner) && nameIndex.nameAt(window.get(j + 1).index()) == known) {
                    j++;
                }
                return new SubjectSpan(i, j, ner);
            }
            String lower = t.word().toLowerCase();
            if (t.tag().startsWith("PRP") && !t.tag().equals("PRP$")
                    && (SpeechVerbs.PERSON_PRONOUNS.contains(lower) || SpeechVerbs.OTHER_PRONOUNS.contains(lower))) {
                return new SubjectSpan(i, i, "PRONOUN");
            }
            String determiner = OrganisationNouns.determiner(window, i);
            if (determiner != null) {
                // "the company", "the Cabinet spokesman"; "her spokesman", "Yoon's office" speak for themselves
                return new SubjectSpan(i, i, determiner.equals("the") ? "NOUN" : "OWNED");
            }
            int place = Places.speakingPlace(window, i, limit);
            if (place >= 0) {
                return new SubjectSpan(i, place, "PLACE");
            }
            // "GROVE CITY, Ohio — Authorities say": the tagger may read a capitalised plural as a singular proper noun
            if ((t.tag().equals("NNS") || t.tag().equals("NNPS") || t.tag().equals("NNP")) && SpeechVerbs.GROUP_NOUNS.contains(lower)) {
                // "attorneys general": the postposed adjective belongs to the noun.
                boolean general = i + 1 < limit && window.get(i + 1).word().equalsIgnoreCase("general");
                return new SubjectSpan(i, general ? i + 1 : i, "GROUP");
            }
            if (t.tag().equals("NN") && SpeechVerbs.ANONYMOUS_NOUNS.contains(lower) && Phrases.indefinite(window, i)) {
                // "a senior administration official said", "a person familiar with the matter said"
                return new SubjectSpan(i, i, "GROUP");
            }
            // "the results report": the tagger may read the head noun after a plural noun as a verb.
            boolean nounLike = t.tag().equals("NN") || t.tag().equals("VBP") && i > 0 && window.get(i - 1).tag().startsWith("NN");
            if (nounLike && SpeechVerbs.DOCUMENT_NOUNS.contains(lower) && Phrases.determined(window, i)) {
                return new SubjectSpan(i, i, "DOCUMENT");
            }
            if (t.tag().startsWith("NN") && SpeechVerbs.ROLE_NOUNS.contains(lower) && Phrases.definite(window, i)) {
                // "the attorney general indicated": the postposed adjective belongs to the role.
                boolean general = i + 1 < limit && window.get(i + 1).word().equalsIgnoreCase("general");
                return new SubjectSpan(i, general ? i + 1 : i, "ROLE");
            }
            return null;
        }

        private Attribution attributionFor(SubjectSpan subject, List<Tok> window, String cue) {
            Tok first = window.get(subject.first);
            Tok last = window.get(subject.last);
            Mention mention = new Mention(first.begin(), last.end(), text.substring(first.begin(), last.end()));
            Speaker speaker = switch (subject.kind) {
                case "PERSON", "ORGANIZATION" -> named(nameIndex.nameAt(first.index()), mention, window, subject);
                case "PRONOUN" -> choice.pronoun(first, mention);
                case "GROUP" -> group(window, subject, "GROUP");
                case "DOCUMENT" -> group(window, subject, "DOCUMENT");
                // "the foreign minister said" with no one named before: an unnamed office holder
                case "ROLE" -> {
                    Speaker holder = ArticleSpeakers.withMention(choice.role(first.begin()), mention);
                    yield holder != null ? holder : group(window, subject, "GROUP");
                }
                case "OWNED" -> {
                    int from = OrganisationNouns.phraseStart(window, subject.first);
                    String phrase = text.substring(window.get(from).begin(), last.end());
                    yield new Speaker(null, phrase, new Mention(window.get(from).begin(), last.end(), phrase), null, null, "GROUP");
                }
                case "PLACE" -> speakers.resolve(mention.text(), mention, "ORGANIZATION", null, null, true);
                default -> {
                    // "the union said" in an article that names no organisation: the noun phrase is the source.
                    Speaker organisation = choice.latest("ORGANIZATION", first.begin());
                    yield organisation == null ? group(window, subject, "GROUP")
                            : ArticleSpeakers.withMention(organisation, mention);
                }
            };
            return speaker == null ? null : new Attribution(speaker, cue);
        }

        /** "economists", "Major U.S. corporate leaders", "the earnings report": named by its noun phrase, no id. */
        private Speaker group(List<Tok> window, SubjectSpan subject, String type) {
            int k = subject.first;
            while (k > 0 && subject.first - k < 4 && (window.get(k - 1).tag().startsWith("JJ")
                    || window.get(k - 1).tag().startsWith("NN") && !window.get(k - 1).word().equals("'s"))) {
                k--;
            }
            k = Subjects.coordinationStart(window, k);
            Tok first = window.get(k);
            Tok last = window.get(subject.last);
            String phrase = text.substring(first.begin(), last.end());
            return new Speaker(null, phrase, new Mention(first.begin(), last.end(), phrase), null, null, type);
        }

        private Speaker named(Named n, Mention mention, List<Tok> window, SubjectSpan subject) {
            if (n == null) {
                return null;
            }
            String[] apposition = appositions.of(window, subject.first, subject.last);
            Speaker speaker = speakers.resolve(n.canonical(), mention, n.type(), apposition[0], apposition[1], true);
            Speaker known = described.get(speaker.name());
            if (known != null && speaker.affiliation() == null && speaker.role() == null) {
                speaker = new Speaker(speaker.id(), speaker.name(), mention, known.affiliation(), known.role(),
                        speaker.type());
            }
            if (speaker.affiliation() != null || speaker.role() != null) {
                described.put(speaker.name(), speaker);
            }
            return speaker;
        }

        /** Skips what may follow a speech verb before its quote: an object, a time, a channel, "that". */
        private int skipObject(List<Tok> window, int from, int to) {
            int i = from;
            int skipped = 0;
            while (i < to && skipped < 8) {
                Tok t = window.get(i);
                String w = t.word().toLowerCase();
                boolean objecty = t.isPunct() || w.equals("that") || t.tag().startsWith("NNP") || t.tag().equals("PRP")
                        || t.tag().equals("DT") || t.tag().equals("IN") || t.tag().equals("PRP$")
                        || t.tag().startsWith("NN") && skipped > 0 || t.tag().equals("RB") || t.tag().equals("CD")
                        || w.equals("reporters") || w.equals("journalists");
                if (!objecty) {
                    break;
                }
                if (w.equals("that")) {
                    return i + 1;
                }
                i++;
                skipped++;
            }
            // Only a pure object run counts as skipped when the mark follows it directly.
            return i >= to ? to : from;
        }

        private int endOfApposition(List<Tok> window, int from) {
            if (from < window.size() && window.get(from).word().equals(",")) {
                int j = from + 1;
                while (j < window.size() && !window.get(j).word().equals(",")) {
                    j++;
                }
                return j < window.size() ? j + 1 : from;
            }
            return from;
        }

        // ---------------------------------------------------------------- reported speech

        private List<FoundQuote> reportedSpeech() {
            List<FoundQuote> out = new ArrayList<>();
            int s = 0;
            while (s < toks.size()) {
                int e = s;
                while (e + 1 < toks.size() && toks.get(e + 1).sentence() == toks.get(s).sentence()) {
                    e++;
                }
                List<Tok> sentence = toks.subList(s, e + 1);
                if (!Phrases.headline(sentence)) {
                    for (FoundQuote q : reported(sentence)) {
                        out.add(q);
                        if (q.speaker() != null) {
                            attributions.put(q.begin(), q.speaker());
                        }
                    }
                }
                s = e + 1;
            }
            return out;
        }

        private List<FoundQuote> reported(List<Tok> sentence) {
            List<FoundQuote> main = mainClause(sentence);
            List<FoundQuote> relative = relativeClauses(sentence);
            if (relative.isEmpty()) {
                return main;
            }
            // "Senator Ruth Adams, who said last week that …, voted …": relations of their own besides the sentence's.
            List<FoundQuote> all = new ArrayList<>(relative);
            for (FoundQuote q : main) {
                if (relative.stream().noneMatch(r -> r.begin() < q.end() && q.begin() < r.end())) {
                    all.add(q);
                }
            }
            all.sort(java.util.Comparator.comparingInt(FoundQuote::begin));
            return all;
        }

        /** Speech verbs whose subject is a relative pronoun after a comma ({@link RelativeClauses}). */
        private List<FoundQuote> relativeClauses(List<Tok> sentence) {
            int last = sentence.size() - 1;
            while (last >= 0 && sentence.get(last).isPunct()) {
                last--;
            }
            List<FoundQuote> out = new ArrayList<>();
            for (int v = 2; v <= last; v++) {
                Tok t = sentence.get(v);
                boolean finite = Phrases.finite(t) || t.tag().equals("VBN") && Phrases.perfect(sentence, v);
                boolean cue = SpeechVerbs.REPORTING.contains(t.lemma()) || Cues.commitment(sentence, v, last) > 0;
                int who = finite && cue ? RelativeClauses.pronoun(sentence, v) : -1;
                if (who > 0) {
                    out.addAll(relativeClause(sentence, v, who, last));
                } else if (finite && RelativeClauses.embedded(sentence, v, last)) {
                    // "the tariff on car parts, which they say will increase the cost …": the speaker's clause is the
                    // rest of the relative clause.
                    SubjectSpan speaker = candidateAt(sentence, v - 1, v);
                    Attribution a = speaker == null ? null : attributionFor(speaker, sentence, t.word());
                    int to = RelativeClauses.contentEnd(sentence, v + 1, last, geometry::isMarkToken);
                    out.addAll(listOf(indirect(sentence, v + 1, to, a)));
                }
            }
            return out;
        }

        private List<FoundQuote> mainClause(List<Tok> sentence) {
            int n = sentence.size();
            int last = n - 1;
            while (last >= 0 && sentence.get(last).isPunct()) {
                last--;
            }
            if (last < 4) {
                return List.of();
            }
            int according = -1;
            for (int i = 0; i + 1 <= last && according < 0; i++) {
                if (sentence.get(i).lemma().equals("accord") && sentence.get(i + 1).word().equalsIgnoreCase("to")
                        || i > 0 && i + 2 <= last && sentence.get(i).word().equalsIgnoreCase("as")
                        && sentence.get(i + 1).word().equalsIgnoreCase("reported") && sentence.get(i + 2).word().equals("by")) {
                    according = i;
                }
            }
            // "According to X, …" opens the sentence ("Furthermore, according to X, …"): X is the source of all of it.
            boolean opening = according >= 0 && sentence.subList(0, according).stream()
                    .allMatch(t -> t.isPunct() || t.tag().startsWith("RB") || t.tag().equals("CC"));
            if (opening) {
                return listOf(accordingTo(sentence, according, last));
            }
            // "X said (that) …" before a trailing "…, according to Y": X is the nearer source.
            List<FoundQuote> byVerb = byVerb(sentence, last);
            if (!byVerb.isEmpty()) {
                return byVerb;
            }
            if (according < 0) {
                return listOf(nounCue(sentence, last));
            }
            return listOf(accordingTo(sentence, according, last));
        }

        /** "Modi’s claim that …", "a request by defense attorneys that …" ({@link NounCues}). */
        private FoundQuote nounCue(List<Tok> sentence, int last) {
            NounCues.Found f = NounCues.find(sentence, last);
            if (f == null) {
                return null;
            }
            SubjectSpan subject = f.pronoun() ? new SubjectSpan(f.sourceFrom(), f.sourceFrom(), "PRONOUN") : null;
            for (int i = f.sourceFrom(); i <= f.sourceTo() && subject == null; i++) {
                subject = candidateAt(sentence, i, f.sourceTo() + 1);
            }
            if (subject == null) {
                return null;
            }
            int to = withoutTrailingAttribution(sentence, f.that() + 1, last);
            return indirect(sentence, f.that() + 1, to, attributionFor(subject, sentence, sentence.get(f.noun()).word()));
        }

        private static List<FoundQuote> listOf(FoundQuote q) {
            return q == null ? List.of() : List.of(q);
        }

        /** "According to X, …" / "…, according to X." */
        private FoundQuote accordingTo(List<Tok> sentence, int i, int last) {
            boolean asReported = sentence.get(i).word().equalsIgnoreCase("as");
            int from = i + (asReported ? 3 : 2);
            int to = from;
            while (to < Math.min(sentence.size(), from + 6) && !sentence.get(to).word().equals(",")) {
                to++;
            }
            // The source ends at its comma ("According to the results report, the business delivered …"), unless
            // an apposition after the comma names it ("according to his spokeswoman, Katie Hill").
            // "According to him, Tinubu’s reforms …": an object pronoun is the source, not a name in the content.
            boolean pronoun = from < sentence.size() && sentence.get(from).tag().startsWith("PRP")
                    && OBJECT_PRONOUNS.contains(sentence.get(from).word().toLowerCase(java.util.Locale.ROOT));
            SubjectSpan subject = pronoun ? new SubjectSpan(from, from, "PRONOUN") : firstCandidate(sentence, from, to);
            if (subject != null && !pronoun && !subject.kind.equals("PERSON") && subject.last + 2 < sentence.size()
                    && sentence.get(subject.last + 1).word().equals(",")) {
                // "according to his spokeswoman, Katie Hill": the name in the apposition is the source
                SubjectSpan named = candidateAt(sentence, subject.last + 2, sentence.size());
                subject = named != null && named.kind.equals("PERSON") ? named : subject;
            }
            if (subject == null) {
                subject = firstCandidate(sentence, from, Math.min(sentence.size(), from + 6));
            }
            if (subject == null) {
                return null;
            }
            Attribution a = attributionFor(subject, sentence, asReported ? "as reported by" : "according to");
            int contentFrom;
            int contentTo;
            if (sentence.subList(0, i).stream().allMatch(t -> t.isPunct() || t.tag().startsWith("RB") || t.tag().equals("CC"))) {
                contentFrom = endOfClause(sentence, subject.last + 1);
                contentTo = last;
            } else {
                contentFrom = 0;
                contentTo = i - 1;
                while (contentTo >= 0 && sentence.get(contentTo).isPunct()) {
                    contentTo--;
                }
            }
            return indirect(sentence, contentFrom, contentTo, a);
        }

        /** "X said (that) …", "X told CNBC …", "X warned …", "…, X said.", "…, said X, a partner at Y.", "…, saying …". */
        private List<FoundQuote> byVerb(List<Tok> sentence, int last) {
            FoundQuote framed = closingFrame(sentence, last);
            if (framed != null) {
                return List.of(framed);
            }
            for (int v = 1; v <= last; v++) {
                Tok t = sentence.get(v);
                boolean characterises = Cues.characterises(sentence, v, last, geometry::isMarkToken);
                boolean proposes = Cues.proposes(sentence, v, last);
                if (!t.isVerb() || !SpeechVerbs.REPORTING.contains(t.lemma()) && !Cues.callsOn(sentence, v)
                        && !characterises && !proposes && Cues.commitment(sentence, v, last) < 0) {
                    continue;
                }
                // ", saying …" / ", adding that …": the sentence's subject speaks again.
                boolean gerund = t.tag().equals("VBG") && (sentence.get(v - 1).word().equals(",")
                        || v >= 2 && geometry.isMarkToken(sentence.get(v - 1)) && sentence.get(v - 2).word().equals(","));
                // "after receiving complaints saying the network has aired …": the noun before the participle speaks.
                SubjectSpan saying = t.tag().equals("VBG") && !gerund ? nounBeforeParticiple(sentence, v) : null;
                // "one investor, noting …, called tariffs …": after an interjected phrase the tagger may read the main
                // verb as a participle.
                boolean interjected = Subjects.openingOfInterjectedPhrase(sentence, v) > 0;
                // "are raising concerns that", "are saying that"; not "are saying about what …".
                boolean progressive = Cues.progressive(sentence, v) && (proposes
                        || v + 1 <= last && sentence.get(v + 1).word().equalsIgnoreCase("that"));
                // "Trump attacked Tillis and called for him to …": the tagger may read the second conjunct as a participle.
                boolean secondConjunct = t.tag().equals("VBN") && Coordination.firstConjunct(sentence, v) >= 0;
                if (t.tag().equals("VBG") && !gerund && saying == null && !progressive
                        || t.tag().equals("VBN") && !Phrases.perfect(sentence, v) && !interjected && !secondConjunct) {
                    continue;
                }
                if (t.lemma().equals("point") && !(v + 1 <= last && sentence.get(v + 1).word().equals("out"))
                        || RelativeClauses.embedded(sentence, v, last)) {
                    // ", which they say will …" is read by relativeClauses, not as the sentence's own speech.
                    continue;
                }
                // "He went on to say that …": the subject stands before the chain's first verb.
                int head = VerbChains.head(sentence, v);
                SubjectSpan subject = saying != null ? saying : gerund ? mainSubject(sentence, v) : subjectBefore(sentence, head);
                gerund |= saying != null;
                if (subject != null && !gerund && !adjacent(sentence, subject, Cues.progressive(sentence, v) ? v - 1 : head)) {
                    subject = null;
                }
                int conjunct = subject == null && !gerund ? Coordination.firstConjunct(sentence, v) : -1;
                if (conjunct > 0) {
                    // "Lopez praised the schedule and said it …": the subject of the first verb says it.
                    SubjectSpan first = subjectBefore(sentence, conjunct);
                    subject = first != null && adjacent(sentence, first, conjunct) ? first : null;
                }
                if (subject != null && !gerund && attributesQuoteBefore(sentence, subject)) {
                    // '"…," Fain said just before the deadline passed': the attribution of the quote, not new speech.
                    continue;
                }
                if (subject == null && !gerund && sentence.get(v - 1).word().equals(",")
                        && (t.lemma().equals("say") || t.lemma().equals("add") || t.lemma().equals("write"))) {
                    // "…, said James Pethokoukis, economic policy analyst at American Enterprise Institute."
                    SubjectSpan after = postposedSubject(sentence, v + 1);
                    int to = v - 2;
                    while (to >= 0 && sentence.get(to).isPunct()) {
                        to--;
                    }
                    if (after != null && to >= 3) {
                        return listOf(indirect(sentence, 0, to, attributionFor(after, sentence, t.word())));
                    }
                }
                if (subject == null) {
                    continue;
                }
                if (!gerund && subject.first >= 2 && sentence.get(subject.first - 1).word().equals(",")
                        && v + 1 < last && sentence.get(v + 1).word().equals(",")) {
                    // 'Those figures, he said, "do add to confidence" that …': the attribution sits inside its content.
                    return listOf(indirect(sentence, 0, last, attributionFor(subject, sentence, t.word())));
                }
                // "…, the spokesman said Monday even as he reiterated …": what came before is the content, the
                // clause after is read on its own.
                int closing = gerund ? -1 : SubordinateSpeech.afterVerb(sentence, v, last);
                int comma = Subjects.nounPhraseStart(sentence, subject.first) - 1;
                if (closing > 0 && comma >= 3 && sentence.get(comma).word().equals(",") && subject.last < v) {
                    Attribution main = attributionFor(subject, sentence, t.word());
                    List<FoundQuote> out = new ArrayList<>(listOf(indirect(sentence, 0, comma - 1, main)));
                    out.addAll(subordinateClause(sentence, closing, last, main));
                    return out;
                }
                // "…, X said." closes the sentence: the content is what came before.
                if (!gerund && (v >= last || sentenceClosesWith(sentence, subject, v, last))) {
                    int to = Subjects.nounPhraseStart(sentence, subject.first) - 1;
                    while (to >= 0 && sentence.get(to).isPunct()) {
                        to--;
                    }
                    // "In addition to all the cuts, X announced his resignation": a fronted phrase is no content.
                    if (to < 3 || sentence.subList(0, to + 1).stream().noneMatch(Phrases::finite)) {
                        return List.of();
                    }
                    return listOf(indirect(sentence, 0, to, attributionFor(subject, sentence, t.word())));
                }
                List<FoundQuote> out = new ArrayList<>();
                Attribution attribution = attributionFor(subject, sentence, t.word());
                int verb = v;
                while (verb >= 0) {
                    int from = contentStart(sentence, verb, last);
                    if (from < 0 || geometry.isMarkToken(sentence.get(from)) && opensQuote(sentence.get(from))) {
                        // 'X said: "…"': the quote in marks is the content, and the quote path has it.
                        break;
                    }
                    // "said A and said B": a second speech verb of the same subject starts a second relation.
                    int next = -1;
                    for (int k = from + 1; k <= last && next < 0; k++) {
                        Tok c = sentence.get(k);
                        String before = sentence.get(k - 1).word().toLowerCase();
                        boolean coordinated = c.isVerb() && !c.tag().equals("VBG") && !c.tag().equals("VBN")
                                && (before.equals("and") || before.equals("but"));
                        boolean adding = c.tag().equals("VBG") && (before.equals(",") || geometry.isMarkToken(sentence.get(k - 1))
                                && sentence.get(k - 2).word().equals(","));
                        if ((coordinated || adding) && SpeechVerbs.REPORTING.contains(c.lemma())) {
                            next = k;
                        }
                    }
                    int to = next < 0 ? withoutTrailingAttribution(sentence, from, last) : next - 1;
                    int subordinate = SubordinateSpeech.within(sentence, from, to);
                    List<FoundQuote> further = List.of();
                    if (subordinate > 0) {
                        // "said the talks would continue, as she reiterated …": a second speaker's clause ends this one
                        further = subordinateClause(sentence, subordinate, last, attribution);
                        to = subordinate - 1;
                        next = -1;
                    }
                    while (to > from && (sentence.get(to).isPunct() || sentence.get(to).word().equalsIgnoreCase("and")
                            || sentence.get(to).word().equalsIgnoreCase("but"))) {
                        to--;
                    }
                    FoundQuote q = indirect(sentence, from, to, attribution);
                    if (q != null) {
                        out.add(q);
                    }
                    out.addAll(further);
                    verb = next;
                }
                if (!out.isEmpty()) {
                    return out;
                }
            }
            return List.of();
        }

        /** The relation of a speech verb whose subject is the relative pronoun at {@code who} ({@link RelativeClauses}). */
        private List<FoundQuote> relativeClause(List<Tok> sentence, int v, int who, int last) {
            int comma = who - 1;
            SubjectSpan antecedent = null;
            for (int i = Math.max(0, comma - 8); i < comma && antecedent == null; i++) {
                SubjectSpan c = candidateAt(sentence, i, comma);
                antecedent = c != null && c.last == comma - 1 ? c : null;
            }
            Attribution main = antecedent == null ? null : attributionFor(antecedent, sentence, sentence.get(v).word());
            int from = main == null ? -1 : contentStart(sentence, v, last);
            if (from < 0) {
                return List.of();
            }
            Tok w = sentence.get(who);
            Speaker speaker = ArticleSpeakers.withMention(main.speaker(), new Mention(w.begin(), w.end(), w.word()));
            int to = RelativeClauses.contentEnd(sentence, from, last, geometry::isMarkToken);
            while (to > from && sentence.get(to).isPunct()) {
                to--;
            }
            return listOf(indirect(sentence, from, to, new Attribution(speaker, sentence.get(v).word())));
        }

        /**
         * "Truss acknowledges Wednesday was a difficult day …, her spokesman said on Thursday.": a sentence closed by
         * someone speaking for others (a spokesman, an office, officials, a role, a pronoun) is that source's, the
         * speech verb inside it included (a nested source is not a relation of its own, as in the annotation rules).
         * A named source closing it relays the inner speaker instead ("Conway denied …, Politico noted"): null then,
         * and null when no such closing attribution follows an inner speech verb.
         */
        private FoundQuote closingFrame(List<Tok> sentence, int last) {
            for (int v = last; v >= Math.max(2, last - 8); v--) {
                Tok t = sentence.get(v);
                if (!Phrases.finite(t) || !SpeechVerbs.REPORTING.contains(t.lemma())) {
                    continue;
                }
                SubjectSpan subject = subjectBefore(sentence, v);
                if (subject == null || !adjacent(sentence, subject, v) || !sentenceClosesWith(sentence, subject, v, last)
                        || NAMED_SOURCES.contains(subject.kind)) {
                    return null;
                }
                int to = Subjects.nounPhraseStart(sentence, subject.first) - 1;
                while (to >= 0 && sentence.get(to).isPunct()) {
                    to--;
                }
                boolean inner = sentence.subList(0, Math.max(0, to)).stream()
                        .anyMatch(c -> Phrases.finite(c) && SpeechVerbs.REPORTING.contains(c.lemma()));
                return inner && to >= 3 ? indirect(sentence, 0, to, attributionFor(subject, sentence, t.word())) : null;
            }
            return null;
        }

        /**
         * The relations of an "as"/"while" clause with its own speech verb ({@link SubordinateSpeech}); a pronoun there
         * that no earlier name explains is the main clause's speaker ("the spokesman said … even as he reiterated").
         */
        private List<FoundQuote> subordinateClause(List<Tok> sentence, int from, int last, Attribution main) {
            List<Tok> clause = sentence.subList(from, sentence.size());
            List<FoundQuote> found = byVerb(clause, last - from);
            int pronoun = clause.get(0).word().equalsIgnoreCase("even") ? 2 : 1;
            if (!found.isEmpty() || main == null || !clause.get(pronoun).tag().equals("PRP")) {
                return found;
            }
            int v = pronoun + 1;
            while (v <= last - from && !clause.get(v).isVerb()) {
                v++;
            }
            int c = v <= last - from ? contentStart(clause, v, last - from) : -1;
            if (c < 0) {
                return List.of();
            }
            Tok p = clause.get(pronoun);
            Speaker same = ArticleSpeakers.withMention(main.speaker(), new Mention(p.begin(), p.end(), p.word()));
            return listOf(indirect(clause, c, withoutTrailingAttribution(clause, c, last - from),
                    new Attribution(same, clause.get(v).word())));
        }

        /**
         * Where the reported clause of the verb at {@code v} starts (after "that", after the one told), or -1 when
         * what follows is not a clause ("wrote on LinkedIn Monday, referring to …").
         */
        private int contentStart(List<Tok> sentence, int v, int last) {
            Tok t = sentence.get(v);
            if (Cues.characterises(sentence, v, last, geometry::isMarkToken)) {
                return v + 1;
            }
            int committed = Cues.commitment(sentence, v, last);
            if (committed > 0) {
                return committed;
            }
            int from = v + 1;
            if (t.lemma().equals("point") || Cues.callsOn(sentence, v)) {
                from++;
            }
            int that = -1;
            for (int k = from; k <= Math.min(last, from + 20) && that < 0; k++) {
                Tok c = sentence.get(k);
                // "told the Wall Street Journal that prices …": the tagger reads "that" after a name as a pronoun.
                // So it does after "said in the memo that".
                boolean tellThat = c.tag().equals("WDT") && (t.lemma().equals("tell") || Cues.proposes(sentence, v, last)
                        || sentence.get(from).tag().equals("IN"));
                if (c.word().equalsIgnoreCase("that") && (c.tag().equals("IN") || tellThat)) {
                    that = k;
                } else if (c.isVerb() || geometry.isMarkToken(c) || k > from + 7 && c.word().equals(",")) {
                    // "that" belongs to the speech verb only if no other verb or quote came between.
                    break;
                }
            }
            if (that < 0 && followsQuote(sentence.getFirst().begin())) {
                // '"…!" Nadella wrote on LinkedIn Monday': the attribution of the quote before, not new speech.
                return -1;
            }
            if (that >= 0) {
                from = that + 1;
            } else if (t.lemma().equals("tell")) {
                from = afterObject(sentence, from, last);
            }
            while (from <= last && sentence.get(from).isPunct() && !geometry.isMarkToken(sentence.get(from))) {
                from++;
            }
            if (last - from + 1 < 4) {
                return -1;
            }
            Tok head = sentence.get(from);
            boolean subordinate = head.tag().equals("IN") && Phrases.SUBORDINATORS.contains(head.word().toLowerCase());
            // Without "that", what follows must be a clause with a finite verb (or "urged X to …"), not "on LinkedIn
            // Monday, referring to …" or "the news, citing three people".
            boolean urging = (Cues.APPEALING.contains(t.lemma()) && !t.lemma().equals("call") || Cues.callsOn(sentence, v)
                    || Cues.EXPECTING.contains(t.lemma()))
                    && sentence.subList(from, last + 1).stream().anyMatch(c -> c.tag().equals("TO"));
            boolean clause = that >= 0 || (!head.tag().equals("IN") || subordinate) && !head.tag().equals("TO")
                    && (urging || sentence.subList(from, last + 1).stream().anyMatch(Phrases::finite));
            return clause ? from : -1;
        }

        /** "complaints saying …", "critics arguing …": a document or group noun right before the participle. */
        private static SubjectSpan nounBeforeParticiple(List<Tok> sentence, int v) {
            Tok noun = sentence.get(v - 1);
            if (!noun.tag().startsWith("NN")) {
                return null;
            }
            // Only as an object ("after receiving complaints saying …"); "press releases announcing the new
            // leadership went out" is the sentence's subject, and what it announced a noun phrase.
            int k = v - 2;
            while (k >= 0 && (sentence.get(k).tag().startsWith("JJ") || sentence.get(k).tag().startsWith("NN")
                    || sentence.get(k).tag().equals("DT"))) {
                k--;
            }
            if (k < 0 || !(sentence.get(k).isVerb() || sentence.get(k).tag().equals("IN"))) {
                return null;
            }
            if (SpeechVerbs.DOCUMENT_NOUNS.contains(noun.lemma())) {
                return new SubjectSpan(v - 1, v - 1, "DOCUMENT");
            }
            return SpeechVerbs.GROUP_NOUNS.contains(noun.word().toLowerCase()) ? new SubjectSpan(v - 1, v - 1, "GROUP") : null;
        }

        private boolean opensQuote(Tok mark) {
            return spans.stream().anyMatch(q -> q.open() == mark.begin());
        }

        /** The subject's noun phrase starts right after a closing quote mark ('"…," Baidu founder Robin Li said'). */
        private boolean attributesQuoteBefore(List<Tok> sentence, SubjectSpan subject) {
            int k = subject.first - 1;
            while (k >= 0 && (sentence.get(k).tag().startsWith("NN") || sentence.get(k).tag().startsWith("JJ")
                    || sentence.get(k).tag().equals("DT") || sentence.get(k).tag().equals("POS"))) {
                k--;
            }
            if (k < 0 || !geometry.isMarkToken(sentence.get(k))) {
                return false;
            }
            int mark = sentence.get(k).begin();
            // The quote opens the sentence (after a dateline at most): not a title inside it ('Appearing on CBS's
            // "Face the Nation," Johnson said …').
            return spans.stream().anyMatch(q -> q.close() == mark
                    && sentence.stream().noneMatch(t -> t.begin() < q.open() && t.isVerb()));
        }

        /** The subject of the sentence's main clause: its first candidate outside a preposition, possessive or quote. */
        private SubjectSpan mainSubject(List<Tok> sentence, int v) {
            int i = 0;
            while (i < v) {
                SubjectSpan c = candidateAt(sentence, i, v);
                if (c == null) {
                    i++;
                    continue;
                }
                boolean possessor = c.last + 1 < sentence.size() && (sentence.get(c.last + 1).word().equals("'s")
                        || sentence.get(c.last + 1).word().equals("’s"));
                if (!inPrepositionalPhrase(sentence, c.first) && !possessor && !geometry.insideQuote(sentence.get(c.first).begin())) {
                    if (c.kind.equals("ORGANIZATION")) {
                        for (int k = c.last + 1; k < Math.min(v, c.last + 4); k++) {
                            SubjectSpan person = candidateAt(sentence, k, v);
                            if (person != null && person.kind.equals("PERSON")) {
                                return person;
                            }
                        }
                    }
                    return c;
                }
                i = c.last + 1;
            }
            return null;
        }

        /** "…the deal, Politico noted.": the source's own attribution at the end is not part of the content. */
        private int withoutTrailingAttribution(List<Tok> sentence, int from, int last) {
            for (int c = from + 1; c + 2 <= last; c++) {
                String w1 = sentence.get(c + 1).word().toLowerCase();
                String w2 = sentence.get(c + 2).word().toLowerCase();
                if (sentence.get(c).word().equals(",") && (w1.equals("according") && w2.equals("to")
                        || w1.equals("as") && (w2.equals("reported") || w2.equals("quoted")))) {
                    return c - 1;
                }
            }
            for (int c = last - 1; c > from && c >= last - 5; c--) {
                if (sentence.get(c).word().equals(",") && ArticleNames.isSpeechVerb(sentence.get(last))
                        && candidateAt(sentence, c + 1, last) != null) {
                    return c - 1;
                }
            }
            return last;
        }

        private boolean followsQuote(int sentenceBegin) {
            return spans.stream().anyMatch(q -> q.close() < sentenceBegin
                    && text.substring(q.close() + 1, sentenceBegin).isBlank()
                    && !text.substring(q.close() + 1, sentenceBegin).contains("\n"));
        }

        /** "told CNBC", "told reporters", "told the committee", "told him": one noun phrase, the one told. */
        private int afterObject(List<Tok> sentence, int from, int last) {
            if (from > last) {
                return from;
            }
            Tok t = sentence.get(from);
            if (t.tag().startsWith("NNP")) {
                while (from <= last && sentence.get(from).tag().startsWith("NNP")) {
                    from++;
                }
                return from;
            }
            if (t.tag().equals("PRP") || t.tag().equals("NNS")) {
                return from + 1;
            }
            if (t.tag().equals("DT") && from + 1 <= last && sentence.get(from + 1).tag().startsWith("NN")) {
                return from + 2;
            }
            return from;
        }

        private boolean sentenceClosesWith(List<Tok> sentence, SubjectSpan subject, int v, int last) {
            // ", X said ." / ", the CBO said ." / ", the U.S. Department of Labor's Bureau of Labor Statistics
            // (BLS) reported ." with nothing after but an optional time phrase
            int before = Subjects.nounPhraseStart(sentence, subject.first) - 1;
            if (before < 0 || !sentence.get(before).word().equals(",") || subject.last >= v) {
                return false;
            }
            if (v >= last - 3) {
                return true;
            }
            // "…, Jackson said in a separate opinion.": only a prepositional phrase or a time after the verb.
            Tok next = sentence.get(v + 1);
            return last - v <= 8 && (next.tag().equals("IN") || next.tag().startsWith("RB") || Subjects.WHEN.contains(next.word().toLowerCase()))
                    && sentence.subList(v + 1, last + 1).stream().noneMatch(t -> t.isVerb() || geometry.isMarkToken(t))
                    || TrailingCircumstance.closes(sentence, v, last, geometry::isMarkToken);
        }

        /** The subject must belong to the verb: directly before it, or separated by a comma-enclosed apposition. */
        private boolean adjacent(List<Tok> sentence, SubjectSpan subject, int v) {
            int gap = v - subject.last - 1;
            if (gap <= 3 && sentence.subList(subject.last + 1, v).stream().allMatch(Subjects::betweenSubjectAndVerb)
                    || Subjects.rightBeforeVerb(sentence, subject.last, v)) {
                return true;
            }
            if (Subjects.timeAfterApposition(sentence, subject.last, v)) {
                // "The Minister of Information, Mohammed Idris, on Friday posited that …"
                return true;
            }
            int phrase = Subjects.openingOfInterjectedPhrase(sentence, v);
            if (phrase == subject.last + 1 && gap <= 30) {
                // "Musk, speaking to reporters following a meeting with … after the Senate forum, said"
                return true;
            }
            String opener = sentence.get(subject.last + 1).word().toLowerCase();
            boolean noVerb = sentence.subList(subject.last + 1, v).stream().noneMatch(t -> t.isVerb() || geometry.isMarkToken(t));
            if (gap <= 5 && noVerb && (opener.equals("like") || opener.equals("including") || opener.equals("such"))) {
                // "Homebuilders like PulteGroup predict that …"
                return true;
            }
            if (gap <= 10 && (opener.equals("who") || opener.equals("that")) && !subject.kind.equals("PRONOUN")
                    && sentence.subList(subject.last + 1, v).stream().noneMatch(t -> t.word().equals(",") || geometry.isMarkToken(t))) {
                // "climate scientists who are tracking the extreme weather admit …"
                return true;
            }
            if (gap <= 12 && noVerb && (opener.equals("of") || opener.equals("at") || opener.equals("for"))
                    && !subject.kind.equals("PRONOUN")) {
                // "The chief executive of JPMorgan Chase, the nation's biggest bank, warned …", "A spokesperson for
                // St. Rose Hospital said …"
                return true;
            }
            return sentence.get(subject.last + 1).word().equals(",") && sentence.get(v - 1).word().equals(",")
                    && gap <= 16;
        }

        private int endOfClause(List<Tok> sentence, int from) {
            for (int i = from; i < sentence.size(); i++) {
                if (sentence.get(i).word().equals(",")) {
                    return i + 1;
                }
            }
            return from;
        }

        private FoundQuote indirect(List<Tok> sentence, int from, int to, Attribution attribution) {
            if (attribution == null || to - from + 1 < 4) {
                return null;
            }
            int begin = sentence.get(from).begin();
            int end = sentence.get(to).end();
            String context = text.substring(sentence.getFirst().begin(), sentence.getLast().end());
            return new FoundQuote(begin, end, text.substring(begin, end), FoundQuote.INDIRECT, attribution.speaker(),
                    attribution.cue(), context);
        }

        // ---------------------------------------------------------------- text geometry

    }
}
