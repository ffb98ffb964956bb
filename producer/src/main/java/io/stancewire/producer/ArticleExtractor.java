package io.stancewire.producer;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancewire.model.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Readability-style main-text extraction with jsoup: remove what is never article text (scripts, navigation,
 * asides, footers, forms, share and comment boxes), score each block by the paragraph text it holds (length and
 * commas, in any script), credit parents and grandparents, take the best container plus its similarly scored
 * siblings, and drop link lists inside it. Metadata comes from meta tags, JSON-LD and microdata.
 */
public final class ArticleExtractor {
    private ArticleExtractor() {}

    /** Texts shorter than this are flagged {@code short-text}: teasers, video pages, cookie walls. */
    static final int SHORT_TEXT_CHARS = 280;

    private static final String ALWAYS_REMOVE = "script, style, noscript, template, iframe, svg, canvas, object, embed, "
            + "nav, aside, footer, form, button, input, select, textarea, dialog, menu, [hidden], [aria-hidden=true], "
            + "[role=navigation], [role=complementary], [role=contentinfo], [role=banner], [role=dialog], "
            + "[style~=display:\\s*none]";
    private static final Pattern UNLIKELY = Pattern.compile(
            "comment|disqus|paywall|share|sharing|social|related|recommend|newsletter|subscribe|promo|advert"
                    + "|(^|[\\s_-])(ad|ads|adv|adslot|dfp|gpt)([\\s_-]|$)|sponsor|cookie|consent|banner|breadcrumb|sidebar|widget|popup|modal|outbrain|taboola"
                    + "|menu|masthead|skip-link|signup|most-popular|trending|tags\\b|pagination|byline-share",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE = Pattern.compile("article|body|content|entry|main|story|post|text|column",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|main|page|post|text|blog|story|prose", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "comment|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|shoutbox"
                    + "|sidebar|sponsor|shopping|tags|tool|widget|caption|credit", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAYWALL = Pattern.compile("paywall|subscriber-only|premium-content|piano-|meter-",
            Pattern.CASE_INSENSITIVE);
    /** Labels of ad slots, in the languages of the feeds we follow; a paragraph that is only this is not text. */
    private static final Set<String> AD_LABELS = Set.of("advertisement", "advertising", "ad", "sponsored",
            "sponsored content", "anzeige", "publicité", "publicidad", "pubblicità", "реклама", "اشتہار", "إعلان",
            "广告", "広告", "광고", "विज्ञापन");
    private static final Pattern COMMAS = Pattern.compile("[,،，、;؛]");

    /** Parses bytes with the charset from the HTTP header, else the page's BOM or meta tag, as browsers do. */
    public static ExtractedPage extract(byte[] html, String httpCharset, URI baseUri) {
        try {
            Document doc = Jsoup.parse(new ByteArrayInputStream(html), httpCharset, baseUri.toString());
            return extract(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
    }

    public static ExtractedPage extract(String html, URI baseUri) {
        return extract(Jsoup.parse(html, baseUri.toString()));
    }

    /** Text of an HTML fragment such as a feed entry's content: no scoring, every block kept. */
    public static String textOfFragment(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select(ALWAYS_REMOVE).remove();
        return TextBlocks.join(TextBlocks.paragraphs(doc.body()));
    }

    static ExtractedPage extract(Document doc) {
        List<JsonNode> ld = jsonLdArticles(doc);
        String canonical = canonicalLink(doc);
        String title = firstNonBlank(meta(doc, "og:title"), ldText(ld, "headline"), meta(doc, "twitter:title"),
                text(doc.selectFirst("article h1, main h1, h1")), doc.title());
        List<String> authors = authors(doc, ld);
        Instant published = publishedAt(doc, ld);
        String language = firstNonBlank(doc.select("html").attr("lang"), meta(doc, "og:locale"),
                ldText(ld, "inLanguage"));
        boolean paywallMarked = ld.stream().anyMatch(n -> n.path("isAccessibleForFree").asText("true")
                .equalsIgnoreCase("false"));
        boolean paywallElement = !doc.getElementsByAttributeValueMatching("class", PAYWALL).isEmpty()
                || !doc.getElementsByAttributeValueMatching("id", PAYWALL).isEmpty();

        clean(doc);
        List<String> paragraphs = new ArrayList<>(mainParagraphs(doc));
        paragraphs.removeIf(p -> AD_LABELS.contains(p.toLowerCase(Locale.ROOT)));
        // The headline often sits inside the article container; it is the title, not text.
        while (!paragraphs.isEmpty() && title != null && sameWords(paragraphs.get(0), title)) {
            paragraphs.remove(0);
        }
        String text = TextBlocks.join(paragraphs);
        String ldBody = ldText(ld, "articleBody");
        if (text.length() < SHORT_TEXT_CHARS && ldBody != null && ldBody.length() > text.length()) {
            text = ldBody.strip().replaceAll("\\r?\\n\\s*\\n\\s*", "\n\n").replaceAll("[ \\t]+", " ");
        }
        List<String> flags = new ArrayList<>();
        if (text.isBlank()) {
            flags.add("empty");
        } else if (text.length() < SHORT_TEXT_CHARS) {
            flags.add("short-text");
        }
        if (paywallMarked || paywallElement && text.length() < 1500) {
            flags.add("paywalled");
        }
        return new ExtractedPage(canonical, title, authors, published, blankToNull(language), text, flags);
    }

    private static void clean(Document doc) {
        doc.select(ALWAYS_REMOVE).remove();
        // Header elements hold article titles too; only page-level ones (outside any article) are chrome.
        for (Element header : doc.select("header")) {
            if (header.closest("article") == null) {
                header.remove();
            }
        }
        List<Element> unlikely = new ArrayList<>();
        for (Element e : doc.body() == null ? new Elements() : doc.body().getAllElements()) {
            if (e == doc.body() || e.normalName().equals("article") || e.normalName().equals("main")) {
                continue;
            }
            String names = e.className() + " " + e.id();
            if (UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find()) {
                unlikely.add(e);
            }
        }
        unlikely.forEach(Element::remove);
    }

    private static List<String> mainParagraphs(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return List.of();
        }
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element block : body.select("p, pre, td, blockquote, div, li")) {
            if ((block.normalName().equals("div") || block.normalName().equals("li")) && hasBlockInside(block)) {
                continue; // a div or li counts as a paragraph only when it holds text, not more blocks
            }
            String text = block.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + COMMAS.matcher(text).results().count() + Math.min(text.length() / 100.0, 3);
            Element parent = block.parent();
            if (parent == null) {
                continue;
            }
            scores.merge(parent, score + initialScore(parent, scores), (a, b) -> a + score);
            Element grand = parent.parent();
            if (grand != null) {
                scores.merge(grand, score / 2 + initialScore(grand, scores), (a, b) -> a + score / 2);
            }
        }
        Element top = null;
        double best = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - linkDensity(e.getKey()));
            e.setValue(s);
            if (s > best) {
                best = s;
                top = e.getKey();
            }
        }
        if (top == null) {
            return TextBlocks.paragraphs(body);
        }
        List<Element> parts = new ArrayList<>();
        Element parent = top.parent();
        double threshold = Math.max(10, best * 0.2);
        if (parent != null && !top.normalName().equals("body")) {
            for (Element sibling : parent.children()) {
                Double s = scores.get(sibling);
                // A sibling that is itself a paragraph of text (p, or a div without blocks) belongs to the story.
                boolean paragraphLike = sibling.normalName().equals("p")
                        || sibling.normalName().equals("div") && !hasBlockInside(sibling);
                boolean goodParagraph = paragraphLike && sibling.text().length() > 80 && linkDensity(sibling) < 0.25;
                if (sibling == top || s != null && s >= threshold || goodParagraph) {
                    parts.add(sibling);
                }
            }
        } else {
            parts.add(top);
        }
        List<String> out = new ArrayList<>();
        for (Element part : parts) {
            dropLinkLists(part);
            out.addAll(TextBlocks.paragraphs(part));
        }
        return out;
    }

    private static boolean hasBlockInside(Element e) {
        for (Element child : e.getAllElements()) {
            if (child != e && TextBlocks.BLOCK_TAGS.contains(child.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static double initialScore(Element e, Map<Element, Double> scores) {
        if (scores.containsKey(e)) {
            return 0;
        }
        double s = switch (e.normalName()) {
            case "article", "main" -> 10;
            case "div", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String names = e.className() + " " + e.id();
        if (POSITIVE.matcher(names).find()) {
            s += 25;
        }
        if (NEGATIVE.matcher(names).find()) {
            s -= 25;
        }
        return s;
    }

    /** Lists and boxes that are mostly links (related stories, tag clouds) are not text, even inside the article. */
    private static void dropLinkLists(Element root) {
        for (Element e : root.select("ul, ol, div, section, table, p, figure")) {
            if (e.parent() == null) {
                continue; // already removed with an ancestor
            }
            String text = e.text();
            if (text.isEmpty() ? e.select("img, video").isEmpty() : linkDensity(e) > 0.5) {
                e.remove();
            }
        }
        root.select("figure, figcaption").remove();
    }

    private static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1, (double) links / total);
    }

    private static String canonicalLink(Document doc) {
        String href = doc.select("link[rel~=(?i)^canonical$]").attr("abs:href");
        if (href.isBlank()) {
            Element og = doc.selectFirst("meta[property=og:url]");
            href = og == null ? "" : og.absUrl("content");
        }
        return blankToNull(href);
    }

    private static List<String> authors(Document doc, List<JsonNode> ld) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode article : ld) {
            collectNames(article.path("author"), names);
        }
        for (Element m : doc.select("meta[name~=(?i)^(author|byl|parsely-author|sailthru.author|dc.creator)$], "
                + "meta[property~=(?i)^(article:author|author)$]")) {
            String v = m.attr("content").strip();
            if (!v.isEmpty() && !v.startsWith("http")) {
                names.add(v.replaceFirst("(?i)^by\\s+", ""));
            }
        }
        if (names.isEmpty()) {
            for (Element e : doc.select("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], "
                    + ".byline .author, .author-name, .byline__name")) {
                String v = e.text().strip().replaceFirst("(?i)^by\\s+", "");
                if (!v.isEmpty() && v.length() < 80) {
                    names.add(v);
                }
                if (names.size() >= 10) {
                    break;
                }
            }
        }
        return names.stream().limit(10).toList();
    }

    private static void collectNames(JsonNode node, Set<String> names) {
        if (node.isArray()) {
            node.forEach(n -> collectNames(n, names));
        } else if (node.isObject()) {
            String name = node.path("name").asText("").strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        } else if (node.isTextual() && !node.asText().isBlank() && !node.asText().startsWith("http")) {
            names.add(node.asText().strip());
        }
    }

    private static Instant publishedAt(Document doc, List<JsonNode> ld) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(doc, "article:published_time"));
        candidates.add(ldText(ld, "datePublished"));
        Element itemprop = doc.selectFirst("[itemprop=datePublished]");
        if (itemprop != null) {
            candidates.add(firstNonBlank(itemprop.attr("content"), itemprop.attr("datetime"), itemprop.text()));
        }
        for (String name : List.of("pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued",
                "dcterms.created", "sailthru.date", "parsely-pub-date", "og:published_time", "article.published")) {
            candidates.add(meta(doc, name));
        }
        Element time = doc.selectFirst("article time[datetime], time[pubdate], time[datetime]");
        if (time != null) {
            candidates.add(time.attr("datetime"));
        }
        candidates.add(ldText(ld, "dateCreated"));
        for (String c : candidates) {
            Optional<Instant> t = Dates.parse(c);
            if (t.isPresent()) {
                return t.get();
            }
        }
        return null;
    }

    /** Meta content by name or property, case-insensitive. */
    private static String meta(Document doc, String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (Element m : doc.select("meta[content]")) {
            String name = firstNonBlank(m.attr("property"), m.attr("name"), m.attr("itemprop"));
            if (name != null && name.toLowerCase(Locale.ROOT).equals(lower)) {
                String v = m.attr("content").strip();
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The JSON-LD objects that describe an article (NewsArticle, BlogPosting...), from plain, list and @graph forms. */
    private static List<JsonNode> jsonLdArticles(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            try {
                collectArticles(Json.MAPPER.readTree(script.data()), out, 0);
            } catch (IOException | RuntimeException e) {
                // Broken JSON-LD is common; the meta tags and the HTML still give what is needed.
            }
        }
        return out;
    }

    private static void collectArticles(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collectArticles(n, out, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode type = node.path("@type");
        String types = type.isArray() ? type.toString() : type.asText("");
        if (types.contains("Article") || types.contains("BlogPosting") || types.contains("Report")) {
            out.add(node);
        }
        collectArticles(node.get("@graph"), out, depth + 1);
        collectArticles(node.get("mainEntity"), out, depth + 1);
    }

    private static String ldText(List<JsonNode> ld, String field) {
        for (JsonNode n : ld) {
            JsonNode v = n.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText().strip();
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static boolean sameWords(String a, String b) {
        return a.replaceAll("[\\s\\p{Punct}]+", " ").strip().equalsIgnoreCase(b.replaceAll("[\\s\\p{Punct}]+", " ").strip());
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
