package io.stancewire.streams.nlp.ur;

import io.stancewire.streams.nlp.FoundQuote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.stancewire.streams.nlp.ur.UrduExtraction.quotes;
import static io.stancewire.streams.nlp.ur.UrduExtraction.speaker;
import static org.assertj.core.api.Assertions.assertThat;

/** The Urdu reported-speech constructions one by one, on made-up sentences (the real articles are in the set). */
class UrduReportedSpeechTest {
    @Test
    void clauseAfterKeWithAuxiliaryAndGluedVerb() {
        String text = "وزیر تجارت احمد رضا نے کہا ہے کہ برآمدات میں اضافہ ہوا ہے۔ علی خان نے کہاہے کہ قیمتیں کم ہوں گی۔";
        List<FoundQuote> q = quotes(text);
        assertThat(q).extracting(FoundQuote::text)
                .containsExactly("برآمدات میں اضافہ ہوا ہے", "قیمتیں کم ہوں گی");
        assertThat(q).extracting(UrduExtraction::speaker).containsExactly("احمد رضا", "علی خان");
        assertThat(q).extracting(FoundQuote::kind).containsOnly(FoundQuote.INDIRECT);
        assertThat(text.substring(q.getFirst().begin(), q.getFirst().end())).isEqualTo(q.getFirst().text());
        assertThat(q.getFirst().cue()).isEqualTo("نے کہا");
    }

    @Test
    void gluedKeAndAClauseBeforeTheSubject() {
        List<FoundQuote> q = quotes("اسٹیٹ بینک کا اندازہ ہےکہ مہنگائی کم ہوگی۔ جیسے ہی اجلاس ختم ہوا وزیر خزانہ محمد اورنگزیب نے کہاکہ شرح سود برقرار رہے گی۔");
        assertThat(q).extracting(FoundQuote::text).containsExactly("مہنگائی کم ہوگی", "شرح سود برقرار رہے گی");
        assertThat(q.get(0).speaker().type()).isEqualTo("ORGANIZATION");
        assertThat(speaker(q.get(1))).isEqualTo("محمد اورنگزیب");
    }

    @Test
    void circumstanceBeforeTheSubjectIsCutOff() {
        List<FoundQuote> q = quotes("لاہور میں میڈیا سے گفتگو کرتے ہوئے صوبائی وزیر سلمان احمد نے بتایا کہ منصوبہ مکمل ہو گیا ہے۔");
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(speaker(x)).isEqualTo("سلمان احمد");
            assertThat(x.speaker().mention().text()).isEqualTo("سلمان احمد");
            assertThat(x.text()).isEqualTo("منصوبہ مکمل ہو گیا ہے");
        });
    }

    @Test
    void pronounAndBareRoleTakeThePreviousSpeaker() {
        List<FoundQuote> q = quotes("ترجمان دفتر خارجہ زاہد علی نے کہا کہ مذاکرات جاری ہیں۔ انہوں نے کہا کہ وفد جلد روانہ ہوگا۔ "
                + "ترجمان نے مزید کہا کہ کوئی ڈیڈ لائن نہیں دی گئی۔ اُن کا کہنا تھا کہ صورتحال معمول پر ہے۔");
        assertThat(q).extracting(UrduExtraction::speaker).containsOnly("زاہد علی").hasSize(4);
        assertThat(q).extracting(x -> x.speaker().mention().text())
                .containsExactly("زاہد علی", "انہوں", "ترجمان", "اُن");
        assertThat(q).extracting(FoundQuote::cue).containsExactly("نے کہا", "نے کہا", "نے مزید کہا", "کا کہنا تھا");
    }

    @Test
    void anAnswerToAQuestionIsTheSpeakersNotTheQuestioners() {
        List<FoundQuote> q = quotes("وزیر خزانہ اسحاق ڈار نے کہا کہ بجٹ متوازن ہے۔ جب ان سے پوچھا گیا کہ کیا ٹیکس بڑھیں گے؟ "
                + "تو ان کا جواب تھا کہ ’نئے ٹیکس نہیں لگیں گے۔‘");
        assertThat(q).extracting(FoundQuote::text).containsExactly("بجٹ متوازن ہے", "نئے ٹیکس نہیں لگیں گے۔");
        assertThat(q.get(1).kind()).isEqualTo(FoundQuote.DIRECT);
        assertThat(q.get(1).cue()).isEqualTo("کا جواب تھا");
        assertThat(q).extracting(UrduExtraction::speaker).containsOnly("اسحاق ڈار");
    }

    @Test
    void aBareOfficeIsThePersonWhoHoldsItNotWhoeverSpokeLast() {
        List<FoundQuote> q = quotes("وزیراعظم شہباز شریف نے نئے منصوبے کا اعلان کیا اور کہا کہ روزگار بڑھے گا۔ "
                + "حکومت نے بجٹ پیش کیا، وزیر خزانہ نے کہا کہ ٹیکس نہیں بڑھیں گے۔ "
                + "کشمیر میڈیا سروس کے مطابق اجلاس ملتوی ہو گیا۔ انہوں نے کہا کہ نئی تاریخ جلد دی جائے گی۔");
        assertThat(q).extracting(FoundQuote::text).containsExactly("روزگار بڑھے گا", "ٹیکس نہیں بڑھیں گے",
                "اجلاس ملتوی ہو گیا", "نئی تاریخ جلد دی جائے گی");
        assertThat(speaker(q.get(0))).isEqualTo("شہباز شریف");
        // The finance minister is not the prime minister who spoke before: an unnamed office holder.
        assertThat(speaker(q.get(1))).isEqualTo("وزیر خزانہ");
        assertThat(q.get(1).speaker().type()).isEqualTo(UrduSubjects.GROUP);
        assertThat(q.get(2).speaker().type()).isEqualTo("ORGANIZATION");
        // "انہوں" after an agency's report goes back to the person who spoke last.
        assertThat(speaker(q.get(3))).isEqualTo("شہباز شریف");
    }

    @Test
    void accordingToOpensTheSentenceButRulesAndDetailsAreNoSources() {
        List<FoundQuote> q = quotes("پولیس حکام کے مطابق دھماکے میں تین افراد زخمی ہوئے۔ "
                + "تفصیلات کے مطابق واقعہ صبح پیش آیا۔ قانون کے مطابق یہ فیصلہ عدالت کرے گی۔");
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(x.text()).isEqualTo("دھماکے میں تین افراد زخمی ہوئے");
            assertThat(x.speaker().type()).isEqualTo(UrduSubjects.GROUP);
            assertThat(x.cue()).isEqualTo("کے مطابق");
        });
    }

    @Test
    void innerAttributionWinsOverAnOuterAccordingTo() {
        List<FoundQuote> q = quotes("سرکاری میڈیا کے مطابق وزارت خارجہ نے کہا ہے کہ سفیر کو طلب کر لیا گیا ہے۔");
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(x.text()).isEqualTo("سفیر کو طلب کر لیا گیا ہے");
            assertThat(x.speaker().name()).isEqualTo("وزارت خارجہ");
            assertThat(x.speaker().type()).isEqualTo("ORGANIZATION");
        });
    }

    @Test
    void groupsBeliefsAndHabitualVerbs() {
        List<FoundQuote> q = quotes("ماہرین کا خیال ہے کہ مہنگائی کم ہو گی۔ کئی تجزیہ کار سمجھتے ہیں کہ شرح سود برقرار رہے گی۔");
        assertThat(q).hasSize(2).allSatisfy(x -> assertThat(x.speaker().type()).isEqualTo(UrduSubjects.GROUP));
        assertThat(q).extracting(FoundQuote::text).containsExactly("مہنگائی کم ہو گی", "شرح سود برقرار رہے گی");
    }

    @Test
    void singleMarkedPassagesMakePartialOrDirect() {
        List<FoundQuote> q = quotes("فوج نے کہا کہ حملہ آور ’فرار ہو گئے تھے‘۔ وزارت داخلہ نے واضح کیا ہے کہ ’ایسا کوئی حکم جاری نہیں ہوا‘۔");
        assertThat(q).extracting(FoundQuote::kind).containsExactly(FoundQuote.PARTIAL, FoundQuote.DIRECT);
        assertThat(q).extracting(FoundQuote::text).containsExactly("حملہ آور ’فرار ہو گئے تھے‘", "ایسا کوئی حکم جاری نہیں ہوا");
    }

    @Test
    void plainVerbWithoutKeAndAttributionAfterTheClause() {
        List<FoundQuote> q = quotes("وزیر دفاع خواجہ آصف نے کہا کہ سرحد پر صورتحال قابو میں ہے۔ "
                + "انہوں نے کہا بھارت کسی بھی جارحیت کا جواب دے گا۔ پاکستان امن چاہتا ہے، آصف نے کہا۔");
        assertThat(q).extracting(FoundQuote::text).containsExactly("سرحد پر صورتحال قابو میں ہے",
                "بھارت کسی بھی جارحیت کا جواب دے گا", "پاکستان امن چاہتا ہے");
        // The lone surname goes to the full name the article introduced.
        assertThat(q).extracting(UrduExtraction::speaker).containsOnly("خواجہ آصف");
    }

    @Test
    void reportedSpeechOfNobodyIsDropped() {
        assertThat(quotes("انہوں نے کہا کہ اجلاس کل ہوگا۔")).isEmpty();
    }

    @Test
    void twoSpeechActsInOneSentence() {
        List<FoundQuote> q = quotes("ترجمان جاوید اقبال نے کہا کہ ایران نے معاہدہ توڑا ہے، انہوں نے خبردار کیا کہ جواب دیا جائے گا۔");
        assertThat(q).extracting(FoundQuote::text).containsExactly("ایران نے معاہدہ توڑا ہے", "جواب دیا جائے گا");
        assertThat(q).extracting(UrduExtraction::speaker).containsOnly("جاوید اقبال");
    }

    @Test
    void eventsAndQuestionsAreNotReportedSpeech() {
        assertThat(quotes("حکومت نے نئی پالیسی کا اعلان کیا۔ کابینہ نے بجٹ منظور کر لیا۔ یہ بات انہوں نے ٹویٹر پر کہی۔")).isEmpty();
    }

    @Test
    void doubleMarkedQuotesKeepTheirOwnAttribution() {
        List<FoundQuote> q = quotes("احمد رضا نے صحافیوں کو بتایا کہ “یہ فیصلہ معیشت کے لیے بہت اہم ہے۔”");
        assertThat(q).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(FoundQuote.DIRECT);
            assertThat(x.text()).isEqualTo("یہ فیصلہ معیشت کے لیے بہت اہم ہے۔");
        });
    }

    @Test
    void sentencesDoNotEndInsideSingleMarks() {
        String text = "ادھو ٹھاکرے نے کہا تھا ’پہلی بات یہ ہے۔ دوسری بات یہ ہے۔‘\nپھر اجلاس ختم ہوا۔";
        assertThat(UrduReportedSpeech.sentences(text)).hasSize(2);
        assertThat(quotes(text)).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(FoundQuote.DIRECT);
            assertThat(x.text()).isEqualTo("پہلی بات یہ ہے۔ دوسری بات یہ ہے۔");
            assertThat(speaker(x)).isEqualTo("ادھو ٹھاکرے");
        });
    }
}
