package io.stancewire.streams.nlp.ur;

import io.stancewire.streams.nlp.FoundQuote;
import io.stancewire.streams.nlp.marks.QuoteSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reported speech in Urdu news, without double quote marks. Urdu attribution is verb-final and regular, so one
 * sentence is matched against a few constructions, in this order:
 * <ol>
 *   <li>{@code X نے (…) کہا/بتایا/واضح کیا/خبردار کیا/دعویٰ کیا/الزام لگایا/… (ہے|تھا) کہ CONTENT} — content is the
 *   clause after کہ; {@code X نے کہا CONTENT} without کہ only for the plain speech verbs;</li>
 *   <li>{@code X کا کہنا ہے/تھا کہ CONTENT}, {@code X کا جواب تھا کہ}, {@code X کا خیال/ماننا/دعویٰ/مؤقف ہے کہ}
 *   (beliefs count, as in PARC);</li>
 *   <li>{@code X کہتے ہیں / سمجھتے ہیں / دعویٰ کرتی ہیں کہ}, {@code X کو یقین/خدشہ/امید ہے کہ};</li>
 *   <li>{@code X کی جانب سے کہا گیا کہ}, {@code X (بیان) میں کہا گیا کہ} (passive: the source is the agent or document);</li>
 *   <li>{@code X کے مطابق / کے بقول / کی رائے میں / کے نزدیک، CONTENT} (the rest of the sentence), unless X is not a
 *   source ("تفصیلات کے مطابق", "قانون کے مطابق") or the rest has its own attribution (the inner one is kept);</li>
 *   <li>{@code CONTENT، X نے کہا۔} / {@code CONTENT، X کے مطابق۔} (the attribution after its clause);</li>
 *   <li>{@code X نے اسے ’…‘ قرار دیا} (a fragment in single marks, {@link UrduMarkedFragments}).</li>
 * </ol>
 * The kind is {@code indirect}; {@code partial} when the clause contains a passage in single marks (’…‘, the quote
 * marks of BBC Urdu and others); {@code direct} when the whole clause is one such passage (then the span is the
 * passage without its marks). Clauses that overlap a passage in double marks are left to the quote rules: such a
 * passage keeps its own attribution and speaker.
 */
final class UrduReportedSpeech {

    /**
     * One reported clause: where its content is, where its subject phrase is (for {@link UrduSubjects}), the cue as
     * printed and the offset that orders it among the article's quotes.
     */
    record Clause(int begin, int end, String kind, int subjectBegin, String subject, String cue, int anchor) {}

    /** Past speech verbs after نے; longer forms first. */
    private static final String VERBS = String.join("|",
            "مزید\\s+کہا", "مزید\\s+بتایا", "کہا", "بتایا", "لکھا", "واضح\\s+کیا", "خبردار\\s+کیا", "متنبہ\\s+کیا",
            "دعو[یٰى]+\\s+کیا", "الزام\\s+(?:لگایا|عائد\\s+کیا)", "تصدیق\\s+کی", "انکشاف\\s+کیا", "اعلان\\s+کیا",
            "زور\\s+دیا", "مطالبہ\\s+کیا", "امید\\s+ظاہر\\s+کی", "(?:خدشہ|خدشات|تشویش)\\s+ظاہر\\s+کی?ا?",
            "اعتراف\\s+کیا", "تسلیم\\s+کیا", "یقین\\s+دلایا", "یقین\\s+دہانی\\s+کرائی", "اشارہ\\s+کیا",
            "نشاندہی\\s+کی", "وضاحت\\s+کی", "تردید\\s+کی", "پیش\\s*گوئی\\s+کی", "استدلال\\s+کیا", "دلیل\\s+دی",
            "اصرار\\s+کیا", "جواب\\s+دیا", "تجویز\\s+(?:دی|پیش\\s+کی)", "جھنڈا\\s+لگایا", "نوٹ\\s+کیا",
            "تبصرہ\\s+کیا", "بیان\\s+کیا", "یاد\\s+دلایا", "باور\\s+کرایا", "عندیہ\\s+دیا", "کہہ\\s+دیا", "(?:واضح\\s+)?پیغام\\s+دیا");
    private static final String AUX = "(?:\\s*(?:ہے|ہیں|تھا|تھی|تھے))*";
    /** Words between the agent and the verb: anything but another agent or a کہ clause. */
    private static final String MID = "(?<mid>(?:(?!\\sنے\\s|\\sکہ\\s)[^“”\"«»„]){0,100}?)";
    private static final String SUBJ = "^(?<subj>[^“”\"«»„]{1,160}?)";

    /** After the verb and its auxiliaries: a word boundary, or کہ glued to them ("کہاکہ", "ہےکہ"). */
    private static final String VERB_END = "(?=کہ[\\s،,:]|[^\\p{L}]|$)";
    private static final String KE = "(?<ke>\\s*کہ(?=[\\s،,:]))";
    private static final String NO_KE = "(?<ke>\\s*[،,:])?";
    private static final String GENITIVE_HEAD = SUBJ + "\\s+(?<agent>کا|کی|کے)\\s+(?<verb>";
    private static final String GENITIVE_AUX = "\\s+(?:ہے|ہیں|تھا|تھی|تھے))";

    /**
     * The constructions, tried in order on a sentence; {@code plain}: without کہ, where the content must look like a
     * clause. The کہ forms come first so that "X نے اعلان کیا اور کہا کہ …" reaches "کہا کہ" instead of stopping at
     * "اعلان کیا".
     */
    private record Construction(Pattern pattern, boolean plain) {}

    private static final List<Construction> CONSTRUCTIONS = List.of(
            new Construction(Pattern.compile(SUBJ + "\\s+(?<agent>نے)\\s+" + MID + "(?<verb>" + VERBS + ")" + AUX
                    + VERB_END + KE), false),
            new Construction(Pattern.compile(GENITIVE_HEAD + "(?:(?:مزید\\s+)?کہنا|خیال|ماننا|دعو[یٰى]+|مؤقف|موقف|اصرار"
                    + "|استدلال|اندازہ|جواب)" + GENITIVE_AUX + KE), false),
            new Construction(Pattern.compile(SUBJ + "\\s+(?<verb>(?:کہتے|کہتی|سمجھتے|سمجھتی|مانتے|مانتی|بتاتے|بتاتی"
                    + "|لکھتے|لکھتی|سوچتے|سوچتی|دعو[یٰى]+\\s+کرت[ےی])\\s+(?:ہیں|ہے|تھے|تھی|تھا)"
                    + "|کو\\s+(?:یقین|خدشہ|امید|توقع|ڈر)\\s+(?:ہے|تھا|تھی))" + KE), false),
            new Construction(Pattern.compile(SUBJ + "(?<agent>\\s+(?:کی|کے)\\s+(?:جانب|طرف)\\s+سے\\s+" + MID
                    + "|\\s+میں\\s+)(?<verb>کہا|بتایا|واضح\\s+کیا)\\s+گیا" + AUX + KE), false),
            // Only the plain speech verbs without کہ ("انہوں نے کہا بھارتی ڈرونز …"), not "X نے اعلان کیا، …".
            new Construction(Pattern.compile(SUBJ + "\\s+(?<agent>نے)\\s+" + MID
                    + "(?<verb>(?:مزید\\s+)?(?:کہا|بتایا|لکھا|واضح\\s+کیا))" + AUX + VERB_END + NO_KE), true),
            new Construction(Pattern.compile(GENITIVE_HEAD + "(?:مزید\\s+)?کہنا" + GENITIVE_AUX + NO_KE), true));
    private static final Pattern ACCORDING = Pattern.compile(
            SUBJ + "\\s+(?<verb>کے\\s+مطابق|کے\\s+بقول|کی\\s+رائے\\s+میں|کے\\s+خیال\\s+میں|کے\\s+نزدیک)(?<ke>\\s*[،,:]?)");
    /** Only plain speech verbs after their clause: "…، حکومت نے اعلان کیا" is an event, not an attribution. */
    private static final Pattern TRAILING = Pattern.compile(
            "[،,]\\s*(?<subj>[^،,“”\"«»„]{2,80}?)\\s+(?:(?<agent>نے)\\s+" + MID + "(?<verb>(?:مزید\\s+)?(?:کہا|بتایا))"
                    + AUX + "|(?<verb2>کے\\s+مطابق))\\s*$");
    /** A second attribution after a comma in the same sentence: "…، انہوں نے ایران کو پیغام دیا کہ …". */
    private static final Pattern SECOND = Pattern.compile(
            "[،,]\\s*(?<subj>[^،,“”\"«»„]{1,60}?)\\s+(?<agent>نے)\\s+" + MID + "(?<verb>" + VERBS + ")" + AUX + VERB_END + KE);
    /** Any attribution inside a clause: an "according to" around it gives way to the inner one. */
    private static final Pattern INNER = Pattern.compile(
            "\\sنے\\s+(?:(?:(?!\\sنے\\s|\\sکہ\\s).){0,100}?)(?:" + VERBS + ")" + AUX + "(?=کہ[\\s،,:]|[^\\p{L}]|$)\\s*کہ\\s|\\s(?:کا|کی|کے)\\s+کہنا\\s");
    /** Heads of "X کے مطابق" that are not a source: rules, plans, schedules, details. */
    private static final Set<String> NOT_SOURCES = Set.of(
            "تفصیلات", "قانون", "منصوبے", "منصوبہ", "شیڈول", "معاہدے", "آئین", "اصول", "اصولوں", "ضرورت", "مرضی",
            "حساب", "روایت", "ہدایات", "ہدایت", "پالیسی", "توقع", "توقعات", "اندازے", "شمار", "وقت", "پروگرام",
            "فیصلے", "حکم", "قواعد", "ضابطے", "معیار", "طریقے", "ترتیب", "نتائج", "تقاضوں", "مقامی");
    private static final String SENTENCE_END = "۔؟!?";
    private static final Pattern WORDS = Pattern.compile("\\S+");

    private UrduReportedSpeech() {}

    /** Reported clauses of the text, in text order, none overlapping a passage in double marks. */
    static List<Clause> find(String text, List<QuoteSpan> marked) {
        List<Clause> out = new ArrayList<>();
        for (int[] s : sentences(text)) {
            Clause c = clause(text, s[0], s[1]);
            if (c == null) {
                continue;
            }
            for (Clause part : splitAtSecondAttribution(text, c, s[1])) {
                if (!overlapsMarked(part, marked)) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /** One sentence, two speech acts: the first clause ends at the comma before the second attribution. */
    private static List<Clause> splitAtSecondAttribution(String text, Clause c, int sentenceEnd) {
        String content = text.substring(c.begin(), c.end());
        Matcher m = SECOND.matcher(content);
        if (!c.kind().equals(FoundQuote.INDIRECT) || !m.find() || m.start() == 0) {
            return List.of(c);
        }
        Clause first = make(text, c.begin(), c.begin() + m.start(), c.subjectBegin(), c.subject(), c.cue(), c.anchor());
        int from = c.begin() + m.end();
        int sentenceBegin = c.begin();
        Clause second = content(text, sentenceBegin, sentenceEnd, from, m, false);
        return second == null ? List.of(first) : List.of(first, second);
    }

    private static Clause clause(String text, int begin, int end) {
        String s = text.substring(begin, end);
        for (Construction k : CONSTRUCTIONS) {
            Matcher m = k.pattern().matcher(s);
            if (m.find()) {
                Clause c = content(text, begin, end, begin + m.end(), m, k.plain());
                if (c != null) {
                    return c;
                }
            }
        }
        Matcher a = ACCORDING.matcher(s);
        if (a.find() && isSource(a.group("subj")) && !INNER.matcher(s.substring(a.end())).find()) {
            Clause c = content(text, begin, end, begin + a.end(), a, false);
            if (c != null) {
                return c;
            }
        }
        String body = s.replaceAll("[\\s" + SENTENCE_END + ".]+$", "");
        Matcher t = TRAILING.matcher(body);
        if (t.find() && t.start() > 0) {
            int contentEnd = begin + t.start();
            int contentBegin = begin + leadingSpace(s);
            String verb = t.group("verb") != null ? t.group("verb") : t.group("verb2");
            String cue = t.group("agent") != null ? "نے " + verb : verb;
            return make(text, contentBegin, contentEnd, begin + t.start("subj"), t.group("subj"),
                    cue.replaceAll("\\s+", " "), begin);
        }
        return UrduMarkedFragments.find(text, begin, end);
    }

    /** The clause from {@code from} to the sentence end, as a relation of the matched subject and cue. */
    private static Clause content(String text, int sentenceBegin, int sentenceEnd, int from, Matcher m,
                                  boolean plain) {
        int b = from;
        while (b < sentenceEnd && (Character.isWhitespace(text.charAt(b)) || "،,:".indexOf(text.charAt(b)) >= 0)) {
            b++;
        }
        int e = sentenceEnd;
        while (e > b && (Character.isWhitespace(text.charAt(e - 1)) || (SENTENCE_END + ".").indexOf(text.charAt(e - 1)) >= 0)) {
            e--;
        }
        String clause = text.substring(b, e);
        int words = (int) WORDS.matcher(clause).results().count();
        // Without کہ the words after the verb must read as a clause, not a continuation ("… کہا اور …").
        if (words < (plain ? 4 : 2) || plain && clause.matches("^(?:اور|تھا|تھی|تھے|ہے|گیا|کہ|جس|جو|لیکن)\\s.*")) {
            return null;
        }
        String verb = m.group("verb").replaceAll("\\s+", " ");
        String agent = groupOrNull(m, "agent");
        String cue = agent == null ? verb : (agent.strip().startsWith("نے") || agent.strip().matches("کا|کی|کے")
                ? agent.strip() + " " + verb : verb);
        return make(text, b, e, sentenceBegin + m.start("subj"), m.group("subj"), cue, sentenceBegin + m.start("verb"));
    }

    private static Clause make(String text, int b, int e, int subjectBegin, String subject, String cue, int anchor) {
        String kind = FoundQuote.INDIRECT;
        List<int[]> passages = singleMarked(text, b, e);
        if (!passages.isEmpty()) {
            int[] first = passages.getFirst();
            if (passages.size() == 1 && first[0] - 1 == b && first[1] + 1 >= e) {
                return new Clause(first[0], first[1], FoundQuote.DIRECT, subjectBegin, subject, cue, anchor);
            }
            kind = FoundQuote.PARTIAL;
        }
        return new Clause(b, e, kind, subjectBegin, subject, cue, anchor);
    }

    private static String groupOrNull(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    /**
     * "X کے مطابق" opens its sentence with a short noun phrase; deep inside a clause ("… کمپنی کو برآمد کرنے کے لیے
     * منظوری کے مطابق …") it means "in accordance with", not a source.
     */
    private static boolean isSource(String subject) {
        String[] words = subject.strip().split("\\s+");
        return words.length <= 8 && !subject.contains(" نے ")
                && !NOT_SOURCES.contains(words[words.length - 1].replaceAll("[،,]", ""));
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean overlapsMarked(Clause c, List<QuoteSpan> marked) {
        for (QuoteSpan q : marked) {
            boolean contentOverlaps = c.begin() <= q.close() && q.open() < c.end();
            boolean cueInside = q.open() < c.anchor() && c.anchor() < q.close();
            if (contentOverlaps || cueInside) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sentences: ends at ۔ ؟ ! ? (and a period before a space) with the closing marks after them, and at line
     * breaks; not inside a passage in single marks, which may hold several sentences of one speaker, unless the end
     * is the passage's last character ({@link UrduPassageEnds}).
     */
    static List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        boolean inSingle = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(out, text, start, i);
                start = i + 1;
                inSingle = false;
            } else if (c == '’' || c == '‘') {
                if (opens(text, i)) {
                    inSingle = true;
                } else if (closes(text, i)) {
                    inSingle = false;
                }
            } else if (!inSingle && (SENTENCE_END.indexOf(c) >= 0
                    || c == '.' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))
                    && i > 0 && !Character.isDigit(text.charAt(i - 1))) || UrduPassageEnds.endsPassage(text, i, inSingle)) {
                int e = i + 1;
                while (e < text.length() && "’‘”\"".indexOf(text.charAt(e)) >= 0) {
                    e++;
                }
                add(out, text, start, e);
                start = e;
                i = e - 1;
                inSingle = false;
            }
        }
        add(out, text, start, text.length());
        return out;
    }

    private static void add(List<int[]> out, String text, int b, int e) {
        if (!text.substring(b, e).isBlank()) {
            out.add(new int[] {b, e});
        }
    }

    /** Passages in single marks within [b, e): offsets of their first and after-last character inside the marks. */
    static List<int[]> singleMarked(String text, int b, int e) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        for (int i = b; i < e; i++) {
            char c = text.charAt(i);
            if (c != '’' && c != '‘' && c != '\'') {
                continue;
            }
            if (open < 0 && opens(text, i)) {
                open = i;
            } else if (open >= 0 && closes(text, i)) {
                if (i - open > 1) {
                    out.add(new int[] {open + 1, i});
                }
                open = -1;
            }
        }
        return out;
    }

    /** A single mark opens a passage at a word start (not an apostrophe inside a word: "Capital’s"). */
    private static boolean opens(String text, int i) {
        boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
        return before && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    static boolean closes(String text, int i) {
        boolean after = i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1));
        return after && i > 0 && !Character.isWhitespace(text.charAt(i - 1));
    }
}
