package io.stancewire.producer;

import org.jsoup.nodes.Entities;

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
    private static final Pattern ILLEGAL_CHARS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
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
        if (ILLEGAL_CHARS.matcher(s).find()) {
            s = ILLEGAL_CHARS.matcher(s).replaceAll("");
            repairs.add("illegal-characters");
        }
        return s.strip();
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
