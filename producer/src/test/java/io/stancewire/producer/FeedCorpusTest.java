package io.stancewire.producer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of the shared feed corpus through {@link FeedCheck}: no exception escapes, what the source projects
 * expect to parse parses (with items when it has any), what they reject is rejected, and the outcome of every file
 * matches {@code feed-corpus-expectations.tsv}, so a change that breaks one feed fails the build.
 */
class FeedCorpusTest {
    private static final Pattern ITEM_TAG = Pattern.compile("<(?:[\\w.-]+:)?(?:item|entry)[\\s>/]", Pattern.CASE_INSENSITIVE);

    private static final Map<String, FeedCheck.Result> RESULTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static FeedCheck.Result check(FeedCorpus.Entry e) {
        return RESULTS.computeIfAbsent(e.key(), k -> FeedCorpus.check(e));
    }

    @Test
    void everyCorpusFileMatchesItsRecordedOutcome() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/feed-corpus-expectations.tsv")) {
            assertThat(in).isNotNull();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .forEach(l -> expected.put(l.split("\t")[0], l));
        }
        List<String> mismatches = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String folder : FeedCorpus.FOLDERS) {
            List<FeedCorpus.Entry> entries = FeedCorpus.manifest(folder);
            assertThat(entries).as(folder + " manifest").isNotEmpty();
            // The manifest and the folder must agree, or a file would silently go untested.
            Set<String> listed = entries.stream().map(FeedCorpus.Entry::file).collect(Collectors.toSet());
            try (Stream<Path> files = Files.list(SharedData.feeds(folder))) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("MANIFEST.tsv")))
                        .as("files in " + folder).containsExactlyInAnyOrderElementsOf(listed);
            }
            for (FeedCorpus.Entry e : entries) {
                FeedCheck.Result r = check(e);
                seen.add(e.key());
                assertThat(r.reason()).as(e.key() + ": " + r.error()).isNotEqualTo("parser-crash");
                String actual = FeedCorpus.expectationLine(r);
                if (!actual.equals(expected.get(e.key()))) {
                    mismatches.add("expected " + expected.get(e.key()) + "\n     got " + actual + "   " + r.error());
                }
            }
        }
        assertThat(mismatches).as("feeds whose outcome changed (update feed-corpus-expectations.tsv only if better)")
                .isEmpty();
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(seen);
        assertThat(seen).hasSizeGreaterThan(380);
    }

    @Test
    void whatSourceProjectsParseParsesWithItsItems() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String folder : FeedCorpus.FOLDERS) {
            for (FeedCorpus.Entry e : FeedCorpus.manifest(folder)) {
                FeedCheck.Result r = check(e);
                if (e.shouldParse()) {
                    checked++;
                    if (!r.ok()) {
                        problems.add(e.key() + " should parse: " + r.reason() + " " + r.error());
                    } else if (r.items() == 0 && hasItemElements(e.path())) {
                        problems.add(e.key() + " has item/entry elements but parsed to no items");
                    }
                }
                // Rejected by the source project because it does not gunzip; we do, so a gzipped feed may parse.
                if (e.shouldBeRejected() && r.ok() && !r.repairs().contains("gunzipped")) {
                    problems.add(e.key() + " should be rejected but parsed as " + r.feedType());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(300);
    }

    /** feedparser's encoding tests state the decoded title; ours must be the same characters. */
    @Test
    void encodingsDecodeToTheTitlesFeedparserExpects() throws Exception {
        Pattern title = Pattern.compile("feed(?:\\['title'\\]|\\.title) == u?'([^']*)'");
        int checked = 0;
        for (FeedCorpus.Entry e : FeedCorpus.manifest("wild")) {
            Matcher m = title.matcher(e.expectation());
            if (!e.file().startsWith("feedparser__encoding__") || !m.find()) {
                continue;
            }
            ParsedFeed feed = FeedParser.parse(Files.readAllBytes(e.path()), e.contentType(), null);
            assertThat(feed.title()).as(e.key()).isEqualTo(unescapePython(m.group(1)));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
    }

    private static boolean hasItemElements(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = FeedDecoder.decode(bytes, null);
        return ITEM_TAG.matcher(text).find() && (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f);
    }

    private static String unescapePython(String s) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})|\\\\x([0-9a-fA-F]{2})").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int cp = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2), 16);
            m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
