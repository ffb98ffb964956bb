package io.stancewire.streams.trends;

import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;
import io.stancewire.streams.nlp.speakers.Names;

/** Which stances count and whose they are. */
final class Labels {
    static final String FAVOR = "FAVOR";
    static final String AGAINST = "AGAINST";
    static final String NEUTRAL = "NEUTRAL";

    private Labels() {}

    /** FAVOR, AGAINST and NEUTRAL speak to the target; NONE (and anything unknown) means the quote is not about it. */
    static boolean counts(Stance stance) {
        return stance != null && stance.target() != null
                && (FAVOR.equals(stance.label()) || AGAINST.equals(stance.label()) || NEUTRAL.equals(stance.label()));
    }

    /** +1 for FAVOR, -1 for AGAINST, 0 for NEUTRAL. */
    static int sign(String label) {
        return switch (label) {
            case FAVOR -> 1;
            case AGAINST -> -1;
            default -> 0;
        };
    }

    /** The registry id when resolution found one, else the normalised name; null for an anonymous speaker. */
    static String speakerKey(Speaker speaker) {
        if (speaker == null) {
            return null;
        }
        if (speaker.id() != null && !speaker.id().isBlank()) {
            return speaker.id();
        }
        String name = normalised(speaker.name());
        return name == null ? null : "name:" + name;
    }

    /** The organisation a quote speaks for: the speaker's affiliation, or the speaker itself when it is one. */
    static String organization(Speaker speaker) {
        if (speaker == null) {
            return null;
        }
        if (speaker.affiliation() != null && !speaker.affiliation().isBlank()) {
            return speaker.affiliation().strip();
        }
        return "ORGANIZATION".equals(speaker.type()) && speaker.name() != null && !speaker.name().isBlank()
                ? speaker.name().strip() : null;
    }

    static String normalised(String name) {
        if (name == null) {
            return null;
        }
        String key = Names.key(name);
        return key.isEmpty() ? null : key;
    }
}
