package io.stancewire.producer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises syndicated copies: the same wire story under another outlet's URL. Each text gets a 64-bit SimHash of
 * its word 3-grams; two texts whose hashes differ in at most {@link #MAX_DISTANCE} bits are the same story (a copy
 * with its own first line, a tagline and one paragraph dropped is about 3 bits away; unrelated texts about 32, half
 * a story about 16). Lookup splits the hash into eight 8-bit bands: hashes within 7 bits agree on at least one band
 * (pigeonhole), so only the texts sharing a band are compared.
 */
final class NearDuplicates {
    static final int MAX_DISTANCE = 6;
    private static final int BANDS = 8;
    /** Below this many words a text (a teaser, a caption) says too little to call it a copy of another. */
    static final int MIN_WORDS = 40;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’]*");

    private record Known(String id, long hash) {}

    private final Map<Long, List<Known>> bands = new HashMap<>();

    /** The SimHash of a text, or empty when the text is too short to compare. */
    static Optional<Long> simhash(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        if (words.size() < MIN_WORDS) {
            return Optional.empty();
        }
        int[] weights = new int[64];
        for (int i = 0; i + 2 < words.size(); i++) {
            long h = fnv1a(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2));
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long hash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                hash |= 1L << bit;
            }
        }
        return Optional.of(hash);
    }

    /** The id of a known text within {@link #MAX_DISTANCE} bits of {@code hash}, other than {@code selfId}. */
    synchronized Optional<String> find(long hash, String selfId) {
        for (int band = 0; band < BANDS; band++) {
            for (Known k : bands.getOrDefault(bandKey(hash, band), List.of())) {
                if (!k.id().equals(selfId) && Long.bitCount(k.hash() ^ hash) <= MAX_DISTANCE) {
                    return Optional.of(k.id());
                }
            }
        }
        return Optional.empty();
    }

    synchronized void add(String id, long hash) {
        Known known = new Known(id, hash);
        for (int band = 0; band < BANDS; band++) {
            bands.computeIfAbsent(bandKey(hash, band), k -> new ArrayList<>(1)).add(known);
        }
    }

    private static long bandKey(long hash, int band) {
        return ((long) band << 8) | ((hash >>> (band * 8)) & 0xFF);
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        // FNV's low bits mix poorly for short inputs; a final avalanche (from SplitMix64) spreads them.
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
