package io.stancewire.producer;

import java.util.Locale;
import java.util.Optional;

/** Content-Type header helpers. */
final class ContentTypes {
    private ContentTypes() {}

    static String mimeType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset label of a Content-Type as written (it may name a charset the JDK calls differently). */
    static Optional<String> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String cs = p.substring(eq + 1).strip().replace("\"", "").replace("'", "");
                if (!cs.isEmpty()) {
                    return Optional.of(cs);
                }
            }
        }
        return Optional.empty();
    }

    /** HTML, or nothing said (many servers omit the header): worth handing to an HTML parser. */
    static boolean isHtmlLike(String contentType) {
        String mime = mimeType(contentType);
        return mime.isEmpty() || mime.equals("text/html") || mime.equals("application/xhtml+xml")
                || mime.equals("text/plain") || mime.equals("application/octet-stream");
    }

    /** Types a feed may come with. Servers label feeds inconsistently, so text/html and text/plain are accepted too
     *  and the parser decides; images, video, PDFs and the like are refused before downloading the body. */
    static boolean mayBeFeed(String contentType) {
        String mime = mimeType(contentType);
        return mime.isEmpty() || mime.contains("xml") || mime.contains("rss") || mime.contains("atom")
                || mime.startsWith("text/") || mime.equals("application/octet-stream");
    }
}
