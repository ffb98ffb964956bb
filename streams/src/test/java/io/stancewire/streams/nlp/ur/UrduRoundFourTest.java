package io.stancewire.streams.nlp.ur;

import io.stancewire.streams.nlp.FoundQuote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.stancewire.streams.nlp.ur.UrduExtraction.quotes;
import static io.stancewire.streams.nlp.ur.UrduExtraction.speaker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mechanisms added after the fresh3 split (docs/quotes.md, "Urdu evaluation"), each on made-up sentences:
 * coordinated subjects, a pronoun's antecedent when nobody has spoken, a sentence that ends with its single-marked
 * passage, a fragment in single marks, where a role ends, participles and connectives before the subject and a bare
 * role the article introduced with a name.
 */
class UrduRoundFourTest {
    @Test
    void twoPeopleNamedTogetherSpeakAsOneGroupAndAPluralPronounFollowsThem() {
        List<FoundQuote> q = quotes("ترجمان زاہد علی نے کہا کہ اجلاس ملتوی ہو گیا ہے۔ "
                + "وزیر اعلیٰ احمد علی اور صدر نوید اختر نے کہا کہ منصوبہ وقت پر مکمل ہوگا۔ "
                + "انہوں نے مزید کہا کہ فنڈز جاری کر دیے گئے ہیں۔");
        assertThat(q).extracting(UrduExtraction::speaker)
                .containsExactly("زاہد علی", "احمد علی اور نوید اختر", "احمد علی اور نوید اختر");
        assertThat(q.get(1).speaker().type()).isEqualTo(UrduSubjects.GROUP);
        assertThat(q.get(1).speaker().mention().text()).isEqualTo("احمد علی اور صدر نوید اختر");
        assertThat(q.get(2).speaker().mention().text()).isEqualTo("انہوں");
    }

    @Test
    void organisationsJoinedByAndAreNotTwoPeople() {
        List<FoundQuote> q = quotes("وزارت خارجہ اور وزارت داخلہ نے کہا کہ سرحدی راستے کھلے رہیں گے۔");
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(x.speaker().type()).isEqualTo("ORGANIZATION");
            assertThat(UrduCoordinatedSubjects.isCoordinated(x.speaker())).isFalse();
        });
    }

    @Test
    void aPronounWithNoEarlierSpeakerTakesTheAgentOfTheSentenceBefore() {
        List<FoundQuote> acted = quotes("وزیر تعلیم سلیم احمد نے کانووکیشن سے خطاب کیا۔\nخطاب میں انہوں نے کہا کہ امتحانات وقت پر ہوں گے۔");
        assertThat(acted).singleElement().satisfies(x -> {
            assertThat(speaker(x)).isEqualTo("سلیم احمد");
            assertThat(x.speaker().mention().text()).isEqualTo("انہوں");
        });
        List<FoundQuote> interviewed = quotes("اداکارہ نازیہ خان کا پہلا انٹرویو نشر ہو گیا۔ "
                + "پروگرام میں انہوں نے کہا کہ وہ جلد ایک نئی فلم میں کام کریں گی۔");
        assertThat(interviewed).extracting(UrduExtraction::speaker).containsExactly("نازیہ خان");
    }

    @Test
    void aPronounWithNoAgentBeforeItStaysUnattributed() {
        assertThat(quotes("شدید بارش کے بعد شہر کی سڑکیں بند ہو گئیں۔ انہوں نے کہا کہ امدادی کام جاری ہے۔")).isEmpty();
    }

    @Test
    void anAgentInsideSomeoneElsesReportedWordsIsNotTheAntecedent() {
        // The first pronoun has nobody before it; the agent after کہ is part of those words, so the second
        // pronoun does not take it either.
        List<FoundQuote> q = quotes("ان کا کہنا تھا کہ اسی لیے وزیر داخلہ نثار احمد نے پریس کانفرنس کی۔ "
                + "انہوں نے اعلان کیا کہ ملزمان کو نہیں چھوڑا جائے گا۔");
        assertThat(q).isEmpty();
    }

    @Test
    void aConnectiveBeforeThePronounIsNotPartOfTheSubject() {
        List<FoundQuote> q = quotes("جرمن چانسلر اولاف شولز نے کہا کہ فوج نہیں بھیجی جائے گی۔ "
                + "دریں اثنا انہوں نے نشاندہی کی کہ جرمنی یوکرین کا دوسرا بڑا حامی ہے۔");
        assertThat(q).extracting(UrduExtraction::speaker).containsExactly("اولاف شولز", "اولاف شولز");
        assertThat(q.get(1).speaker().mention().text()).isEqualTo("انہوں");
    }

    @Test
    void aSentenceEndRightBeforeTheClosingSingleMarkEndsTheSentence() {
        String text = "سفیر علی رضا نے کہا کہ ’ہم مذاکرات کے حامی ہیں۔ جنگ کوئی حل نہیں۔‘ "
                + "وزیر دفاع کامران شاہ نے بتایا کہ سرحد پر صورتحال پرامن ہے۔";
        List<FoundQuote> q = quotes(text);
        assertThat(q).extracting(FoundQuote::text)
                .containsExactly("ہم مذاکرات کے حامی ہیں۔ جنگ کوئی حل نہیں۔", "سرحد پر صورتحال پرامن ہے");
        assertThat(q).extracting(FoundQuote::kind).containsExactly(FoundQuote.DIRECT, FoundQuote.INDIRECT);
        assertThat(q).extracting(UrduExtraction::speaker).containsExactly("علی رضا", "کامران شاہ");
        assertThat(UrduReportedSpeech.sentences(text)).hasSize(2);
    }

    @Test
    void aFragmentInSingleMarksIsThePartialWordsOfTheAgent() {
        List<FoundQuote> q = quotes("اپوزیشن لیڈر عمر ایوب نے بجٹ کو ’عوام دشمن دستاویز‘ قرار دیا۔ "
                + "وزیر خارجہ سلمان حیدر نے ‘ایک پرامن خطے’ کے لیے مذاکرات کی اپیل کی اور تعاون کا یقین دلایا۔");
        assertThat(q).extracting(FoundQuote::text).containsExactly("عوام دشمن دستاویز", "ایک پرامن خطے");
        assertThat(q).extracting(FoundQuote::kind).containsOnly(FoundQuote.PARTIAL);
        assertThat(q).extracting(UrduExtraction::speaker).containsExactly("عمر ایوب", "سلمان حیدر");
        assertThat(q).extracting(FoundQuote::cue).containsExactly("نے قرار دیا", "نے اپیل کی");
    }

    @Test
    void aMarkedNameOrASingleEmphasisedWordIsNotAFragment() {
        assertThat(quotes("فوج نے ’آپریشن عزم استحکام‘ کا اعلان کیا۔")).isEmpty();
        assertThat(quotes("وزیر اعظم نے ’ترقی‘ کو اپنا ہدف قرار دیا۔")).isEmpty();
    }

    @Test
    void theRoleEndsAtItsLastRoleWord() {
        List<FoundQuote> q = quotes("آسٹریلوی کپتان پیٹ کمنز نے کہا کہ پچ بولرز کے لیے مشکل تھی۔ "
                + "فوج کے ترجمان میجر جنرل احمد شریف نے بتایا کہ آپریشن مکمل ہو گیا ہے۔ "
                + "کپتان بابر اعظم نے کہا کہ ٹیم اگلا میچ جیتنے کی کوشش کرے گی۔");
        assertThat(q).extracting(UrduExtraction::speaker).containsExactly("پیٹ کمنز", "احمد شریف", "بابر اعظم");
        assertThat(q.getFirst().speaker().role()).isEqualTo("آسٹریلوی کپتان");
    }

    @Test
    void aParticipleBeforeTheSubjectIsCutOff() {
        List<FoundQuote> q = quotes("تقریب سے خطاب کرتے وزیر خزانہ سلمان احمد نے کہا کہ ٹیکس کی شرح کم کی جائے گی۔");
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(speaker(x)).isEqualTo("سلمان احمد");
            assertThat(x.speaker().mention().text()).isEqualTo("سلمان احمد");
        });
    }

    @Test
    void aBareRoleNamesThePersonTheArticleIntroducedWithIt() {
        List<FoundQuote> q = quotes("صوبائی وزیر صحت ڈاکٹر ثمینہ خالد نے ہسپتال کا دورہ کیا۔ "
                + "وزیر صحت نے کہا کہ ادویات کی کوئی کمی نہیں ہے۔");
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(speaker(x)).isEqualTo("ثمینہ خالد");
            assertThat(x.speaker().mention().text()).isEqualTo("وزیر صحت");
            assertThat(x.speaker().type()).isEqualTo("PERSON");
        });
    }

    @Test
    void aBareRoleNobodyWasIntroducedWithStaysAnUnnamedOffice() {
        List<FoundQuote> q = quotes("شہر میں ڈینگی کے کیسز بڑھ گئے ہیں۔ وزیر صحت نے کہا کہ ادویات کی کوئی کمی نہیں ہے۔");
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(speaker(x)).isEqualTo("وزیر صحت");
            assertThat(x.speaker().type()).isEqualTo(UrduSubjects.GROUP);
        });
    }

    @Test
    void aClauseBeforeTheSubjectIsNotItsAffiliation() {
        List<FoundQuote> q = quotes("کھلاڑیوں نے شکست سے بچنے کا عزم ظاہر کیا، کوچ اظہر محمود نے کہا کہ ٹیم بہتر کھیلے گی۔");
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(speaker(x)).isEqualTo("اظہر محمود");
            assertThat(x.speaker().affiliation()).isNull();
        });
    }
}
