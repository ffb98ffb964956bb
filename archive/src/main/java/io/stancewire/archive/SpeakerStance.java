package io.stancewire.archive;

import java.util.List;
import java.util.Map;

/** A speaker's quotes per week and stance label (the first target's), for the console's chart. */
public record SpeakerStance(String speaker, List<Week> weeks) {

    /** @param week the Monday that starts the week (UTC), {@code yyyy-MM-dd} */
    public record Week(String week, long total, Map<String, Long> counts) {}
}
