package io.stancewire.producer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedParserTest {

    private static ParsedFeed parseNews(String file) throws IOException, FetchException {
        Path path = SharedData.feeds("news").resolve(file);
        return FeedParser.parse(Files.readAllBytes(path), null, URI.create("https://feeds.example/" + file));
    }

    @Test
    void guardianRss() throws Exception {
        ParsedFeed feed = parseNews("rss-parser__guardian.rss");
        assertThat(feed.feedType()).isEqualTo("rss_2.0");
        assertThat(feed.items()).isNotEmpty().allSatisfy(item -> {
            assertThat(item.link()).startsWith("https://www.theguardian.com/");
            assertThat(item.title()).isNotBlank();
            assertThat(item.publishedAt()).isNotNull();
        });
    }

    @Test
    void heiseAtom() throws Exception {
        ParsedFeed feed = parseNews("rss-parser__heise.atom");
        assertThat(feed.feedType()).startsWith("atom");
        assertThat(feed.items()).isNotEmpty().allSatisfy(item -> assertThat(item.link()).startsWith("http"));
    }

    @Test
    void rdfRss1() throws Exception {
        ParsedFeed feed = parseNews("rss-parser__rss-1.rss");
        assertThat(feed.feedType()).isEqualTo("rss_1.0");
        assertThat(feed.items()).isNotEmpty();
    }

    @Test
    void gb2312FeedIsDecodedToChinese() throws Exception {
        ParsedFeed feed = parseNews("rss-parser__encoding-gb2312.xml");
        assertThat(feed.items()).isNotEmpty();
        String titles = String.join(" ", feed.items().stream().map(FeedItem::title).toList());
        assertThat(titles.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count())
                .isGreaterThan(10);
        assertThat(titles).doesNotContain("\uFFFD");
    }

    @Test
    void htmlPageIsNotAFeed() {
        byte[] html = "<!DOCTYPE html><html><head><title>Home</title></head><body><p>hi</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FeedParser.parse(html, "text/html", null))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo("feed-not-xml"));
    }

    @Test
    void jsonIsNotXml() {
        byte[] json = "{\"items\": []}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FeedParser.parse(json, "application/json", null))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo("feed-not-xml"));
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><link>https://e.example/</link><description>d</description>"
                + "<item><title>&xxe;</title><link>https://e.example/1</link></item></channel></rss>";
        try {
            ParsedFeed feed = FeedParser.parse(xxe.getBytes(StandardCharsets.UTF_8), null, null);
            assertThat(feed.items()).allSatisfy(i -> assertThat(String.valueOf(i.title())).doesNotContain("TOP-SECRET"));
        } catch (FetchException refused) {
            assertThat(refused.getMessage()).doesNotContain("TOP-SECRET");
        }
    }

    @Test
    void billionLaughsDoesNotExpand() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String xml = "<?xml version=\"1.0\"?>" + dtd + "<rss version=\"2.0\"><channel><title>&lol10;</title>"
                + "<link>https://e.example/</link><description>d</description>"
                + "<item><title>x</title><link>https://e.example/1</link></item></channel></rss>";
        long before = System.nanoTime();
        try {
            ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
            assertThat(String.valueOf(feed.title()).length()).isLessThan(1000);
        } catch (FetchException refused) {
            assertThat(refused.reason()).startsWith("feed-");
        }
        assertThat(System.nanoTime() - before).isLessThan(5_000_000_000L);
    }

    private static final String ITEM = "<item><title>Tom & Jerry&nbsp;say &ldquo;hi&rdquo; &bogus;</title>"
            + "<link>https://e.example/a?x=1&y=2</link></item>";

    @Test
    void recoversLeadingWhitespaceRawAmpersandsAndUndeclaredEntities() throws Exception {
        String xml = "\n\n  <?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>T</title>"
                + "<link>https://e.example/</link><description>d</description>" + ITEM + "</channel></rss>";
        ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", null);
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Tom & Jerry say “hi” &bogus;");
            assertThat(item.link()).isEqualTo("https://e.example/a?x=1&y=2");
        });
        assertThat(feed.repairs()).contains("leading-whitespace");
    }

    @Test
    void httpCharsetBeatsTheDeclarationAndBomBeatsBoth() throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>Привет</title>"
                + "<link>https://e.example/</link><description>d</description></channel></rss>";
        byte[] cp1251 = body.getBytes(java.nio.charset.Charset.forName("windows-1251"));
        assertThat(FeedParser.parse(cp1251, "text/xml; charset=windows-1251", null).title()).isEqualTo("Привет");
        byte[] utf8WithBom = ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8);
        assertThat(FeedParser.parse(utf8WithBom, "text/xml; charset=windows-1251", null).title()).isEqualTo("Привет");
        byte[] utf16 = body.replace("iso-8859-1", "utf-16").getBytes(StandardCharsets.UTF_16LE);
        assertThat(FeedParser.parse(utf16, null, null).title()).isEqualTo("Привет");
    }

    @Test
    void truncatedFeedKeepsTheItemsBeforeTheCut() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>T</title><link>https://e.example/</link>"
                + "<item><title>first</title><link>https://e.example/1</link></item>"
                + "<item><title>second</title><link>https://e.example/2</link></item><item><title>thi";
        ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(feed.items()).extracting(FeedItem::title).startsWith("first", "second");
        assertThat(feed.repairs()).contains("rebuilt-xml");
    }
}
