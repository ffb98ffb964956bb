package io.stancewire.streams.nlp.ur;

import io.stancewire.model.Mention;
import io.stancewire.model.Speaker;
import io.stancewire.streams.nlp.speakers.ArticleSpeakers;
import io.stancewire.streams.nlp.speakers.Names;
import io.stancewire.streams.nlp.speakers.SpeakerRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who an Urdu attribution clause names: the subject phrase before نے / کا کہنا / کے مطابق, as printed, becomes a
 * speaker. Urdu news puts place, time and circumstance before the subject ("ہفتہ وار بریفنگ میں ترجمان دفتر خارجہ
 * ڈاکٹر فیصل نے کہا"), so the phrase is cut at its last postposition or apposition boundary; what is left is a pronoun
 * (the previous speaker), a group ("ماہرین", "ذرائع"), an organisation ("وزارت خارجہ", "فوجی اتحاد"), a bare role
 * ("ترجمان", "وزیر مملکت": whoever has been speaking) or role words followed by a name.
 */
final class UrduSubjects {
    static final String GROUP = "GROUP";

    /** A boundary after which the subject starts again: comma, colon, bracket, postpositions, participles, verbs. */
    private static final Pattern BOUNDARY = Pattern.compile(
            "'s(?=\\s)|[،,:؛)(\"'“”]\\s*|\\s(?:کے|کی|کا|میں|سے|پر|کو|ہوئے|کرتے|دیتے|بعد|دوران|مطابق|بقول|متعلق|ساتھ|خلاف"
                    + "|تحت|باوجود|لیے|لئے)(?=\\s)"
                    // a finite verb ends a clause before the subject: "جیسے ہی ملاقات ختم ہوئی صدر یحییٰ نے کہا"
                    + "|\\s(?:ہوا|ہوئی|ہوئیں|تھا|تھی|تھے|ہے|ہیں|گیا|گئی|گئے)(?=\\s)");
    /** Genitive or comma boundaries: what stands before them may name the speaker's organisation. */
    private static final Pattern APPOSITION = Pattern.compile("[،,]|\\s(?:کے|کی|کا)|'s");

    private static final Set<String> PRONOUNS = Set.of(
            "انہوں", "انھوں", "اُنہوں", "اُنھوں", "اس", "اُس", "وہ", "انہیں", "ان", "اُن", "انھیں");
    /** Words of a role or title that stand before a name ("سینئر لیکچرر زن سن", "وزیر مملکت برائے خزانہ …"). */
    private static final Set<String> ROLE_WORDS = Set.of(
            "ایک", "سینئر", "سینیئر", "لیکچرر", "پارٹنر", "انجینئر", "مشین", "لرننگ", "ماہر", "تجزیہ", "کار", "ترجمان",
            "صدر", "چیف", "ایگزیکٹو", "ڈائریکٹر", "پروفیسر", "وزیر", "وزیراعظم", "وزیراعلیٰ", "وزیراعلی", "اعظم",
            "اعلیٰ", "اعلی", "مملکت", "برائے", "بانی", "شریک", "سربراہ", "افسر", "آفیسر", "سی", "ای", "او", "محقق",
            "مینیجنگ", "نائب", "اسسٹنٹ", "ایسوسی", "ایٹ", "ڈاکٹر", "جناب", "محترمہ", "مسٹر", "سابق", "فیلو", "ریسرچ",
            "اینالسٹ", "سرمایہ", "کارپوریٹ", "سائنسدان", "سیکرٹری", "سیکریٹری", "جنرل", "اہلکار", "عہدیدار", "عہدے",
            "دار", "رکن", "چیئرمین", "گورنر", "مشیر", "نمائندے", "نمائندہ", "کمپنی", "کے", "فرم", "رہنما", "لیڈر",
            "وکیل", "جج", "جسٹس", "سفیر", "کمانڈر", "سینیٹر", "ایم", "این", "اے", "پی", "مسز", "قائد", "امیر", "کپتان",
            "اداکار", "اداکارہ", "مصنف", "مصنفہ", "صحافی", "پروڈیوسر", "کوچ", "منیجر", "مینیجر", "کمنٹیٹر", "اینکر",
            "میزبان", "کھلاڑی", "تبصرہ", "نگار", "ماہرِ", "معاشیات", "اقتصادیات", "چانسلر");
    /** Words that make a bare role phrase an office rather than a name ("ترجمان دفتر خارجہ", "وزیر خارجہ"). */
    private static final Set<String> OFFICE_WORDS = Set.of(
            "دفتر", "خارجہ", "داخلہ", "خزانہ", "دفاع", "اطلاعات", "تجارت", "صحت", "تعلیم", "قانون", "منصوبہ", "بندی",
            "وزارت", "حکومت", "پاکستان", "امریکہ", "امریکا", "چین", "بھارت", "پنجاب", "سندھ", "خیبر", "پختونخوا",
            "بلوچستان", "و", "نشریات", "پارلیمانی", "امور", "محکمہ", "محکمے", "شعبہ", "شعبے");
    /** Adjectives that qualify an unnamed source ("ایک سابق اعلیٰ امریکی اہلکار"). */
    private static final Set<String> QUALIFIERS = Set.of(
            "امریکی", "سعودی", "پاکستانی", "چینی", "بھارتی", "انڈین", "افغان", "ایرانی", "برطانوی", "روسی", "یورپی",
            "جرمن", "فرانسیسی", "آسٹریلوی", "کینیڈین", "یوکرینی",
            "اسرائیلی", "فلسطینی", "ترک", "جاپانی", "سرکاری", "حکومتی", "فوجی", "مقامی", "وفاقی", "صوبائی", "قومی",
            "دیگر", "موجودہ", "نامعلوم", "معروف", "سینئر", "اعلیٰ", "اعلی", "سابق", "متعدد", "کئی", "بعض", "کچھ", "دو",
            "تین", "چار", "پانچ", "چھ", "سات", "آٹھ", "نو", "دس", "تمام", "بیشتر", "اکثر", "بین", "الاقوامی",
            "اقتصادی", "سیاسی", "دفاعی", "تکنیکی", "ٹیکنالوجی", "صنعت", "اندرونی");
    /** Plural nouns that make the subject a group ("ماہرین کا کہنا ہے", "ذرائع کے مطابق"). */
    private static final Set<String> GROUP_NOUNS = Set.of(
            "ماہرین", "ذرائع", "حکام", "ارکان", "اراکین", "کاروں", "ناقدین", "مبصرین", "عہدیداران", "عہدیداروں",
            "رہنماؤں", "رہنماوں", "افسران", "افسروں", "اہلکاروں", "شہریوں", "لوگوں", "سائنسدانوں", "محققین",
            "تجزیہ", "مظاہرین", "طلبہ", "طلبا", "کسانوں", "تاجروں", "سرمایہ", "کاروباری", "ڈاکٹروں", "وکلا", "وکلاء",
            "رپورٹس", "رپورٹوں", "اطلاعات", "میڈیا", "کمپنیاں", "کمپنیوں", "فرمیں", "فرموں");
    /** "کئی تجزیہ کار", "بعض ماہرین": a quantified subject is a group whatever its noun. */
    private static final Set<String> PLURAL_QUANTIFIERS = Set.of(
            "کئی", "متعدد", "بعض", "کچھ", "تمام", "بیشتر", "اکثر", "دو", "تین", "چار", "پانچ", "چھ", "سات", "آٹھ", "دس",
            "سینکڑوں", "ہزاروں", "درجنوں");
    /** Head nouns of organisations, first or last in the phrase ("وزارت خارجہ", "فوجی اتحاد", "کشمیر میڈیا سروس"). */
    private static final Set<String> ORG_HEADS = Set.of(
            "وزارت", "دفتر", "محکمہ", "محکمے", "حکومت", "اتحاد", "سروس", "کونسل", "کمپنی", "پارٹی", "جماعت",
            "بینک", "ادارہ", "ادارے", "ایجنسی", "یونیورسٹی", "گروپ", "کمیشن", "عدالت", "فوج", "پولیس", "تنظیم", "فرم",
            "کمیٹی", "اسمبلی", "پارلیمان", "سینیٹ", "بورڈ", "فاؤنڈیشن", "ٹائمز", "نیوز", "سفارتخانے", "سفارتخانہ",
            "ہائی", "اتھارٹی", "کارپوریشن", "انتظامیہ", "پینٹاگون", "وائٹ", "کریملن", "اقوام", "متحدہ", "یونین");
    /** Nouns of documents: "بیان میں کہا گیا", "رپورٹ کے مطابق". */
    private static final Set<String> DOCUMENT_NOUNS = Set.of(
            "بیان", "رپورٹ", "اعلامیے", "اعلامیہ", "خط", "دستاویز", "دستاویزات", "تحقیق", "سروے", "جائزے", "مطالعے",
            "ٹویٹ", "پوسٹ", "پیغام");
    /** Pronouns written without a space after the word before them ("علی باباانہوں نے"), common in web Urdu. */
    private static final Pattern GLUED_PRONOUN = Pattern.compile("(?<=\\p{L})(?:انہوں|انھوں)$");
    private static final Pattern WORD = Pattern.compile("\\S+");
    /** Letters with their marks ("عیسیٰ" carries a superscript alef). */
    private static final Pattern NAME_WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");
    private static final Pattern LEADING_CONJUNCTION = Pattern.compile(
            "(?:تو|اور|لیکن|مگر|تاہم|جبکہ|پھر|بلکہ|چنانچہ|البتہ|نیز|اس\\s+پر|جس\\s+پر|دریں\\s+اثنا|ادھر|علاوہ\\s+ازیں"
                    + "|بعد\\s+ازاں)\\s+");
    private static final Pattern LATIN_NAME = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}.'’-]*");

    private final SpeakerRegistry registry;

    UrduSubjects(SpeakerRegistry registry) {
        this.registry = registry;
    }

    /**
     * The speaker a subject phrase names, with the mention as printed; null when nothing usable is left.
     *
     * @param latestPerson the person who spoke last in the article (an organisation or group may have spoken since)
     */
    Speaker speakerOf(String text, int subjBegin, String subject, ArticleSpeakers speakers, Speaker latestPerson) {
        String folded = Names.fold(subject);
        int cut = 0;
        int npStart = 0;
        int lastBoundaryStart = 0;
        boolean apposition = false;
        Matcher boundary = BOUNDARY.matcher(folded);
        while (boundary.find()) {
            if (boundary.end() >= folded.stripTrailing().length()) {
                break;
            }
            if (!apposition) {
                npStart = cut;
            }
            apposition = APPOSITION.matcher(folded.substring(boundary.start(), boundary.end())).lookingAt();
            lastBoundaryStart = boundary.start();
            cut = boundary.end();
        }
        String phrase = subject.substring(cut).strip();
        if (phrase.isEmpty()) {
            return null;
        }
        int phraseBegin = subjBegin + subject.indexOf(phrase, cut);
        // The organisation of an apposition stands in the same noun phrase: "لکس کیپیٹل کے ایک پارٹنر، گریس اسفورڈ".
        String head = apposition ? subject.substring(npStart, lastBoundaryStart) : "";
        // "تو ان کا جواب تھا", "اور انہوں نے کہا": a leading conjunction is not part of the subject.
        Matcher conj = LEADING_CONJUNCTION.matcher(phrase);
        while (conj.lookingAt() && conj.end() < phrase.length()) {
            phraseBegin += conj.end();
            phrase = phrase.substring(conj.end());
            conj = LEADING_CONJUNCTION.matcher(phrase);
        }
        String tail = phrase;
        int tailBegin = phraseBegin;
        List<int[]> words = words(tail);
        List<String> w = words.stream().map(r -> Names.fold(tail.substring(r[0], r[1]))).toList();
        Mention whole = new Mention(tailBegin, tailBegin + tail.length(), tail);
        String last = w.getLast();

        if (words.size() == 1 && PRONOUNS.contains(last)) {
            return ArticleSpeakers.withMention(pronounTarget(last, speakers, latestPerson, text, tailBegin), whole);
        }
        Matcher glued = GLUED_PRONOUN.matcher(last);
        if (glued.find()) {
            int at = tailBegin + words.getLast()[0] + glued.start();
            return ArticleSpeakers.withMention(pronounTarget(glued.group(), speakers, latestPerson, text, at),
                    new Mention(at, at + glued.group().length(), glued.group()));
        }
        Speaker coordinated = UrduCoordinatedSubjects.of(tail, tailBegin, words, w, affiliationOf(head));
        if (coordinated != null) {
            return coordinated;
        }
        // The longest run of trailing words the registry knows is the name.
        for (int k = Math.max(0, words.size() - 4); k < words.size(); k++) {
            String candidate = tail.substring(words.get(k)[0]);
            if (registry.byFullName(candidate).isPresent() || registry.byShortName(candidate).isPresent()) {
                return named(tail, tailBegin, words, k, head, speakers);
            }
        }
        if (GROUP_NOUNS.contains(last) || PLURAL_QUANTIFIERS.contains(w.getFirst()) && words.size() > 1) {
            return new Speaker(null, tail, whole, affiliationOf(head), null, GROUP);
        }
        if (DOCUMENT_NOUNS.contains(last) || DOCUMENT_NOUNS.contains(w.getFirst()) && words.size() <= 3) {
            return new Speaker(null, tail, whole, affiliationOf(head), null, "DOCUMENT");
        }
        boolean allRoles = w.stream().allMatch(x -> ROLE_WORDS.contains(x) || OFFICE_WORDS.contains(x)
                || QUALIFIERS.contains(x));
        boolean personRole = w.stream().anyMatch(x -> ROLE_WORDS.contains(x) && !x.equals("ایک"));
        String firstNoun = w.stream().filter(x -> !QUALIFIERS.contains(x)).findFirst().orElse(last);
        if ((ORG_HEADS.contains(last) || ORG_HEADS.contains(firstNoun)) && !personRole) {
            return speakers.resolve(tail, whole, ArticleSpeakers.ORGANIZATION, affiliationOf(head), null, false);
        }
        if (allRoles) {
            if (w.getFirst().equals("ایک")) {
                // "ایک سابق اعلیٰ امریکی اہلکار": an unnamed single source.
                return new Speaker(null, tail, whole, affiliationOf(head), null, GROUP);
            }
            // "ترجمان نے کہا", "وزیر مملکت نے مزید کہا": the office holder who has been speaking, unless the article
            // gave that person another office ("وزیر خزانہ" after the prime minister).
            if (latestPerson != null && sameOffice(w, latestPerson.role())) {
                return ArticleSpeakers.withMention(latestPerson, whole);
            }
            String introduced = UrduRoleIntroductions.nameAfter(text, tail, tailBegin);
            if (introduced != null) {
                return speakers.resolve(introduced, whole, ArticleSpeakers.PERSON, affiliationOf(head), tail, false);
            }
            return new Speaker(null, tail, whole, affiliationOf(head), null, GROUP);
        }
        int latin = latinNameStart(tail, words);
        if (latin >= 0) {
            return named(tail, tailBegin, words, latin, head, speakers);
        }
        int nameStart = 0;
        while (nameStart < words.size() - 1 && (ROLE_WORDS.contains(w.get(nameStart))
                || OFFICE_WORDS.contains(w.get(nameStart)) || QUALIFIERS.contains(w.get(nameStart)))) {
            nameStart++;
        }
        nameStart = Math.max(nameStart, UrduRoleEnd.afterLastRoleWord(w));
        return named(tail, tailBegin, words, Math.max(nameStart, words.size() - 3), head, speakers);
    }

    /**
     * "اس/اُس" (singular: it, this) is whoever spoke last, an organisation too; "انہوں/اُن/وہ" (plural, and the
     * honorific for a person) prefers the person who spoke last.
     */
    private Speaker pronounTarget(String pronoun, ArticleSpeakers speakers, Speaker latestPerson, String text,
                                  int at) {
        boolean singular = pronoun.equals("اس") || pronoun.equals("اُس");
        Speaker target = singular || latestPerson == null ? speakers.previous() : latestPerson;
        return target != null ? target : antecedent(text, at, speakers);
    }

    /** Nobody has spoken yet: the pronoun refers to the agent of the sentence before ({@link UrduAntecedents}). */
    private Speaker antecedent(String text, int at, ArticleSpeakers speakers) {
        UrduAntecedents.Antecedent a = UrduAntecedents.before(text, at);
        if (a == null) {
            return null;
        }
        String[] phraseWords = Names.fold(a.phrase()).strip().split("\\s+");
        if (PRONOUNS.contains(phraseWords[phraseWords.length - 1])) {
            return null;
        }
        return speakerOf(text, a.begin(), a.phrase(), speakers, null);
    }

    /** A word of a person's role or title ("کپتان", "جنرل", "سفیر"), not of an office or a qualifier. */
    static boolean isPersonRoleWord(String folded) {
        return ROLE_WORDS.contains(folded) && !folded.equals("ایک") && !folded.equals("کے");
    }

    /** A word of a role, office or qualifier, which stands before a name rather than in it. */
    static boolean isRoleWord(String folded) {
        return ROLE_WORDS.contains(folded) || OFFICE_WORDS.contains(folded) || QUALIFIERS.contains(folded);
    }

    /** A word that can be part of a person's name: no role, group, organisation, document word or pronoun. */
    static boolean mayBeNameWord(String folded) {
        return !isRoleWord(folded) && !GROUP_NOUNS.contains(folded) && !ORG_HEADS.contains(folded)
                && !DOCUMENT_NOUNS.contains(folded) && !PRONOUNS.contains(folded) && !PLURAL_QUANTIFIERS.contains(folded)
                && NAME_WORD.matcher(folded).matches();
    }

    /** Every role and office word of the bare phrase is in the person's role as the article gave it (if it did). */
    private static boolean sameOffice(List<String> phrase, String role) {
        if (role == null || !role.matches(".*\\p{InArabic}.*")) {
            return true;
        }
        Set<String> roleWords = Set.of(Names.fold(role).split("\\s+"));
        return phrase.stream().filter(x -> !QUALIFIERS.contains(x) && !x.equals("ایک") && !x.equals("کے"))
                .allMatch(roleWords::contains);
    }

    private Speaker named(String tail, int tailBegin, List<int[]> words, int nameStart, String head,
                          ArticleSpeakers speakers) {
        int nameBegin = words.get(nameStart)[0];
        String name = tail.substring(nameBegin);
        String role = nameStart > 0 ? tail.substring(0, nameBegin).strip() : null;
        Mention mention = new Mention(tailBegin + nameBegin, tailBegin + tail.length(), name);
        String type = registry.byFullName(name).map(SpeakerRegistry.Entry::type).orElse(ArticleSpeakers.PERSON);
        return speakers.resolve(name, mention, type, affiliationOf(head), role, false);
    }

    /** "Lux Capital کی پارٹنر Grace Isford": a trailing run of capitalised Latin words is the name. */
    private static int latinNameStart(String tail, List<int[]> words) {
        int k = words.size();
        while (k > 0 && words.size() - k < 3) {
            String word = tail.substring(words.get(k - 1)[0], words.get(k - 1)[1]);
            if (!LATIN_NAME.matcher(word).matches() || !Character.isUpperCase(word.charAt(0))) {
                break;
            }
            k--;
        }
        return k < words.size() ? k : -1;
    }

    /** "لکس کیپیٹل کے ایک پارٹنر" -> "لکس کیپیٹل": the organisation an apposition names, if it names one. */
    private static String affiliationOf(String head) {
        // A clause is not an organisation: "اٹارنی جنرل نے بات شروع کی تو …", "… کا عزم ظاہر کیا، مچل مارش نے".
        if (head == null || head.isBlank() || head.matches(".*\\sنے\\s.*|.*\\s(?:کیا|کی|کیے|دیا|دی|ہے|ہیں|تھا|تھی|تھے|گیا|گئی|ہوا|ہوئی)\\s*")) {
            return null;
        }
        String org = head.split("\\s(?:کے|کی|کا|میں)\\s", 2)[0].replaceAll("[،,]", "").strip();
        return org.isEmpty() ? null : org;
    }

    private static List<int[]> words(String s) {
        List<int[]> out = new ArrayList<>();
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }
}
