package io.stancewire.producer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleExtractorTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/pages/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void urduPageGivesEveryParagraphAndNoChrome() throws IOException {
        String expected = new String(resource("urdu-article.expected.txt"), StandardCharsets.UTF_8);
        ExtractedPage page = ArticleExtractor.extract(resource("urdu-article.html"), null,
                URI.create("https://news.example.pk/urdu/technology/china-ai-dominate-2024"));

        assertThat(page.text()).isEqualTo(expected);
        assertThat(page.text().split("\n\n")).hasSize(35);
        assertThat(page.text()).contains("“").contains("”")
                .doesNotContain("اشتہار").doesNotContain("صفحہ اول").doesNotContain("نیوز لیٹر")
                .doesNotContain("گیٹی امیجز").doesNotContain("چین میں نئی چپ فیکٹری");
        assertThat(page.text().chars().filter(c -> c == '“').count())
                .isEqualTo(expected.chars().filter(c -> c == '“').count());
        assertThat(page.title()).startsWith("چین AI پر غلبہ چاہتا ہے");
        assertThat(page.authors()).containsExactly("Arjun Kharpal");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-12-03T01:41:06Z"));
        assertThat(page.language()).isEqualTo("ur");
        assertThat(page.canonicalUrl()).startsWith("https://news.example.pk/urdu/technology/china-ai-dominate-2024");
        assertThat(page.flags()).isEmpty();
    }

    @Test
    void englishPageInWindows1252KeepsQuotesAndParagraphs() throws IOException {
        String expected = new String(resource("english-article.expected.txt"), StandardCharsets.UTF_8);
        ExtractedPage page = ArticleExtractor.extract(resource("english-article.html"), null,
                URI.create("https://www.daily.example/tech/2025/mar/14/chipmakers-race"));

        assertThat(page.text()).isEqualTo(expected);
        assertThat(page.authors()).containsExactly("Jane Doe", "Li Wei");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2025-03-14T09:30:00Z"));
        assertThat(page.title()).isEqualTo("Chipmakers race to close the gap");
        assertThat(page.canonicalUrl()).isEqualTo("https://www.daily.example/tech/2025/mar/14/chipmakers-race?CMP=share_btn_tw");
    }

    @Test
    void pageWithoutParagraphTagsSplitByAnAdStillGivesTheWholeStory() throws IOException {
        String expected = new String(resource("div-soup.expected.txt"), StandardCharsets.UTF_8);
        ExtractedPage page = ArticleExtractor.extract(resource("div-soup.html"), null, URI.create("https://times.example/a"));
        assertThat(page.text()).isEqualTo(expected);
        assertThat(page.title()).isEqualTo("Minister backs chip plan");
    }

    @Test
    void httpCharsetWinsOverTheMetaTag() {
        String html = "<html><head><meta charset=\"windows-1252\"></head><body><article><p>"
                + "“Привет”, сказал он, и это был длинный абзац текста, чтобы его выбрали как основной текст статьи.</p>"
                + "</article></body></html>";
        ExtractedPage page = ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), "UTF-8",
                URI.create("https://example.ru/a"));
        assertThat(page.text()).startsWith("“Привет”, сказал он");
    }

    @Test
    void paywalledTeaserIsFlagged() {
        String html = """
                <html><head><script type="application/ld+json">
                {"@type":"NewsArticle","headline":"Secret","isAccessibleForFree":"False"}</script></head>
                <body><article><p>Only the first sentence of this story is visible to readers without a subscription.</p>
                <div class="paywall">Subscribe to read more</div></article></body></html>""";
        ExtractedPage page = ArticleExtractor.extract(html, URI.create("https://example.com/s"));
        assertThat(page.flags()).contains("paywalled", "short-text");
        assertThat(page.text()).isEqualTo("Only the first sentence of this story is visible to readers without a subscription.");
    }

    @Test
    void pageWithoutTextIsFlaggedEmpty() {
        ExtractedPage page = ArticleExtractor.extract("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
                URI.create("https://example.com/video/1"));
        assertThat(page.text()).isEmpty();
        assertThat(page.flags()).containsExactly("empty");
    }

    @Test
    void feedFragmentKeepsParagraphsAndLineBreakPairs() {
        String text = ArticleExtractor.textOfFragment(
                "<p>First “quoted” paragraph.</p>Loose text<br/><br/>after two breaks<br>same paragraph<script>x</script><div>Last.</div>");
        assertThat(text).isEqualTo("First “quoted” paragraph.\n\nLoose text\n\nafter two breaks same paragraph\n\nLast.");
    }
}
