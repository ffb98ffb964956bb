package io.stancewire.producer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the breakage real feeds have, so one stray byte does not lose a day of news. {@link #prepare} always runs
 * (it is also the security step: the DOCTYPE with any entity declarations is cut); {@link #repairMarkup} runs only
 * when strict parsing failed.
 */
final class FeedRepair {
    private FeedRepair() {}

    private static final Pattern XML_DECL = Pattern.compile("<\\?xml\\s[^>]*\\?>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+;|#[xX][0-9a-fA-F]+;|([A-Za-z][A-Za-z0-9]*);)?");
    private static final Pattern ROOT_ELEMENT = Pattern.compile("<[A-Za-z_]");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    static String prepare(String xml, List<String> repairs) {
        String s = xml;
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        int lt = s.indexOf('<');
        if (lt > 0 && s.substring(0, lt).isBlank()) {
            s = s.substring(lt);
            repairs.add("leading-whitespace");
        }
        // An XML declaration anywhere but at the very start is a fatal error; it tells nothing the decoder needs now.
        Matcher decl = XML_DECL.matcher(s);
        if (decl.find() && decl.start() > 0) {
            s = s.substring(0, decl.start()) + s.substring(decl.end());
            repairs.add("misplaced-xml-declaration");
        }
        String withoutDoctype = stripDoctype(s);
        if (!withoutDoctype.equals(s)) {
            s = withoutDoctype;
            repairs.add("stripped-doctype");
        }
        String legal = withoutIllegalChars(s);
        if (legal.length() != s.length()) {
            s = legal;
            repairs.add("illegal-characters");
        }
        return s.strip();
    }

    /** Drops the control characters XML 1.0 forbids (feeds copy them from databases); a plain loop, as this runs on
     *  every byte of every feed. */
    private static String withoutIllegalChars(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean illegal = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF';
            if (illegal && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!illegal && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Raw '&' becomes '&amp;'; HTML entity names (undeclared in XML) become character references. */
    static String repairMarkup(String xml, List<String> repairs) {
        Matcher m = ENTITY.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length() + 64);
        boolean changed = false;
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "&amp;";
            } else if (m.group(2) == null || XML_ENTITIES.contains(m.group(2))) {
                replacement = m.group();
            } else if (Entities.isNamedEntity(m.group(2))) {
                StringBuilder refs = new StringBuilder();
                Entities.getByName(m.group(2)).codePoints().forEach(cp -> refs.append("&#").append(cp).append(';'));
                replacement = refs.toString();
            } else {
                replacement = "&amp;" + m.group(2) + ";";
            }
            changed |= !replacement.equals(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        if (changed) {
            repairs.add("escaped-entities");
        }
        return out.toString();
    }

    /** Namespaces feeds use without declaring them; unknown prefixes get a placeholder so the XML is well-formed. */
    private static final Map<String, String> KNOWN_NAMESPACES = Map.ofEntries(
            Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            Map.entry("georss", "http://www.georss.org/georss"),
            Map.entry("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"),
            Map.entry("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"),
            Map.entry("xhtml", "http://www.w3.org/1999/xhtml"));
    private static final Pattern PREFIX_USE = Pattern.compile("<\\/?([A-Za-z_][\\w.-]*):[A-Za-z_]|\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=");
    private static final Pattern PREFIX_DECL = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");
    private static final Pattern BASE64_ELEMENT = Pattern.compile(
            "<((?:[A-Za-z_][\\w.-]*:)?[A-Za-z_][\\w.-]*)([^>]*?)\\smode\\s*=\\s*[\"']base64[\"']([^>]*)>([^<]*)</\\1\\s*>");

    private static final Pattern RSS_VERSION = Pattern.compile("\\sversion\\s*=\\s*([\"'])([^\"']*)\\1");
    private static final Set<String> ROME_RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

    /** Where the root element's start tag is. */
    record Root(String name, int start, int end) {}

    static Root root(String s) {
        int i = 0;
        while ((i = s.indexOf('<', i)) >= 0) {
            if (s.startsWith("<?", i)) {
                int e = s.indexOf("?>", i);
                i = e < 0 ? s.length() : e + 2;
            } else if (s.startsWith("<!--", i)) {
                int e = s.indexOf("-->", i);
                i = e < 0 ? s.length() : e + 3;
            } else if (s.startsWith("<!", i)) {
                int e = s.indexOf('>', i);
                i = e < 0 ? s.length() : e + 1;
            } else {
                int j = i + 1;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '>' && s.charAt(j) != '/') {
                    j++;
                }
                char quote = 0;
                int k = j;
                for (; k < s.length(); k++) {
                    char c = s.charAt(k);
                    if (quote != 0) {
                        if (c == quote) {
                            quote = 0;
                        }
                    } else if (c == '"' || c == '\'') {
                        quote = c;
                    } else if (c == '>') {
                        break;
                    }
                }
                return j > i + 1 ? new Root(s.substring(i + 1, j), i, Math.min(k + 1, s.length())) : null;
            }
        }
        return null;
    }

    /**
     * Fixes feeds that are well-formed XML but that Rome cannot take: RSS or RDF without a channel, Atom without
     * its namespace, namespace prefixes used but never declared, base64 content Rome fails to decode.
     */
    static String repairStructure(String xml, List<String> repairs) {
        String s = xml;
        Root root = root(s);
        if (root == null) {
            return s;
        }
        String name = root.name();
        String lowerDoc = s.toLowerCase(java.util.Locale.ROOT);
        boolean hasChannel = lowerDoc.contains("<channel") || lowerDoc.contains(":channel");
        if ((name.equals("rss") || name.endsWith("RDF")) && !hasChannel && !s.substring(root.start(), root.end()).endsWith("/>")) {
            // The channel inherits the root's default namespace, which tells RSS 0.90 from RSS 1.0.
            String open = name.equals("rss") ? "<channel>" : "<channel rdf:about=\"\">";
            int close = s.lastIndexOf("</" + name);
            s = close > root.end()
                    ? s.substring(0, root.end()) + open + s.substring(root.end(), close) + "</channel>" + s.substring(close)
                    : s.substring(0, root.end()) + open + s.substring(root.end()) + "</channel>";
            repairs.add("added-channel");
            root = root(s);
        }
        String startTag = s.substring(root.start(), root.end());
        if (name.equals("rss")) {
            // RSS has no namespace; a Userland-era default namespace or an unknown version makes Rome refuse it.
            String fixed = startTag.replaceFirst("\\sxmlns\\s*=\\s*(\"[^\"]*\"|'[^']*')", "");
            Matcher version = RSS_VERSION.matcher(fixed);
            if (!version.find()) {
                fixed = "<rss version=\"2.0\"" + fixed.substring(4);
            } else if (!ROME_RSS_VERSIONS.contains(version.group(2))) {
                fixed = fixed.substring(0, version.start(2)) + "2.0" + fixed.substring(version.end(2));
            }
            if (!fixed.equals(startTag)) {
                s = s.substring(0, root.start()) + fixed + s.substring(root.end());
                repairs.add("normalised-rss-root");
                root = root(s);
                startTag = fixed;
            }
        }
        if (name.equals("feed") && !startTag.matches("(?s).*\\sxmlns\\s*=.*")) {
            String ns = startTag.matches("(?s).*version\\s*=\\s*[\"']0\\.3[\"'].*") ? "http://purl.org/atom/ns#"
                    : "http://www.w3.org/2005/Atom";
            s = s.substring(0, root.start()) + "<feed xmlns=\"" + ns + "\"" + s.substring(root.start() + 5);
            repairs.add("added-atom-namespace");
            root = root(s);
        }
        Set<String> used = new LinkedHashSet<>();
        Matcher use = PREFIX_USE.matcher(s);
        while (use.find()) {
            used.add(use.group(1) != null ? use.group(1) : use.group(2));
        }
        used.remove("xml");
        used.remove("xmlns");
        Matcher decl = PREFIX_DECL.matcher(s);
        while (decl.find()) {
            used.remove(decl.group(1));
        }
        if (!used.isEmpty()) {
            StringBuilder decls = new StringBuilder();
            for (String prefix : used) {
                decls.append(" xmlns:").append(prefix).append("=\"")
                        .append(KNOWN_NAMESPACES.getOrDefault(prefix, "urn:x-undeclared:" + prefix)).append('"');
            }
            int at = root.start() + 1 + root.name().length();
            s = s.substring(0, at) + decls + s.substring(at);
            repairs.add("declared-namespaces");
        }
        Matcher b64 = BASE64_ELEMENT.matcher(s);
        StringBuilder out = new StringBuilder();
        boolean decoded = false;
        while (b64.find()) {
            String replacement = b64.group();
            try {
                String text = new String(Base64.getMimeDecoder().decode(b64.group(4).strip()), StandardCharsets.UTF_8);
                replacement = "<" + b64.group(1) + b64.group(2) + b64.group(3) + ">" + Entities.escape(text) + "</" + b64.group(1) + ">";
                decoded = true;
            } catch (IllegalArgumentException notBase64) {
                // leave it; Rome will report it
            }
            b64.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        b64.appendTail(out);
        if (decoded) {
            s = out.toString();
            repairs.add("decoded-base64");
        }
        return s;
    }

    /**
     * Microsoft CDF (an IE4-era channel format some old sites still serve) as RSS 2.0: CHANNEL/ITEM with HREF,
     * TITLE, ABSTRACT and LASTMOD map one to one.
     */
    static String cdfToRss(String xml, List<String> repairs) {
        Root root = root(xml);
        if (root == null || !root.name().equalsIgnoreCase("channel")) {
            return xml;
        }
        Document cdf = Jsoup.parse(xml, "", Parser.xmlParser());
        org.jsoup.nodes.Element channel = cdf.selectFirst("CHANNEL");
        if (channel == null) {
            return xml;
        }
        Document rss = Jsoup.parse("<rss version=\"2.0\"><channel></channel></rss>", "", Parser.xmlParser());
        org.jsoup.nodes.Element out = rss.selectFirst("channel");
        String base = channel.attr("BASE");
        if (!base.isEmpty()) {
            out.attr("xml:base", base);
        }
        copyCdf(channel, out);
        for (org.jsoup.nodes.Element item : channel.select("ITEM")) {
            copyCdf(item, out.appendElement("item"));
        }
        rss.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        repairs.add("converted-cdf");
        return rss.outerHtml();
    }

    private static void copyCdf(org.jsoup.nodes.Element from, org.jsoup.nodes.Element to) {
        org.jsoup.nodes.Element title = from.selectFirst("> TITLE");
        to.appendElement("title").text(title == null ? "" : title.text());
        if (!from.attr("HREF").isEmpty()) {
            to.appendElement("link").text(from.attr("HREF"));
        }
        org.jsoup.nodes.Element summary = from.selectFirst("> ABSTRACT");
        to.appendElement("description").text(summary == null ? "" : summary.text());
        java.util.Optional<java.time.Instant> modified = Dates.parse(from.attr("LASTMOD"));
        modified.ifPresent(t -> to.appendElement("pubDate").text(
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(java.time.ZoneOffset.UTC))));
    }

    /**
     * Last resort for XML that is not well-formed (unclosed tags, a cut-off file, stray markup): jsoup's forgiving
     * XML parser builds a tree from it, and that tree is written back as well-formed XML for Rome.
     */
    static String reserialize(String xml, List<String> repairs) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        doc.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8)
                .prettyPrint(false);
        repairs.add("rebuilt-xml");
        return doc.outerHtml();
    }

    /** Removes {@code <!DOCTYPE ...>} including an internal subset in brackets, wherever it is before the root. */
    static String stripDoctype(String s) {
        int start = indexOfIgnoreCase(s, "<!DOCTYPE");
        Matcher root = ROOT_ELEMENT.matcher(s);
        if (start < 0 || root.find() && root.start() < start) {
            return s; // none, or only text inside the document that happens to read "<!DOCTYPE"
        }
        int depth = 0;
        char quote = 0;
        for (int i = start + 9; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return s.substring(0, start) + s.substring(i + 1);
            }
        }
        return s.substring(0, start); // unterminated: nothing after it can be trusted as markup
    }

    private static int indexOfIgnoreCase(String s, String needle) {
        int limit = Math.min(s.length(), 64 * 1024);
        return s.substring(0, limit).toUpperCase(java.util.Locale.ROOT).indexOf(needle);
    }
}
