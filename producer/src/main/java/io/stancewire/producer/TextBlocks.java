package io.stancewire.producer;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an HTML subtree into paragraphs: a block element (p, div, li, heading, blockquote...) or two consecutive
 * {@code <br>} end a paragraph; whitespace inside a paragraph collapses to single spaces. Characters are kept as
 * they are (curly and straight quotes, RTL text, zero-width joiners), because the NLP stage finds quotes by them.
 */
final class TextBlocks {
    private TextBlocks() {}

    static final Set<String> BLOCK_TAGS = Set.of(
            "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
            "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th",
            "thead", "tbody", "figure", "figcaption", "hr", "address", "details", "summary", "center", "form");

    /** Marks a {@code <br>} while collecting, so that two of them can split a paragraph. */
    private static final char BR = '\u2028';
    private static final Pattern DOUBLE_BR = Pattern.compile("\\s*" + BR + "\\s*" + BR + "[\\s" + BR + "]*");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2028]+");

    static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("br")) {
                        current.append(BR);
                    } else if (BLOCK_TAGS.contains(e.normalName())) {
                        flush(current, out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCK_TAGS.contains(e.normalName())) {
                    flush(current, out);
                }
            }
        }, root);
        flush(current, out);
        return out;
    }

    static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current.isEmpty()) {
            return;
        }
        for (String part : DOUBLE_BR.split(current)) {
            String p = SPACES.matcher(part).replaceAll(" ").strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        current.setLength(0);
    }
}
