package io.stancewire.producer;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DNS rebinding: a name that resolves to a public address when checked and to 127.0.0.1 when connected must not
 * reach loopback. A real server listens on 127.0.0.1 and counts what reaches it; the resolver is the attacker's.
 */
class DnsRebindingTest {
    static HttpServer loopback;
    static final AtomicInteger hits = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        loopback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        loopback.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] body = "<rss version=\"2.0\"><channel><title>internal</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        loopback.start();
    }

    @AfterAll
    static void stop() {
        loopback.stop(0);
    }

    /** Answers {@code first} to the first lookup and 127.0.0.1 to every later one, counting lookups. */
    static final class RebindingResolver implements UrlGuard.Resolver {
        final AtomicInteger lookups = new AtomicInteger();
        private final InetAddress first;

        RebindingResolver(InetAddress first) {
            this.first = first;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return new InetAddress[] {lookups.getAndIncrement() == 0 ? first : InetAddress.getByName("127.0.0.1")};
        }
    }

    private static HttpFetcher fetcher(boolean allowPrivate, UrlGuard.Resolver resolver) {
        ProducerSettings s = new ProducerSettings(null, List.of(), null, null, null, Duration.ofMillis(700),
                Duration.ofSeconds(2), 3, 1024L * 1024, 1024L * 1024, null, allowPrivate, List.of(), Duration.ZERO,
                null, null);
        return new HttpFetcher(s, resolver);
    }

    private static URI url(String host) {
        return URI.create("http://" + host + ":" + loopback.getAddress().getPort() + "/feed.xml");
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckNeverReachesLoopback() throws Exception {
        hits.set(0);
        // 203.0.113.0/24 is TEST-NET-3: public by the rules, and nothing answers there.
        RebindingResolver resolver = new RebindingResolver(InetAddress.getByName("203.0.113.7"));
        try (HttpFetcher f = fetcher(false, resolver)) {
            assertThatThrownBy(() -> f.get(url("rebind.attacker.example"), "*/*", 1024, ContentTypes::mayBeFeed))
                    .isInstanceOfSatisfying(FetchException.class,
                            e -> assertThat(e.reason()).isIn("timeout", "connection-failed"));
        }
        assertThat(hits.get()).as("requests that reached the loopback server").isZero();
        assertThat(resolver.lookups.get()).as("the name is resolved once, for the check; the connection uses that answer").isEqualTo(1);
    }

    @Test
    void theCheckedAddressIsTheOneConnectedTo() throws Exception {
        hits.set(0);
        // The positive control: a name only our resolver knows, answered with loopback (allowed here), is reached,
        // so the connection really uses the checked answer and not a second, system lookup.
        RebindingResolver resolver = new RebindingResolver(InetAddress.getByName("127.0.0.1"));
        try (HttpFetcher f = fetcher(true, resolver)) {
            FetchResult r = f.get(url("feeds.only-our-resolver.test"), "*/*", 1024, ContentTypes::mayBeFeed);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("internal");
        }
        assertThat(hits.get()).isEqualTo(1);
        assertThat(resolver.lookups.get()).isEqualTo(1);
    }

    @Test
    void aNameThatAnswersLoopbackAtTheCheckIsRefusedBeforeAnyConnection() throws Exception {
        hits.set(0);
        RebindingResolver resolver = new RebindingResolver(InetAddress.getByName("127.0.0.1"));
        try (HttpFetcher f = fetcher(false, resolver)) {
            assertThatThrownBy(() -> f.get(url("sneaky.example"), "*/*", 1024, ContentTypes::mayBeFeed))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo("address-refused"));
        }
        assertThat(hits.get()).isZero();
    }

    @Test
    void theConnectionPoolCannotResolveANameNobodyChecked() {
        PinnedDnsResolver dns = new PinnedDnsResolver();
        assertThatThrownBy(() -> dns.resolve("localhost")).isInstanceOf(PinnedDnsResolver.NotPinnedException.class);
    }
}
