package io.stancewire.producer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpmlImportTest {
    private static OpmlImport.Result parse(String xml) {
        return OpmlImport.parse(xml.getBytes(StandardCharsets.UTF_8), "test.opml");
    }

    @Test
    void readsNestedOutlinesWithFoldersAndCategoriesAsTags() {
        OpmlImport.Result r = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>Subscriptions</title></head>
                  <body>
                    <outline text="News">
                      <outline text="Pakistan">
                        <outline type="rss" text="Dawn" title="Dawn - Home" xmlUrl="https://www.dawn.com/feeds/home" category="/World/Asia,urdu"/>
                      </outline>
                      <outline type="rss" text="BBC Tech" xmlUrl="https://feeds.bbci.co.uk/news/technology/rss.xml" language="en"/>
                    </outline>
                    <outline type="rss" text="Top level" xmlurl="http://top.example/rss"/>
                    <outline type="link" text="A web page" url="https://example.org/"/>
                  </body>
                </opml>
                """);
        assertThat(r.feeds()).containsExactly(
                new FeedConfig("https://www.dawn.com/feeds/home", "Dawn - Home", null, null, List.of("News", "Pakistan", "World", "Asia", "urdu")),
                new FeedConfig("https://feeds.bbci.co.uk/news/technology/rss.xml", "BBC Tech", "en", null, List.of("News")),
                new FeedConfig("http://top.example/rss", "Top level", null, null, List.of()));
        assertThat(r.skipped()).isEmpty();
    }

    @Test
    void readsOpml1WithRawAmpersandsAndSkipsNonHttpFeeds() {
        OpmlImport.Result r = parse("""
                <opml version="1.0"><body>
                  <outline title="Tech & Science" text="x">
                    <outline title="Ars & Co" xmlUrl="https://ars.example/feed?a=1&b=2"/>
                    <outline title="Local" xmlUrl="file:///etc/passwd"/>
                  </outline>
                </body></opml>""");
        assertThat(r.feeds()).singleElement().satisfies(f -> {
            assertThat(f.url()).isEqualTo("https://ars.example/feed?a=1&b=2");
            assertThat(f.name()).isEqualTo("Ars & Co");
            assertThat(f.tags()).containsExactly("Tech & Science");
        });
        assertThat(r.skipped()).singleElement().asString().contains("file:///etc/passwd");
    }

    @Test
    void externalEntitiesAndEntityBombsDoNothing() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <opml version="2.0"><body><outline title="&xxe;" xmlUrl="https://a.example/rss"/></body></opml>""";
        OpmlImport.Result r = parse(xxe);
        assertThat(r.feeds()).singleElement().satisfies(f -> assertThat(String.valueOf(f.name())).doesNotContain("root:"));

        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                + "<opml><body><outline title=\"&e;&e;&e;&e;\" xmlUrl=\"https://b.example/rss\"/></body></opml>";
        OpmlImport.Result b = parse(bomb);
        assertThat(b.feeds()).singleElement().satisfies(f -> assertThat(String.valueOf(f.name()).length()).isLessThan(100));
    }

    @Test
    void somethingElseIsAClearError() {
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><channel/></rss>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not OPML").hasMessageContaining("<rss>");
        assertThatThrownBy(() -> parse("<opml><body><outline"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not well-formed");
    }
}
