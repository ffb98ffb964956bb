package io.stancewire.alerts;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses webhook URLs the notifier must not call (server-side request forgery: a subscription must not make us POST
 * to the cloud metadata service or an internal admin port): schemes other than http(s), URLs with credentials, and,
 * unless private addresses are allowed (tests, a local run), hosts resolving to loopback, private, link-local,
 * carrier-grade NAT, multicast, reserved or unspecified addresses. Checked at subscribe time and before every POST
 * (DNS may change in between); redirects are never followed. The producer's UrlGuard is package-private to its
 * module and throws its fetch exceptions, hence this small equivalent.
 */
public final class WebhookGuard {
    private final boolean allowPrivateAddresses;

    public WebhookGuard(boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** @throws InvalidSubscriptionException saying why the URL is refused */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSubscriptionException("webhookUrl is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidSubscriptionException("webhookUrl must be http or https, not " + url);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new InvalidSubscriptionException("webhookUrl has no host: " + url);
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidSubscriptionException("webhookUrl must not carry credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new InvalidSubscriptionException("webhookUrl host does not resolve: " + host);
        }
        if (!allowPrivateAddresses) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new InvalidSubscriptionException("webhookUrl host " + host + " resolves to the internal address "
                            + address.getHostAddress());
                }
            }
        }
        return uri;
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local
            }
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) { // ::ffff:a.b.c.d carries an IPv4 address
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || (first == 100 && second >= 64 && second < 128) // 100.64/10 carrier-grade NAT
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 IETF protocol assignments
                || first >= 240; // reserved and broadcast
    }
}
