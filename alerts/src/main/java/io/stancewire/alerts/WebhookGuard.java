package io.stancewire.alerts;

import io.stancewire.netguard.InternalAddresses;

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
                if (InternalAddresses.isInternal(address)) {
                    throw new InvalidSubscriptionException("webhookUrl host " + host + " resolves to the internal address "
                            + address.getHostAddress());
                }
            }
        }
        return uri;
    }
}
