package io.stancewire.model;

import java.util.List;

/**
 * A quote's stance on a target.
 *
 * @param label      FAVOR, AGAINST, NEUTRAL or NONE
 * @param confidence calibrated probability of {@code label}
 * @param evidence   the phrases that decided it
 */
public record Stance(String target, String label, double confidence, List<String> evidence) {
    public Stance {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
