package io.stancewire.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic ids: the same input always gives the same id, which is what makes re-processing idempotent. */
public final class Ids {
    private Ids() {}

    public static String articleId(String canonicalUrl) {
        return hash("article\u0000" + canonicalUrl);
    }

    public static String quoteId(String articleId, int begin, int end) {
        return hash("quote\u0000" + articleId + "\u0000" + begin + "\u0000" + end);
    }

    /** 128 bits of SHA-256 in hex: short enough for a document id, wide enough to never collide in practice. */
    public static String hash(String input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
