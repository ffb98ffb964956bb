package io.stancewire.producer;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One URL per article, whatever tracking decoration or spelling a feed uses, so that {@code Ids.articleId} of the
 * result identifies the article: lower-case scheme and host (IDN to punycode), no default port, no fragment, no
 * tracking parameters, remaining parameters sorted, dot segments resolved, percent-escapes normalised, no trailing
 * slash on a non-root path.
 */
public final class UrlCanonicalizer {
    private UrlCanonicalizer() {}

    /** Query parameters that only track the click and never select content. */
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
            "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wickedid",
            "ocid", "cmpid", "smid", "smtyp", "ito", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname",
            "ns_fee", "sr_share", "ref_src", "ref_url", "s_cid", "at_medium", "at_campaign", "guccounter",
            "xtor", "rss");
    private static final Pattern TRACKING_PREFIX = Pattern.compile("^(utm_|pk_|mtm_|hsa_|__twitter|at_)",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param url  an absolute URL, or a relative one when {@code base} is given
     * @return the canonical form, or empty when the input is not a usable http(s) URL
     */
    public static Optional<String> canonicalize(String url, URI base) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = parseLenient(url.strip());
            if (base != null && !uri.isAbsolute()) {
                uri = base.resolve(uri);
            }
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null) {
                return Optional.empty();
            }
            String host = uri.getHost();
            int port = uri.getPort();
            if (host == null) {
                // java.net.URI leaves non-ASCII (IDN) host names unparsed; take them from the authority.
                String authority = uri.getAuthority();
                authority = authority.substring(authority.lastIndexOf('@') + 1);
                int colon = authority.lastIndexOf(':');
                if (colon > 0 && authority.indexOf(']') < colon) {
                    port = Integer.parseInt(authority.substring(colon + 1));
                    authority = authority.substring(0, colon);
                }
                host = authority;
            }
            if (host.isEmpty()) {
                return Optional.empty();
            }
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
                port = -1;
            }
            String path = normalisePercent(uri.normalize().getRawPath());
            if (path == null || path.isEmpty()) {
                path = "/";
            }
            while (path.startsWith("/../")) {
                path = path.substring(3);
            }
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = canonicalQuery(uri.getRawQuery());
            StringBuilder out = new StringBuilder(scheme).append("://").append(host);
            if (port >= 0) {
                out.append(':').append(port);
            }
            out.append(path);
            if (!query.isEmpty()) {
                out.append('?').append(query);
            }
            return Optional.of(out.toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Optional<String> canonicalize(String url) {
        return canonicalize(url, null);
    }

    /** Feeds carry URLs with spaces, raw non-ASCII and stray characters; escape them instead of giving up. */
    static URI parseLenient(String url) throws URISyntaxException {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            StringBuilder escaped = new StringBuilder();
            boolean inFragment = false;
            for (int i = 0; i < url.length(); i++) {
                char c = url.charAt(i);
                boolean badPercent = c == '%' && !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)));
                boolean secondHash = c == '#' && inFragment;
                inFragment |= c == '#';
                if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0 || badPercent || secondHash) {
                    int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
                    for (byte b : url.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                        escaped.append('%').append(String.format("%02X", b & 0xff));
                    }
                    i = end - 1;
                } else {
                    escaped.append(c);
                }
            }
            return new URI(escaped.toString());
        }
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (TRACKING.contains(name) || TRACKING_PREFIX.matcher(name).find()) {
                continue;
            }
            kept.add(normalisePercent(pair));
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    /** Upper-case hex in escapes and decode escapes of unreserved characters, so %7e and ~ are one URL. */
    private static String normalisePercent(String s) {
        if (s == null || s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                int v = Integer.parseInt(s.substring(i + 1, i + 3), 16);
                if (Character.isLetterOrDigit(v) && v < 0x80 || v == '-' || v == '.' || v == '_' || v == '~') {
                    out.append((char) v);
                } else {
                    out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
