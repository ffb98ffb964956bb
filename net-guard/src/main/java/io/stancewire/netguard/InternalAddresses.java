package io.stancewire.netguard;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Addresses that a fetch on behalf of outside input (a feed URL, a subscriber's webhook) must not reach unless the
 * operator allows it: loopback, private, link-local, unique-local, carrier-grade NAT, reserved ranges, and IPv6
 * addresses that carry one of those. One copy, shared by the feed fetcher and the webhook notifier, so a fix to
 * the SSRF rules reaches both.
 */
public final class InternalAddresses {
    private InternalAddresses() {}

    public static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
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
