package io.stancewire.alerts;

import java.util.Locale;

/** How names compare: case, surrounding and repeated whitespace and a leading "the" do not matter ("the DGA  group"). */
final class Keys {
    private Keys() {}

    /** @return the comparison key, or null when the value is absent or blank (a filter that matches anything) */
    static String of(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String key = value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return key.startsWith("the ") ? key.substring(4) : key;
    }
}
