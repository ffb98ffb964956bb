package io.stancewire.producer;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection pool's only name resolution: it answers with the addresses {@link UrlGuard} checked for the request
 * being made ({@link #pin}), so the socket goes to a checked address even when the name's DNS answer changes between
 * the check and the connect (DNS rebinding: public for the check, 127.0.0.1 for the connection). A name nobody
 * pinned is refused rather than looked up unchecked.
 */
final class PinnedDnsResolver implements DnsResolver {
    /** Raised to the connection attempt; the fetcher reports it as {@code address-refused}. */
    static final class NotPinnedException extends UnknownHostException {
        NotPinnedException(String host) {
            super("refusing to connect to " + host + ": its addresses were not checked for this request");
        }
    }

    private final ConcurrentHashMap<String, InetAddress[]> pinned = new ConcurrentHashMap<>();

    /** The addresses to use for {@code host} until {@link #unpin}; requests to one host run one at a time. */
    void pin(String host, InetAddress[] addresses) {
        pinned.put(key(host), addresses.clone());
    }

    void unpin(String host) {
        pinned.remove(key(host));
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = pinned.get(key(host));
        if (addresses == null) {
            throw new NotPinnedException(host);
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host; // only used for Kerberos/SPNEGO, which the fetcher never does; never worth a lookup
    }

    private static String key(String host) {
        return UrlGuard.bare(host).toLowerCase(Locale.ROOT);
    }
}
