package io.stancewire.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared feed corpus (feeds/wild and feeds/news) with its MANIFEST.tsv rows, and the check of every file.
 * Run {@link #main} to print the current results in the format of {@code feed-corpus-expectations.tsv}, after a
 * deliberate change of behaviour.
 */
final class FeedCorpus {
    static final List<String> FOLDERS = List.of("wild", "news");
    private static final Pattern SIMULATED_CONTENT_TYPE =
            Pattern.compile("\\[simulated HTTP header: Content-type: ([^\\]]+)]", Pattern.CASE_INSENSITIVE);

    /** One MANIFEST.tsv row of interest. */
    record Entry(String folder, String file, String exercises, String expectation, Path path) {
        String key() {
            return folder + "/" + file;
        }

        /** What an HTTP server said about the file in the source project's test, if the manifest records it. */
        String contentType() {
            Matcher m = SIMULATED_CONTENT_TYPE.matcher(exercises);
            return m.find() ? m.group(1).strip() : null;
        }

        boolean shouldParse() {
            return expectation.startsWith("well-formed") || expectation.startsWith("parses");
        }

        boolean shouldBeRejected() {
            return expectation.startsWith("rejected") || expectation.startsWith("not a feed");
        }
    }

    static List<Entry> manifest(String folder) {
        Path dir = SharedData.feeds(folder);
        try {
            List<String> lines = Files.readAllLines(dir.resolve("MANIFEST.tsv"));
            List<String> header = List.of(lines.get(0).split("\t"));
            int file = header.indexOf("file");
            int exercises = header.indexOf("exercises");
            int expectation = header.indexOf("source_tests_expectation");
            List<Entry> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                out.add(new Entry(folder, cols[file], cols[exercises], cols[expectation], dir.resolve(cols[file])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FeedCheck.Result check(Entry e) {
        try {
            return FeedCheck.checkBytes(e.key(), Files.readAllBytes(e.path()), e.contentType(), null);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The expectations line for a result: file, OK/FAIL, feed type or failure reason, item count. */
    static String expectationLine(FeedCheck.Result r) {
        return String.join("\t", r.input(), r.ok() ? "OK" : "FAIL", r.ok() ? r.feedType() : r.reason(),
                Integer.toString(r.items()));
    }

    public static void main(String[] args) {
        System.out.println("file\tstatus\ttype_or_reason\titems");
        for (String folder : FOLDERS) {
            for (Entry e : manifest(folder)) {
                System.out.println(expectationLine(check(e)));
            }
        }
    }
}
