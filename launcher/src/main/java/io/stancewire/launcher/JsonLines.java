package io.stancewire.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancewire.model.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads JSON Lines from files or standard input for the offline commands. A line that is not JSON or lacks what
 * the command needs is reported on standard error with its file and line number and skipped; the count of skipped
 * lines becomes the exit code, so a script notices.
 */
final class JsonLines {
    /** Handles one parsed line; throws IllegalArgumentException when the line lacks what it needs. */
    interface Handler {
        void handle(JsonNode line, String fallbackId);
    }

    private JsonLines() {}

    /** @return the number of lines skipped */
    static int read(List<Path> files, String command, Handler handler) {
        try {
            if (files.isEmpty()) {
                return read(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), "stdin", command, handler);
            }
            int skipped = 0;
            for (Path file : files) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    skipped += read(reader, file.toString(), command, handler);
                }
            }
            return skipped;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int read(BufferedReader reader, String source, String command, Handler handler) throws IOException {
        int skipped = 0;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                handler.handle(Json.MAPPER.readTree(line), source + ":" + lineNumber);
            } catch (IOException | IllegalArgumentException e) {
                skipped++;
                System.err.println("stancewire " + command + ": " + source + " line " + lineNumber + " skipped: " + e.getMessage());
            }
        }
        return skipped;
    }

    static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    static String required(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw new IllegalArgumentException("no \"" + field + "\" field");
        }
        return node.get(field).asText();
    }
}
