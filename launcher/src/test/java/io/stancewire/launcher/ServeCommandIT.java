package io.stancewire.launcher;

import io.stancewire.local.LocalElasticsearch;
import io.stancewire.local.LocalKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** `serve` over a real broker and node, as docker-compose runs it beside the stages: archive, console and alerts. */
class ServeCommandIT {
    static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheArchiveTheConsoleAndTheAlertApiUntilStopped(@TempDir Path dir) throws Exception {
        Path owners = Files.writeString(dir.resolve("owners.properties"), "erin.apiKey=erin-key\nerin.webhookSecret=erin-secret\n");
        int apiPort = freePort();
        int alertsPort = freePort();
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--kafka", LocalKafka.sharedForTests().bootstrapServers(),
                "--elasticsearch", LocalElasticsearch.sharedForTests().httpUrl().toString(),
                "--api-port", Integer.toString(apiPort), "--alerts-port", Integer.toString(alertsPort),
                "--owners", owners.toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        command.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        StopSignal signal = new StopSignal();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return command.serve(signal);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        await().atMost(Duration.ofMinutes(2)).until(() -> printed.toString(StandardCharsets.UTF_8).contains("serving")
                || exit.isDone());
        assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isNotDone();
        String base = "http://127.0.0.1:" + apiPort;

        HttpResponse<String> quotes = get(base + "/api/quotes?size=1", null);
        assertThat(quotes.statusCode()).as(quotes.body()).isEqualTo(200);
        assertThat(quotes.body()).contains("\"total\"");
        HttpResponse<String> console = get(base + "/", null);
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("<title>Stancewire console</title>");
        // The alert API answers on its own port and, for the console, through the archive's.
        assertThat(get("http://127.0.0.1:" + alertsPort + "/api/alerts/subscriptions", "erin-key").statusCode()).isEqualTo(200);
        HttpResponse<String> forwarded = get(base + "/api/alerts/subscriptions", "erin-key");
        assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);
        assertThat(forwarded.body()).isEqualTo("[]");
        assertThat(get(base + "/api/alerts/subscriptions", "mallory-key").statusCode()).isEqualTo(401);

        signal.requestStop();
        assertThat(exit.get(1, TimeUnit.MINUTES)).isZero();
        try (ServerSocket again = new ServerSocket(apiPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the port is free again after the stop").isEqualTo(apiPort);
        }
    }

    private static HttpResponse<String> get(String url, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
