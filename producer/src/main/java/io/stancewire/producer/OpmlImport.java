package io.stancewire.producer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the feeds of an OPML 1.0/2.0 subscription list (what feed readers export): every {@code outline} with an
 * {@code xmlUrl}, at any depth, named by its {@code title} or {@code text}, tagged with the folders it sits in and its
 * {@code category} values ({@code "/News/Tech, ai"} gives {@code News, Tech, ai}). Parsed as safely as feeds: the
 * bytes go through {@link FeedDecoder} and {@link FeedRepair#prepare} (which cuts any DOCTYPE), and the StAX parser
 * has DTDs and external entities off, so XXE and entity bombs do nothing.
 */
public final class OpmlImport {
    /** A subscription list larger than this is not one a person exported. */
    static final int MAX_OUTLINES = 100_000;

    private OpmlImport() {}

    /** The feeds found, and one message per outline that names a feed we cannot use. */
    public record Result(List<FeedConfig> feeds, List<String> skipped) {}

    public static Result read(Path file, long maxBytes) {
        try {
            if (Files.size(file) > maxBytes) {
                throw new IllegalArgumentException(file + " is larger than " + maxBytes + " bytes");
            }
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @throws IllegalArgumentException with the reason when the bytes are not OPML */
    static Result parse(byte[] bytes, String source) {
        List<String> repairs = new ArrayList<>();
        String xml = FeedRepair.prepare(FeedDecoder.decode(bytes, null), repairs);
        try {
            return parseXml(xml, source);
        } catch (XMLStreamException first) {
            // Exports with raw '&' or HTML entities in titles are common; the feed repairs fix those.
            String repaired = FeedRepair.repairMarkup(xml, repairs);
            try {
                return parseXml(repaired, source);
            } catch (XMLStreamException e) {
                throw new IllegalArgumentException(source + " is not well-formed XML: " + first.getMessage(), e);
            }
        }
    }

    private static Result parseXml(String xml, String source) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
        List<FeedConfig> feeds = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        // One entry per open outline: the folder name it adds to its children's tags, or null.
        Deque<String> folders = new ArrayDeque<>();
        boolean sawRoot = false;
        int outlines = 0;
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (!sawRoot) {
                        if (!name.equalsIgnoreCase("opml")) {
                            throw new IllegalArgumentException(source + " is not OPML: the root element is <" + name + ">");
                        }
                        sawRoot = true;
                    } else if (name.equalsIgnoreCase("outline")) {
                        if (++outlines > MAX_OUTLINES) {
                            throw new IllegalArgumentException(source + " has more than " + MAX_OUTLINES + " outlines");
                        }
                        String label = firstNonBlank(attribute(r, "title"), attribute(r, "text"));
                        String xmlUrl = attribute(r, "xmlUrl");
                        if (xmlUrl != null) {
                            feed(xmlUrl, label, attribute(r, "language"), attribute(r, "category"), folders, feeds, skipped);
                        }
                        folders.push(xmlUrl == null && label != null ? label : "");
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equalsIgnoreCase("outline")) {
                    folders.pop();
                }
            }
        } finally {
            r.close();
        }
        if (!sawRoot) {
            throw new IllegalArgumentException(source + " has no root element");
        }
        return new Result(feeds, skipped);
    }

    private static void feed(String xmlUrl, String label, String language, String category, Deque<String> folders,
                             List<FeedConfig> feeds, List<String> skipped) {
        String url = xmlUrl.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            skipped.add("not an http(s) feed URL: " + url);
            return;
        }
        Set<String> tags = new LinkedHashSet<>();
        folders.descendingIterator().forEachRemaining(f -> {
            if (!f.isBlank()) {
                tags.add(f.strip());
            }
        });
        if (category != null) {
            for (String c : category.split(",")) {
                for (String segment : c.split("/")) {
                    if (!segment.isBlank()) {
                        tags.add(segment.strip());
                    }
                }
            }
        }
        feeds.add(new FeedConfig(url, label, language == null || language.isBlank() ? null : language.strip(), null,
                List.copyOf(tags)));
    }

    /** OPML attribute names are case-sensitive by the spec, but exporters write {@code xmlurl} too. */
    private static String attribute(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                String v = r.getAttributeValue(i);
                return v == null || v.isBlank() ? null : v.strip();
            }
        }
        return null;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null ? a : b;
    }
}
