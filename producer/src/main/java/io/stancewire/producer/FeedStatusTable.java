package io.stancewire.producer;

import io.stancewire.model.Json;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** {@code stancewire feeds status}: feed statuses as an aligned table, or as JSON Lines. */
public final class FeedStatusTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_ERROR = 80;
    private static final String[] HEADER = {"feed", "state", "last success", "items", "failures", "next poll", "last error / reason disabled"};

    private FeedStatusTable() {}

    public static void printJson(List<FeedStatus> statuses, PrintStream out) {
        statuses.forEach(s -> out.println(new String(Json.write(s), StandardCharsets.UTF_8)));
    }

    public static void printTable(List<FeedStatus> statuses, Instant now, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (FeedStatus s : statuses) {
            rows.add(new String[] {
                    s.name() == null || s.name().equals(s.url()) ? s.url() : s.name() + " <" + s.url() + ">",
                    state(s),
                    s.lastSuccess() == null ? "never" : TIME.format(s.lastSuccess()),
                    Long.toString(s.itemsSeen()),
                    Integer.toString(s.consecutiveFailures()),
                    s.disabledReason() != null ? "-" : s.nextPoll() == null ? "?" : relative(s.nextPoll(), now),
                    shorten(s.disabledReason() != null ? s.disabledReason() : s.lastError() == null ? "" : s.lastError()
                            + (s.lastAttempt() == null ? "" : " (at " + TIME.format(s.lastAttempt()) + ")"))});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        long disabled = statuses.stream().filter(s -> s.disabledReason() != null).count();
        long failing = statuses.stream().filter(s -> s.disabledReason() == null && s.consecutiveFailures() > 0).count();
        out.printf("%d feeds, %d failing, %d disabled%n", statuses.size(), failing, disabled);
    }

    static String state(FeedStatus s) {
        if (s.disabledReason() != null) {
            return "DISABLED";
        }
        if (s.consecutiveFailures() > 0) {
            return "FAILING";
        }
        return s.lastSuccess() == null ? "NEW" : "OK";
    }

    static String relative(Instant at, Instant now) {
        Duration d = Duration.between(now, at);
        if (d.isNegative() || d.isZero()) {
            return "due";
        }
        long s = d.toSeconds();
        return s < 60 ? "in " + s + "s" : s < 3600 ? "in " + s / 60 + "m" : s < 86_400 ? "in " + s / 3600 + "h" + (s % 3600) / 60 + "m"
                : "in " + s / 86_400 + "d";
    }

    private static String shorten(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= MAX_ERROR ? t : t.substring(0, MAX_ERROR - 1) + "…";
    }
}
