package io.stancewire.producer;

import io.stancewire.netguard.InternalAddresses;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses URLs the producer must not fetch: other schemes than http(s), and, unless allowed, hosts that resolve to
 * loopback, private, link-local, carrier-grade NAT, multicast or unspecified addresses (server-side request forgery:
 * a feed must not make us read the cloud metadata service or an internal admin page). Checked for the first URL and
 * for every redirect target, after DNS resolution, with every address the name resolves to; {@link #check} returns
 * those addresses so the fetcher connects to them and not to whatever a second lookup would say (DNS rebinding).
 */
final class UrlGuard {
    /** Name resolution; the system's by default, a hostile one in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver SYSTEM = InetAddress::getAllByName;

    private final boolean allowPrivateAddresses;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    UrlGuard(boolean allowPrivateAddresses, List<String> allowedHosts, Resolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    UrlGuard(boolean allowPrivateAddresses, List<String> allowedHosts) {
        this(allowPrivateAddresses, allowedHosts, SYSTEM);
    }

    UrlGuard(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, List.of());
    }

    /** Checks the URL and returns the addresses its host resolved to, every one of them allowed. */
    InetAddress[] check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("scheme-refused", "only http and https URLs are fetched, not " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new FetchException("invalid-url", "URL has no host: " + uri);
        }
        if (uri.getUserInfo() != null) {
            throw new FetchException("invalid-url", "URLs with credentials are not fetched: " + uri.getHost());
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare(host));
        } catch (UnknownHostException e) {
            throw new FetchException("dns-failed", "cannot resolve host " + host, e);
        }
        if (addresses == null || addresses.length == 0) {
            throw new FetchException("dns-failed", "host " + host + " has no address");
        }
        String lowerHost = host.toLowerCase(Locale.ROOT);
        if (allowPrivateAddresses || allowedHosts.contains(lowerHost) || allowedHosts.contains(lowerHost + ":" + port(uri))) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (InternalAddresses.isInternal(address)) {
                throw new FetchException("address-refused", host + " resolves to the internal address "
                        + address.getHostAddress() + " (set allowPrivateAddresses to fetch from it)");
            }
        }
        return addresses;
    }

    /** An IPv6 literal without its brackets, which is how resolvers and connection pools name it. */
    static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
