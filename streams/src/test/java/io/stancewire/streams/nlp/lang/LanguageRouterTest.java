package io.stancewire.streams.nlp.lang;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageRouterTest {
    private static LanguageRouter router;

    @BeforeAll
    static void build() {
        router = new LanguageRouter(true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|China's push to dominate artificial intelligence could be paying off, industry insiders told reporters.",
            "ur|چین کی مصنوعی ذہانت کی دنیا پر غلبہ حاصل کرنے کی کوششوں کا نتیجہ نکل سکتا ہے",
            "de|Die chinesische Regierung investiert massiv in künstliche Intelligenz und neue Rechenzentren.",
            "fr|Le gouvernement chinois investit massivement dans l'intelligence artificielle et les puces.",
            "es|El gobierno chino invierte masivamente en inteligencia artificial y en nuevos centros de datos.",
            "hi|चीन कृत्रिम बुद्धिमत्ता के क्षेत्र में बड़े भाषा मॉडल पर ध्यान केंद्रित कर रहा है",
            "ar|تستثمر الحكومة الصينية بكثافة في الذكاء الاصطناعي ومراكز البيانات الجديدة",
            "fa|دولت چین به شدت در هوش مصنوعی و مراکز داده جدید سرمایه گذاری می کند",
            "zh|中国政府正在大力投资人工智能和新的数据中心。",
            "ru|Китайское правительство активно инвестирует в искусственный интеллект.",
    })
    void recognisesRoutedAndCommonLanguages(String expected, String text) {
        LanguageRouter.Detected d = router.detect(text, null);
        assertThat(d.language()).isEqualTo(expected);
        assertThat(d.confidence()).isBetween(0.0, 1.0).isPositive();
    }

    @Test
    void theFeedsHintOnlyCountsWhenTheTextSaysNothing() {
        assertThat(router.detect("12345 67 89 ---", "en-US")).isEqualTo(new LanguageRouter.Detected("en", 0.0));
        assertThat(router.detect("12345 67 89 ---", null).language()).isEqualTo("und");
        assertThat(router.detect("12345", "not a language").language()).isEqualTo("und");
        assertThat(router.detect("Die Regierung investiert massiv in künstliche Intelligenz.", "en").language())
                .isEqualTo("de");
    }
}
