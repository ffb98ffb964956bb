package io.stancewire.producer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The block-style {@code feeds:} list of a feeds file as lines, edited line by line so that comments between
 * entries survive an add or a remove (a YAML tree keeps no comments). A comment block directly above an entry (no
 * blank line between) belongs to it and goes when it is removed; any other comment stays where it is. Files whose list
 * is in flow style ({@code feeds: [a, b]}), empty or absent are not handled here: {@link #of} gives nothing.
 */
final class FeedsListText {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final List<String> lines;
    /** The line of each entry's {@code -}. */
    private final List<Integer> dashes;
    private final int column;
    /** The first line after the list (lines.size() when it runs to the end). */
    private final int end;

    private FeedsListText(List<String> lines, List<Integer> dashes, int column, int end) {
        this.lines = lines;
        this.dashes = dashes;
        this.column = column;
        this.end = end;
    }

    static Optional<FeedsListText> of(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<Integer> contentLines = entryLines(text);
        if (contentLines.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> dashes = new ArrayList<>();
        int column = -1;
        for (int line : contentLines) {
            int dash = line;
            while (dash >= 0 && !lines.get(dash).strip().startsWith("-")) {
                dash--;
            }
            if (dash < 0 || (!dashes.isEmpty() && dash <= dashes.getLast())) {
                return Optional.empty(); // flow style, or a layout this does not know
            }
            int at = lines.get(dash).indexOf('-');
            if (column >= 0 && at != column) {
                return Optional.empty();
            }
            column = at;
            dashes.add(dash);
        }
        int end = dashes.getLast() + 1;
        while (end < lines.size() && (isBlankOrComment(lines.get(end)) || indentOf(lines.get(end)) > column)) {
            end++;
        }
        return Optional.of(new FeedsListText(lines, dashes, column, end));
    }

    /** The 0-based lines where each entry of the top-level {@code feeds} sequence starts; empty when there is none. */
    private static List<Integer> entryLines(String text) {
        List<Integer> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("feeds".equals(name) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        out.add((int) p.currentTokenLocation().getLineNr() - 1);
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    /** The text with {@code entriesYaml} (a block sequence) appended after the last entry, at the list's column. */
    String add(String entriesYaml) {
        List<String> out = new ArrayList<>(lines);
        List<String> entries = entriesYaml.lines().filter(l -> !l.isBlank()).toList();
        int own = entries.stream().mapToInt(FeedsListText::indentOf).min().orElse(0);
        List<String> added = new ArrayList<>();
        String indent = " ".repeat(column);
        for (String line : entries) {
            added.add(indent + line.substring(own));
        }
        out.addAll(contentEnd(dashes.size() - 1) + 1, added);
        return String.join("\n", out);
    }

    /** The text without entry {@code index} and the comment block directly above it. */
    String remove(int index) {
        List<String> out = new ArrayList<>(lines);
        int from = dashes.get(index);
        int floor = index == 0 ? -1 : contentEnd(index - 1);
        while (from - 1 > floor && isComment(out.get(from - 1))) {
            from--;
        }
        out.subList(from, contentEnd(index) + 1).clear();
        return String.join("\n", out);
    }

    /** The entry's last line that is neither blank nor a comment of its own. */
    private int contentEnd(int index) {
        int last = (index + 1 < dashes.size() ? dashes.get(index + 1) : end) - 1;
        while (last > dashes.get(index) && isBlankOrComment(lines.get(last))) {
            last--;
        }
        return last;
    }

    private static boolean isComment(String line) {
        return line.strip().startsWith("#");
    }

    private static boolean isBlankOrComment(String line) {
        return line.isBlank() || isComment(line);
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
