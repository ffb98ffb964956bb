package io.stancewire.alerts;

import java.util.Locale;
import java.util.regex.Pattern;

/** How names compare: case, surrounding and repeated whitespace and a leading "the" do not matter ("the DGA  group"). */
final class Keys {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Keys() {}

    /** @return the comparison key, or null when the value is absent or blank (a filter that matches anything) */
    static String of(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String key = SPACES.matcher(value.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return key.startsWith("the ") ? key.substring(4) : key;
    }
}
