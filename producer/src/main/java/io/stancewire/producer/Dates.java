package io.stancewire.producer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Lenient parsing of the date spellings found in meta tags and JSON-LD. Times without a zone are taken as UTC. */
final class Dates {
    private Dates() {}

    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME,
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]")
                    .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                    .optionalStart().appendOffset("+HH", "Z").optionalEnd()
                    .toFormatter(Locale.ROOT),
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm[:ss]")
                    .optionalStart().appendLiteral(' ').optionalEnd()
                    .appendOffset("+HH:MM", "Z").toFormatter(Locale.ROOT),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("EEE MMM dd HH:mm:ss zzz yyyy")
                    .toFormatter(Locale.ENGLISH));

    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm")
                    .optionalStart().appendPattern(":ss").optionalEnd()
                    .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
                    .toFormatter(Locale.ROOT),
            new DateTimeFormatterBuilder().appendPattern("yyyyMMdd'T'HHmmss").toFormatter(Locale.ROOT));

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        for (DateTimeFormatter f : ZONED) {
            try {
                return Optional.of(ZonedDateTime.parse(t, f).toInstant());
            } catch (DateTimeParseException ignored) {
                // try the next spelling
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException ignored) {
            // not ISO with offset
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return Optional.of(LocalDateTime.parse(t, f).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException ignored) {
                // try the next spelling
            }
        }
        try {
            return Optional.of(LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException ignored) {
            // give up below
        }
        if (t.matches("\\d{10}")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
        }
        return Optional.empty();
    }
}
