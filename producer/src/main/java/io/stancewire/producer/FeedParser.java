package io.stancewire.producer;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.jsoup.Jsoup;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses RSS 0.9x/1.0/2.0, RDF and Atom 0.3/1.0 with Rome, safely: DTDs are never processed (the DOCTYPE is cut
 * before parsing, and Rome refuses any left), so external entities and entity expansion bombs cannot work. The
 * bytes are decoded by {@link FeedDecoder} (HTTP charset, BOM, XML declaration) and common breakage is repaired
 * by {@link FeedRepair} before Rome sees them.
 */
public final class FeedParser {
    private FeedParser() {}

    /**
     * @param contentType the HTTP Content-Type, or null for a file
     * @param source      the feed's URL, used to resolve relative links; may be null
     * @throws FetchException {@code feed-not-xml} for something that is not XML, {@code feed-invalid} for XML that
     *                        is not a feed, {@code feed-empty} for an empty body
     */
    public static ParsedFeed parse(byte[] body, String contentType, URI source) throws FetchException {
        List<String> repairs = new ArrayList<>();
        if (body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            body = gunzip(body);
            repairs.add("gunzipped");
        }
        String xml = FeedDecoder.decode(body, contentType);
        String prepared = FeedRepair.prepare(xml, repairs);
        if (prepared.isBlank()) {
            throw new FetchException("feed-empty", "the feed is empty");
        }
        if (!prepared.startsWith("<")) {
            throw new FetchException("feed-not-xml", "not XML: starts with '" + preview(prepared) + "'");
        }
        if (FeedRepair.root(prepared) == null) {
            throw new FetchException("feed-empty", "the document has no element, only a prolog or comments");
        }
        SyndFeed feed;
        try {
            feed = build(prepared);
        } catch (FeedException | RuntimeException first) {
            feed = null;
            List<String> tried = new ArrayList<>();
            String repaired = FeedRepair.repairStructure(FeedRepair.repairMarkup(prepared, tried), tried);
            if (!repaired.equals(prepared)) {
                feed = tryBuild(repaired);
            }
            if (feed == null) {
                String cdf = FeedRepair.cdfToRss(repaired, tried);
                feed = cdf.equals(repaired) ? null : tryBuild(cdf);
            }
            if (feed == null) {
                repaired = FeedRepair.repairStructure(FeedRepair.reserialize(repaired, tried), tried);
                feed = tryBuild(repaired);
            }
            if (feed == null) {
                throw classify(prepared, first);
            }
            repairs.addAll(tried);
        }
        return convert(feed, source, repairs);
    }

    /** Feeds saved or served as .gz without a Content-Encoding header; capped so a small bomb cannot fill memory. */
    private static byte[] gunzip(byte[] body) throws FetchException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            byte[] out = in.readNBytes(MAX_GUNZIPPED_BYTES + 1);
            if (out.length > MAX_GUNZIPPED_BYTES) {
                throw new FetchException("too-large", "the gzipped feed expands beyond " + MAX_GUNZIPPED_BYTES + " bytes");
            }
            return out;
        } catch (java.io.IOException e) {
            throw new FetchException("feed-not-xml", "gzip data that cannot be decompressed: " + e.getMessage(), e);
        }
    }

    static final int MAX_GUNZIPPED_BYTES = 32 * 1024 * 1024;

    private static SyndFeed tryBuild(String xml) {
        try {
            return build(xml);
        } catch (FeedException | RuntimeException e) {
            return null;
        }
    }

    private static SyndFeed build(String xml) throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(true);
        return input.build(new StringReader(xml));
    }

    private static FetchException classify(String xml, Exception e) {
        String head = xml.length() > 512 ? xml.substring(0, 512) : xml;
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("<html") || lower.contains("<!doctype html") || lower.contains("<body")) {
            return new FetchException("feed-not-xml", "an HTML page, not a feed", e);
        }
        String msg = describe(e);
        if (e instanceof IllegalArgumentException || msg.contains("Invalid document") || msg.contains("not a feed")) {
            return new FetchException("feed-invalid", "XML but not a known feed format: " + msg, e);
        }
        return new FetchException("feed-malformed", "malformed feed XML: " + msg, e);
    }

    /** Rome wraps the parser's message; the innermost cause says what is actually wrong. */
    private static String describe(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            String rootMsg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            if (!msg.contains(rootMsg)) {
                msg = msg + " (" + rootMsg + ")";
            }
        }
        return msg;
    }

    private static ParsedFeed convert(SyndFeed feed, URI source, List<String> repairs) {
        URI base = source;
        if (feed.getLink() != null) {
            try {
                URI link = base == null ? URI.create(feed.getLink().strip()) : base.resolve(feed.getLink().strip());
                if (link.isAbsolute() && (base == null || !base.isAbsolute())) {
                    base = link;
                }
            } catch (IllegalArgumentException ignored) {
                // a broken channel link is no reason to drop the feed
            }
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(new FeedItem(resolve(base, link(entry)), blankToNull(entry.getUri()), title(entry.getTitleEx(), entry.getTitle()),
                    authors(entry), instant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate()),
                    content(entry)));
        }
        return new ParsedFeed(feed.getFeedType(), title(feed.getTitleEx(), feed.getTitle()), feed.getLink(), feed.getLanguage(), items,
                repairs);
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        for (SyndLink l : entry.getLinks()) {
            if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate"))) {
                return l.getHref().strip();
            }
        }
        String uri = entry.getUri();
        if (uri != null && (uri.startsWith("http://") || uri.startsWith("https://"))) {
            return uri.strip();
        }
        return null;
    }

    private static String resolve(URI base, String link) {
        if (link == null) {
            return null;
        }
        try {
            URI uri = UrlCanonicalizer.parseLenient(link);
            return (base != null && !uri.isAbsolute() ? base.resolve(uri) : uri).toString();
        } catch (Exception e) {
            return link;
        }
    }

    private static List<String> authors(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson p : entry.getAuthors()) {
            if (p.getName() != null && !p.getName().isBlank()) {
                names.add(p.getName().strip());
            }
        }
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            names.add(entry.getAuthor().strip());
        }
        return List.copyOf(names);
    }

    private static String content(SyndEntry entry) {
        StringBuilder html = new StringBuilder();
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null) {
                html.append(c.getValue());
            }
        }
        if (html.toString().isBlank() && entry.getDescription() != null && entry.getDescription().getValue() != null) {
            html.append(entry.getDescription().getValue());
        }
        return html.isEmpty() ? null : html.toString();
    }

    /**
     * Titles declared as HTML (Atom type="html"/"xhtml") become their text; plain-text titles keep literal angle
     * brackets ("the <blink> tag") and only lose a second layer of entity escaping, which RSS feeds often add.
     */
    private static String title(SyndContent typed, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String type = typed == null || typed.getType() == null ? "" : typed.getType().toLowerCase(java.util.Locale.ROOT);
        String text = type.contains("html") || LOOKS_LIKE_MARKUP.matcher(raw).find()
                ? Jsoup.parse(raw).text()
                : org.jsoup.parser.Parser.unescapeEntities(raw, false);
        return text.replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    /** Plain-text titles of RSS feeds often carry escaped markup anyway: a closing tag or a break gives it away. */
    private static final java.util.regex.Pattern LOOKS_LIKE_MARKUP =
            java.util.regex.Pattern.compile("</[a-zA-Z][a-zA-Z0-9]*\\s*>|<br\\s*/?>|<img\\s", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String preview(String s) {
        String p = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return p.replaceAll("\\s+", " ");
    }
}
