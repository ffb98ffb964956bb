package io.stancewire.producer;

import io.stancewire.netguard.InternalAddresses;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses URLs the producer must not fetch: other schemes than http(s), and, unless allowed, hosts that resolve to
 * loopback, private, link-local, carrier-grade NAT, multicast or unspecified addresses (server-side request forgery:
 * a feed must not make us read the cloud metadata service or an internal admin page). Checked for the first URL and
 * for every redirect target, after DNS resolution, with every address the name resolves to.
 */
final class UrlGuard {
    private final boolean allowPrivateAddresses;
    private final java.util.Set<String> allowedHosts;

    UrlGuard(boolean allowPrivateAddresses, java.util.List<String> allowedHosts) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    UrlGuard(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, java.util.List.of());
    }

    void check(URI uri) throws FetchException {
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
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new FetchException("dns-failed", "cannot resolve host " + host, e);
        }
        String lowerHost = host.toLowerCase(Locale.ROOT);
        if (allowPrivateAddresses || allowedHosts.contains(lowerHost) || allowedHosts.contains(lowerHost + ":" + port(uri))) {
            return;
        }
        for (InetAddress address : addresses) {
            if (InternalAddresses.isInternal(address)) {
                throw new FetchException("address-refused", host + " resolves to the internal address "
                        + address.getHostAddress() + " (set allowPrivateAddresses to fetch from it)");
            }
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
