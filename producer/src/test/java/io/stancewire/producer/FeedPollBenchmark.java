package io.stancewire.producer;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.local.LocalKafka;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls/s of the real producer ({@link FeedProducer#pollOnce()}, on a real local broker) against a local HTTP server
 * serving 2,000 feeds built from the shared corpus (the files the manifest expects to parse, repeated under 2,000
 * URLs, spread over 100 loopback addresses 127.0.0.1-100 so that per-host politeness, one request at a time per
 * host, holds as it would on the web). Three rounds:
 * <ol>
 *   <li>first poll: full fetch + parse, new articles published (feeds' own content, no page fetches);</li>
 *   <li>every feed changed its ETag: full fetch + parse again, every entry already seen;</li>
 *   <li>nothing changed: conditional GET, every feed answers 304.</li>
 * </ol>
 * Arguments: [feeds=2000] [pollThreads=8] [hosts=100]. Not part of the test suite: {@code scripts/bench feeds-poll}.
 */
public final class FeedPollBenchmark {
    public static void main(String[] args) throws Exception {
        int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int hosts = args.length > 2 ? Integer.parseInt(args[2]) : 100;

        List<byte[]> bodies = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String folder : FeedCorpus.FOLDERS) {
            for (FeedCorpus.Entry e : FeedCorpus.manifest(folder)) {
                if (e.shouldParse()) {
                    bodies.add(Files.readAllBytes(e.path()));
                    types.add(e.contentType() == null ? "application/xml" : e.contentType());
                }
            }
        }
        AtomicInteger generation = new AtomicInteger();
        AtomicLong requests = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(0), 512);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/feed/", ex -> {
            requests.incrementAndGet();
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring("/feed/".length()));
            int file = n % bodies.size();
            String etag = "\"" + n + "-" + generation.get() + "\"";
            ex.getResponseHeaders().add("ETag", etag);
            ex.getResponseHeaders().add("Content-Type", types.get(file));
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                byte[] body = bodies.get(file);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        int port = server.getAddress().getPort();

        List<FeedConfig> configs = new ArrayList<>();
        for (int i = 0; i < feeds; i++) {
            configs.add(FeedConfig.of("http://127.0.0." + (1 + i % hosts) + ":" + port + "/feed/" + i));
        }
        Path dir = Files.createTempDirectory("feed-poll-bench");
        System.out.printf("%d feeds from %d corpus files on %d hosts, %d poll threads, %d cores, heap max %d MB%n",
                feeds, bodies.size(), hosts, threads, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        try (LocalKafka kafka = LocalKafka.startForTests(dir.resolve("kafka"))) {
            KafkaTestSupport.createTopics(kafka.bootstrapServers());
            ProducerSettings settings = new ProducerSettings(kafka.bootstrapServers(), configs, false, null, null,
                    Duration.ofSeconds(5), Duration.ofSeconds(30), null, null, null, null, true, null, Duration.ZERO,
                    null, "feed-poll-bench", threads);
            try (FeedProducer producer = new FeedProducer(settings, new SimpleMeterRegistry())) {
                round("full fetch + parse, new articles published", producer, requests);
                generation.incrementAndGet();
                round("full fetch + parse, all entries known", producer, requests);
                round("conditional GET, all 304", producer, requests);
                round("conditional GET, all 304 (again)", producer, requests);
            }
        } finally {
            server.stop(0);
        }
        System.exit(0); // the HTTP server's executor
    }

    private static void round(String name, FeedProducer producer, AtomicLong requests) {
        long before = requests.get();
        long cpuBefore = cpuNanos();
        long start = System.nanoTime();
        PollSummary s = producer.pollOnce();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuBefore) / 1e9;
        int polls = s.feedsOk() + s.feedsNotModified() + s.feedsFailed();
        System.gc();
        long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.printf("%-44s %6.0f polls/s  %7.0f items/s  %5.1f s  (%d ok, %d not modified, %d failed, %d items, "
                        + "%d published, %d requests)  process CPU %.1f s  heap after GC %d MB%n",
                name, polls / seconds, s.itemsSeen() / seconds, seconds, s.feedsOk(), s.feedsNotModified(),
                s.feedsFailed(), s.itemsSeen(), s.published(), requests.get() - before, cpu, heap);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
