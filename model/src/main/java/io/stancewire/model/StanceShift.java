package io.stancewire.model;

import java.time.Instant;

/**
 * A speaker's rolling stance on a target crossed from one side to the other, one record per crossing on
 * {@link Topics#STANCE_SHIFTS}, keyed by {@link #id()}.
 *
 * @param id            deterministic from speaker key, target and triggering quote, so a replay overwrites
 * @param speakerKey    speaker id, or {@code name:} + normalised name when the speaker has none
 * @param from          FAVOR or AGAINST: the side the speaker was on
 * @param to            the other side
 * @param previousScore rolling score before the triggering quote, in [-1, 1] (positive = FAVOR)
 * @param score         rolling score after it
 * @param quoteId       the quote that tipped the balance
 * @param at            publication time of that quote
 */
public record StanceShift(
        int schemaVersion,
        String id,
        String target,
        String speakerKey,
        String speakerId,
        String speakerName,
        String affiliation,
        String from,
        String to,
        double previousScore,
        double score,
        String quoteId,
        String articleId,
        String quoteText,
        String url,
        String outlet,
        Instant at) {

    public static String id(String speakerKey, String target, String quoteId) {
        return Ids.hash("shift\u0000" + speakerKey + "\u0000" + target + "\u0000" + quoteId);
    }
}
