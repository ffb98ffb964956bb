package io.stancewire.producer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes feed bytes the way RFC 7303 and real feed readers do: a byte-order mark wins, then the HTTP charset, then
 * the XML declaration's encoding, then UTF-16/32 recognised from the first bytes, then UTF-8 — and bytes that are
 * not valid UTF-8 without any declaration are read as windows-1252, the usual culprit.
 */
final class FeedDecoder {
    private FeedDecoder() {}

    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    /** Labels read as a superset (publishers mean the superset) or as the JDK's name for the same charset. */
    private static final Map<String, String> SUPERSETS = Map.ofEntries(
            Map.entry("gb2312", "GB18030"),
            Map.entry("gbk", "GB18030"),
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"),
            Map.entry("ks_c_5601-1987", "EUC-KR"),
            Map.entry("x-sjis", "windows-31j"),
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("big5", "Big5-HKSCS"),
            Map.entry("macintosh", "x-MacRoman"),
            Map.entry("mac", "x-MacRoman"));

    static String decode(byte[] bytes, String contentType) {
        Optional<Charset> bom = bomCharset(bytes);
        if (bom.isPresent()) {
            return lenient(bytes, bom.get()).replaceFirst("^\uFEFF", "");
        }
        Optional<Charset> http = ContentTypes.charset(contentType).flatMap(FeedDecoder::charset);
        if (http.isPresent()) {
            return lenient(bytes, http.get());
        }
        Charset sniffed = sniff(bytes);
        String head = new String(bytes, 0, Math.min(bytes.length, 400), sniffed);
        Matcher m = DECLARED.matcher(head);
        if (m.find()) {
            Optional<Charset> declared = charset(m.group(1));
            // A generic "utf-16"/"utf-32" label says nothing about byte order; the sniffed layout does.
            if (declared.isPresent() && compatible(sniffed, declared.get()) && !isWide(sniffed)) {
                return lenient(bytes, declared.get());
            }
        }
        if (!sniffed.equals(StandardCharsets.UTF_8)) {
            return lenient(bytes, sniffed);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return lenient(bytes, Charset.forName("windows-1252"));
        }
    }

    private static boolean isWide(Charset cs) {
        return cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32");
    }

    /** A declaration in ASCII cannot name UTF-16 truthfully, and a UTF-16 file cannot be read as a single-byte one. */
    private static boolean compatible(Charset sniffed, Charset declared) {
        boolean sniffedWide = sniffed.name().startsWith("UTF-16") || sniffed.name().startsWith("UTF-32");
        boolean declaredWide = declared.name().startsWith("UTF-16") || declared.name().startsWith("UTF-32");
        return sniffedWide == declaredWide || sniffed.name().equals("IBM037");
    }

    static Optional<Charset> charset(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        String name = SUPERSETS.getOrDefault(l, label.strip());
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> bomCharset(byte[] b) {
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return Optional.of(Charset.forName("UTF-32BE"));
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return Optional.of(Charset.forName("UTF-32LE"));
        }
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (starts(b, 0xFE, 0xFF)) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (starts(b, 0xFF, 0xFE)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    /** The XML spec's autodetection (appendix F) from how '<?' is laid out in the first four bytes. */
    private static Charset sniff(byte[] b) {
        if (starts(b, 0x00, 0x00, 0x00, 0x3C)) {
            return Charset.forName("UTF-32BE");
        }
        if (starts(b, 0x3C, 0x00, 0x00, 0x00)) {
            return Charset.forName("UTF-32LE");
        }
        if (starts(b, 0x00, 0x3C, 0x00, 0x3F)) {
            return StandardCharsets.UTF_16BE;
        }
        if (starts(b, 0x3C, 0x00, 0x3F, 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        if (starts(b, 0x4C, 0x6F, 0xA7, 0x94)) {
            return Charset.forName("IBM037");
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String lenient(byte[] bytes, Charset cs) {
        try {
            CharBuffer chars = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, cs); // unreachable with REPLACE; kept total for the compiler
        }
    }
}
