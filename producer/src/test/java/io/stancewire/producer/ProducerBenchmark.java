package io.stancewire.producer;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the producer's CPU-bound steps, printed (run as a main; not part of the test suite): main-text
 * extraction of saved pages, feed parsing over the whole shared corpus, and URL canonicalisation. Network and
 * Kafka are excluded: they are measured by where they run, not here.
 */
public final class ProducerBenchmark {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        extraction("urdu-article.html", rounds);
        extraction("english-article.html", rounds);
        corpus(Math.max(3, rounds / 50));
        canonical(rounds * 100);
    }

    private static void extraction(String page, int rounds) throws Exception {
        byte[] html;
        try (InputStream in = ProducerBenchmark.class.getResourceAsStream("/pages/" + page)) {
            html = in.readAllBytes();
        }
        URI base = URI.create("https://example.com/a");
        for (int i = 0; i < 50; i++) {
            ArticleExtractor.extract(html, null, base); // warm-up
        }
        long start = System.nanoTime();
        long chars = 0;
        for (int i = 0; i < rounds; i++) {
            chars += ArticleExtractor.extract(html, null, base).text().length();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("extract %-22s %8.0f pages/s  %6.1f MB/s of HTML  (%d chars of text each)%n",
                page, rounds / seconds, rounds * (double) html.length / seconds / 1e6, chars / rounds);
    }

    private static void corpus(int rounds) throws Exception {
        List<FeedCorpus.Entry> entries = new ArrayList<>();
        for (String folder : FeedCorpus.FOLDERS) {
            entries.addAll(FeedCorpus.manifest(folder));
        }
        List<byte[]> bodies = new ArrayList<>();
        long bytes = 0;
        for (FeedCorpus.Entry e : entries) {
            byte[] b = Files.readAllBytes(e.path());
            bodies.add(b);
            bytes += b.length;
        }
        for (int i = 0; i < bodies.size(); i++) {
            FeedCheck.checkBytes(entries.get(i).key(), bodies.get(i), entries.get(i).contentType(), null); // warm-up
        }
        long start = System.nanoTime();
        int items = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < bodies.size(); i++) {
                items += FeedCheck.checkBytes(entries.get(i).key(), bodies.get(i), entries.get(i).contentType(), null).items();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("parse corpus (%d files, %.1f MB)   %8.0f feeds/s  %8.0f items/s  %6.1f MB/s%n",
                bodies.size(), bytes / 1e6, rounds * bodies.size() / seconds, items / seconds, rounds * bytes / seconds / 1e6);
    }

    private static void canonical(int rounds) {
        String[] urls = {
            "https://www.Example.com/2024/12/03/china-ai/?utm_source=rss&utm_medium=feed&id=7#top",
            "http://news.example.pk:80/urdu/خبریں/چین?fbclid=abc",
            "https://example.org/a/./b/../c/%7euser?b=2&a=1&gclid=x",
        };
        long start = System.nanoTime();
        int ok = 0;
        for (int i = 0; i < rounds; i++) {
            ok += UrlCanonicalizer.canonicalize(urls[i % urls.length]).isPresent() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("canonicalise URLs                 %8.0f urls/s (%d ok)%n", rounds / seconds, ok);
    }
}
