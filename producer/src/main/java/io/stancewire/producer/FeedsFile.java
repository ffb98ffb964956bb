package io.stancewire.producer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Edits the feeds list of a feeds file ({@link ProducerSettings} YAML) for {@code stancewire feeds add|remove|
 * import-opml}. The producer-wide settings and the file's comments are kept: a block-style feeds list is edited line
 * by line ({@link FeedsListText}), so comments between entries stay (a comment block directly above a removed entry
 * goes with it). Any other layout (a flow-style list, or an edit whose result would read differently from the
 * intended one) is rewritten from the YAML tree, keeping only the leading comment block. The new text is checked with
 * {@link ProducerSettings#parse} before it replaces the file, atomically, so the file is never left invalid or
 * half-written. Two feeds are the same when
 * their canonical URLs ({@link UrlCanonicalizer}) are.
 */
public final class FeedsFile {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    /** What {@link #addAll} did with each feed. */
    public record AddResult(List<FeedConfig> added, List<String> duplicates) {}

    private final Path file;

    public FeedsFile(Path file) {
        this.file = file;
    }

    /** The configured feeds; an absent file has none. */
    public List<FeedConfig> list() {
        return Files.exists(file) ? ProducerSettings.load(file).feeds() : List.of();
    }

    /**
     * Adds one feed.
     *
     * @throws IllegalArgumentException when the file already has a feed with the same canonical URL, or the URL is
     *                                  not an http(s) URL
     */
    public void add(FeedConfig feed) {
        AddResult r = addAll(List.of(feed));
        if (!r.duplicates().isEmpty()) {
            throw new IllegalArgumentException(r.duplicates().getFirst());
        }
    }

    /**
     * Adds the feeds that are not in the file yet (nor earlier in {@code feeds}) and reports the others, one
     * message per duplicate; the file is written once.
     */
    public AddResult addAll(List<FeedConfig> feeds) {
        Document doc = read();
        List<String> known = new ArrayList<>();
        for (JsonNode entry : doc.feeds()) {
            known.add(canonical(urlOf(entry)));
        }
        List<FeedConfig> added = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (FeedConfig feed : feeds) {
            String key = canonicalOrRefuse(feed.url());
            int at = known.indexOf(key);
            if (at >= 0) {
                duplicates.add("already in " + file + ": " + feed.url()
                        + (key.equals(feed.url()) ? "" : " (the same feed as " + urlOf(doc.feeds().get(at)) + ")"));
                continue;
            }
            known.add(key);
            doc.feeds().add(toNode(feed));
            added.add(feed);
        }
        if (!added.isEmpty()) {
            write(doc, text -> text.add(entriesYaml(added)));
        }
        return new AddResult(added, duplicates);
    }

    /**
     * Removes the feed with the same canonical URL as {@code url} and returns it.
     *
     * @throws IllegalArgumentException when there is none
     */
    public FeedConfig remove(String url) {
        Document doc = read();
        String key = canonical(url);
        List<FeedConfig> feeds = list();
        for (int i = 0; i < doc.feeds().size(); i++) {
            if (canonical(urlOf(doc.feeds().get(i))).equals(key)) {
                doc.feeds().remove(i);
                int index = i;
                write(doc, text -> text.remove(index));
                return feeds.get(i);
            }
        }
        throw new IllegalArgumentException("no feed " + url + " in " + file);
    }

    /** @param text the file as it was, null when there was none */
    private record Document(String text, ObjectNode root, ArrayNode feeds) {}

    private Document read() {
        if (!Files.exists(file)) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            return new Document(null, root, root.putArray("feeds"));
        }
        ProducerSettings.load(file); // refuses to edit a file the producer could not read
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode tree = YAML.readTree(text);
            ObjectNode root = tree instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
            JsonNode feeds = root.get("feeds");
            ArrayNode array = feeds instanceof ArrayNode a ? a : root.putArray("feeds");
            return new Document(text, root, array);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String leadingComments(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("#")) {
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /**
     * Writes the edited document: the line edit of the original text when it reads exactly as the edited tree does,
     * else the tree itself under the original leading comments.
     */
    private void write(Document doc, Function<FeedsListText, String> lineEdit) {
        String yaml;
        try {
            yaml = (doc.text() == null ? "" : leadingComments(doc.text())) + YAML.writeValueAsString(doc.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProducerSettings intended = ProducerSettings.parse(yaml); // never write what the producer would refuse to read
        if (doc.text() != null) {
            Optional<String> edited = FeedsListText.of(doc.text()).map(lineEdit);
            if (edited.isPresent() && readsAs(edited.get(), intended)) {
                yaml = edited.get();
            }
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static boolean readsAs(String text, ProducerSettings intended) {
        try {
            return ProducerSettings.parse(text).equals(intended);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The feeds as a block sequence at column 0, as they are appended to the file's list. */
    private static String entriesYaml(List<FeedConfig> feeds) {
        ArrayNode entries = JsonNodeFactory.instance.arrayNode();
        feeds.forEach(f -> entries.add(toNode(f)));
        try {
            return YAML.writeValueAsString(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode toNode(FeedConfig feed) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("url", feed.url());
        if (feed.name() != null && !feed.name().isBlank()) {
            node.put("name", feed.name());
        }
        if (feed.languageHint() != null && !feed.languageHint().isBlank()) {
            node.put("language", feed.languageHint());
        }
        if (feed.pollInterval() != null) {
            node.put("pollInterval", feed.pollInterval().toString());
        }
        if (!feed.tags().isEmpty()) {
            ArrayNode tags = node.putArray("tags");
            feed.tags().forEach(tags::add);
        }
        return node;
    }

    private static String urlOf(JsonNode entry) {
        return entry.isTextual() ? entry.asText() : entry.path("url").asText("");
    }

    private static String canonicalOrRefuse(String url) {
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException("a feed URL must start with http:// or https://: " + url);
        }
        Optional<String> c = UrlCanonicalizer.canonicalize(url.strip());
        return c.orElseThrow(() -> new IllegalArgumentException("not a URL: " + url));
    }

    private static String canonical(String url) {
        return UrlCanonicalizer.canonicalize(url.strip()).orElse(url.strip());
    }
}
