package io.stancewire.producer;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static io.stancewire.producer.UrlCanonicalizer.canonicalize;
import static org.assertj.core.api.Assertions.assertThat;

class UrlCanonicalizerTest {

    @Test
    void stripsTrackingParametersAndKeepsContentParameters() {
        assertThat(canonicalize("https://example.com/story?id=42&utm_source=rss&utm_medium=feed&fbclid=abc&gclid=x"))
                .contains("https://example.com/story?id=42");
        assertThat(canonicalize("https://example.com/a?UTM_Campaign=x&page=2&mc_cid=1&b=1"))
                .contains("https://example.com/a?b=1&page=2");
    }

    @Test
    void normalisesSchemeHostPortFragmentAndTrailingSlash() {
        assertThat(canonicalize("HTTPS://News.Example.COM:443/World/Story/#comments"))
                .contains("https://news.example.com/World/Story");
        assertThat(canonicalize("http://example.com:80")).contains("http://example.com/");
        assertThat(canonicalize("http://example.com:8080/a/")).contains("http://example.com:8080/a");
        assertThat(canonicalize("https://example.com./a/./b/../c")).contains("https://example.com/a/c");
    }

    @Test
    void sameArticleSpelledDifferentlyGivesOneUrl() {
        String a = canonicalize("https://www.example.com/2024/12/03/china-ai/?utm_source=twitter#top").orElseThrow();
        String b = canonicalize("https://WWW.example.com/2024/12/03/china-ai?fbclid=IwAR0").orElseThrow();
        String c = canonicalize("https://www.example.com/2024/12/03/%63hina-ai").orElseThrow();
        assertThat(a).isEqualTo(b).isEqualTo(c);
    }

    @Test
    void percentEscapesAreNormalisedButReservedOnesKept() {
        assertThat(canonicalize("https://example.com/a%2fb/%7Euser")).contains("https://example.com/a%2Fb/~user");
    }

    @Test
    void resolvesRelativeLinksAndEscapesSloppyOnes() {
        assertThat(canonicalize("../news/item 1.html", URI.create("https://example.com/feeds/rss.xml")))
                .contains("https://example.com/news/item%201.html");
        assertThat(canonicalize("https://ur.example.pk/خبریں/چین")).hasValueSatisfying(u ->
                assertThat(URI.create(u).getPath()).isEqualTo("/خبریں/چین"));
        assertThat(canonicalize("https://bücher.example/x")).contains("https://xn--bcher-kva.example/x");
    }

    @Test
    void refusesWhatIsNotAnHttpUrl() {
        assertThat(canonicalize("javascript:alert(1)")).isEmpty();
        assertThat(canonicalize("mailto:news@example.com")).isEmpty();
        assertThat(canonicalize("/relative/without/base")).isEmpty();
        assertThat(canonicalize("   ")).isEmpty();
        assertThat(canonicalize(null)).isEmpty();
    }
}
