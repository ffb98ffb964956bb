package io.stancewire.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancewire.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CliCommandsTest {

    record Run(int exit, String out) {}

    static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = Main.commandLine();
            cli.setOut(new java.io.PrintWriter(System.out, true));
            int exit = cli.execute(args);
            return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void everyCommandHasHelp() {
        Run top = run("--help");
        assertThat(top.exit()).isZero();
        Map<String, CommandLine> subcommands = Main.commandLine().getSubcommands();
        assertThat(subcommands.keySet()).contains("run", "produce", "streams", "index", "kafka", "elasticsearch", "annotate", "stance", "feeds");
        for (String name : subcommands.keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Run help = run(name, "--help");
            assertThat(help.exit()).as(name).isZero();
            assertThat(help.out()).as(name).contains("Usage: stancewire " + name);
        }
    }

    @Test
    void aBadRefreshIntervalIsRefusedBeforeAnythingStarts() {
        CommandLine cli = Main.commandLine();
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setErr(new java.io.PrintWriter(err, true));

        int exit = cli.execute("index", "--refresh-interval", "soon");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--refresh-interval").contains("'soon' is not an Elasticsearch time value");
    }

    @Test
    void badBacklogOptionsAreRefusedBeforeAnythingStarts() {
        for (String[] args : List.of(new String[] {"--backlog-threshold", "-5"}, new String[] {"--backlog-refresh-interval", "later"})) {
            CommandLine cli = Main.commandLine();
            java.io.StringWriter err = new java.io.StringWriter();
            cli.setErr(new java.io.PrintWriter(err, true));

            int exit = cli.execute("index", args[0], args[1]);

            assertThat(exit).as(args[0]).isEqualTo(2);
            assertThat(err.toString()).as(args[0]).contains(args[0]).contains(args[1]);
        }
    }

    @Test
    void feedsCheckJudgesEveryInputAndExitsZero(@TempDir Path dir) throws Exception {
        Path good = SharedData.root().resolve("feeds").resolve("news");
        Path notAFeed = dir.resolve("page.xml");
        Files.writeString(notAFeed, "<html><body>not a feed</body></html>");

        Run result = run("feeds", "check", good.toString(), notAFeed.toString());

        assertThat(result.exit()).isZero();
        List<String> rows = result.out().lines().filter(l -> l.contains("\t")).skip(1).toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(22);
        assertThat(rows).filteredOn(r -> r.startsWith(notAFeed.toString())).singleElement().asString().contains("FAIL");
        assertThat(rows).filteredOn(r -> r.contains("/news/") && !r.contains("MANIFEST"))
                .hasSize(20).allSatisfy(r -> assertThat(r).contains("\tOK\t"));
    }

    @Test
    void feedsAddListRemoveAndImportOpmlEditTheFeedsFile(@TempDir Path dir) throws Exception {
        Path feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, "# mine\nperHostDelay: 2s\nfeeds:\n  - https://a.example/rss\n");

        assertThat(run("feeds", "add", "https://b.example/feed", "--feeds", feeds.toString(), "--name", "B",
                "--language", "ur", "--poll-interval", "5m", "--tag", "news,pk").exit()).isZero();
        Run duplicate = run("feeds", "add", "HTTPS://A.example/rss?utm_source=x", "--feeds", feeds.toString());
        assertThat(duplicate.exit()).isEqualTo(1);

        Path opml = dir.resolve("subs.opml");
        Files.writeString(opml, "<opml version=\"2.0\"><body><outline text=\"Tech\">"
                + "<outline text=\"C\" xmlUrl=\"https://c.example/rss\"/><outline text=\"B again\" xmlUrl=\"https://b.example/feed\"/>"
                + "</outline></body></opml>");
        Run imported = run("feeds", "import-opml", opml.toString(), "--feeds", feeds.toString());
        assertThat(imported.exit()).isZero();
        assertThat(imported.out()).contains("1 added, 1 skipped");

        assertThat(run("feeds", "remove", "https://a.example/rss", "--feeds", feeds.toString()).exit()).isZero();
        Run list = run("feeds", "list", "--feeds", feeds.toString());
        assertThat(list.out().lines().filter(l -> l.contains("\t")).skip(1).toList()).containsExactly(
                "https://b.example/feed\tB\tur\tPT5M\tnews,pk",
                "https://c.example/rss\tC\t\tdefault\tTech");
        assertThat(Files.readString(feeds)).startsWith("# mine\n").contains("perHostDelay");
        assertThat(run("feeds", "list", "--feeds", "samples").exit()).as("the bundled samples are not a file").isEqualTo(1);
    }

    @Test
    void stanceLabelsJsonLinesWithConfidenceAndEvidence(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("quotes.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"id\": \"lag\", \"quote\": \"By banning the export of EUV, China will lag 10 to 15 years behind the West.\"}",
                "{\"id\": \"weather\", \"quote\": \"It will rain in Manchester all weekend.\"}",
                "not json at all"));

        Run result = run("stance", input.toString());

        List<JsonNode> lines = result.out().lines().map(l -> Json.read(l, JsonNode.class)).toList();
        assertThat(result.exit()).as("a skipped bad line is reported in the exit code").isEqualTo(2);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("lag");
        assertThat(lines.get(0).get("label").asText()).isEqualTo("AGAINST");
        assertThat(lines.get(0).get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(lines.get(0).get("evidence")).isNotEmpty();
        assertThat(lines.get(1).get("label").asText()).isEqualTo("NONE");
    }

    @Test
    void stanceEvalPrintsTheScores() {
        Path dev = SharedData.stanceDevSet();
        Run result = run("stance", "--eval", dev.toString());
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("macro-F1").contains("FAVOR").contains("AGAINST");
    }

    @Test
    void annotateWritesTheQualityEvaluationShape(@TempDir Path dir) throws Exception {
        String seed = SampleFeedServer.resource("seed-urdu.txt");
        String english = "\"We are way ahead on chips,\" Jensen Huang, the chief executive of Nvidia, said on Monday.";
        Path input = dir.resolve("docs.jsonl");
        Files.writeString(input, Json.writeString(Map.of("doc", "seed", "text", seed)) + "\n"
                + Json.writeString(Map.of("doc", "en-1", "text", english)) + "\n");

        Run result = run("annotate", input.toString());

        assertThat(result.exit()).isZero();
        List<JsonNode> docs = result.out().lines().map(l -> Json.read(l, JsonNode.class)).toList();
        assertThat(docs).extracting(d -> d.get("doc").asText()).containsExactly("seed", "en-1");
        JsonNode urdu = docs.get(0);
        assertThat(urdu.get("language").asText()).isEqualTo("ur");
        assertThat(urdu.get("quotes")).hasSizeGreaterThanOrEqualTo(13);
        for (JsonNode q : urdu.get("quotes")) {
            int begin = q.get("begin").asInt();
            int end = q.get("end").asInt();
            assertThat(end).isGreaterThan(begin);
            assertThat(q.get("kind").asText()).isIn("direct", "indirect", "partial");
            if (!q.get("speakerBegin").isNull()) {
                String mention = seed.substring(q.get("speakerBegin").asInt(), q.get("speakerEnd").asInt());
                assertThat(mention).isNotBlank();
            }
        }
        JsonNode en = docs.get(1).get("quotes").get(0);
        assertThat(english.substring(en.get("begin").asInt(), en.get("end").asInt())).startsWith("We are way ahead on chips");
        assertThat(en.get("speaker").asText()).isEqualTo("Jensen Huang");
        assertThat(english.substring(en.get("speakerBegin").asInt(), en.get("speakerEnd").asInt())).isEqualTo("Jensen Huang");
        assertThat(en.get("kind").asText()).isEqualTo("direct");
    }
}
