package io.stancewire.producer;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCheckTest {
    private static final String RSS = "<rss version=\"2.0\"><channel><title>T</title><link>https://e.example/</link>"
            + "<item><title>a</title><link>https://e.example/1</link></item>"
            + "<item><title>b</title></item></channel></rss>";

    @Test
    void reportsFilesDirectoriesAndUrlsWithoutThrowing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.xml"), RSS);
        Files.writeString(dir.resolve("page.html"), "<!DOCTYPE html><html><body>hello</body></html>");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rss", ex -> {
            byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/rss";
        ProducerSettings settings = ProducerSettings.of("unused:9092", List.of())
                .withAllowPrivateAddresses(true).withPerHostDelay(Duration.ZERO);
        try (FeedCheck check = new FeedCheck(settings)) {
            List<FeedCheck.Result> results = check.check(List.of(dir.toString(), url,
                    dir.resolve("missing.xml").toString(), "http://127.0.0.1:" + server.getAddress().getPort() + "/nope"));
            assertThat(results).extracting(r -> Path.of(r.input()).getFileName().toString() + " " + r.ok() + " "
                            + (r.ok() ? r.feedType() + " " + r.items() + "/" + r.itemsWithLink() : r.reason()))
                    .containsExactly("good.xml true rss_2.0 2/1", "page.html false feed-not-xml", "rss true rss_2.0 2/1",
                            "missing.xml false unreadable", "nope false http-404");
            assertThat(results.get(1).toTsv()).contains("FAIL\tfeed-not-xml\t0\tan HTML page");

            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            int failures = check.report(List.of(dir.resolve("good.xml").toString(), dir.resolve("page.html").toString()),
                    new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(failures).isEqualTo(1);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("OK\trss_2.0\t2").endsWith("2 checked, 1 ok, 1 failed\n");
        } finally {
            server.stop(0);
        }
        // Without the setting, a loopback URL is refused, and said so.
        try (FeedCheck strict = new FeedCheck(ProducerSettings.of("unused:9092", List.of()))) {
            assertThat(strict.checkUrl(url).reason()).isEqualTo("address-refused");
        }
    }
}
