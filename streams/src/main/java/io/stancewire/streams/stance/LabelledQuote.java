package io.stancewire.streams.stance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One labelled quotation, the shape of the dev set and of the training files (other fields such as url, outlet,
 * date and why are provenance for people and are not read here). {@code provenance} is null in the dev set.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledQuote(String id, String quote, String context, String speaker, String affiliation, String label,
                            String provenance) {

    /**
     * Provenance of real quotations as reported in the news (the rest of a training file is hand-written); a row
     * without provenance, the dev set's shape, counts as real too.
     */
    static final String REPORTED = "reported";

    static final Set<String> LABELS = Set.of("FAVOR", "AGAINST", "NEUTRAL", "NONE");
    private static final ObjectMapper JSON = new ObjectMapper();

    boolean real() {
        return provenance == null || REPORTED.equals(provenance);
    }

    /** The speaker as the classifier sees it: name and affiliation, which tells whose side "we" is on. */
    String speakerWithAffiliation() {
        if (affiliation == null || affiliation.isBlank()) {
            return speaker;
        }
        return speaker == null ? affiliation : speaker + " (" + affiliation + ")";
    }

    /** Reads JSONL; a bad line is an error naming the source and line, never skipped silently. */
    static List<LabelledQuote> readJsonl(InputStream in, String source) throws IOException {
        List<LabelledQuote> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                LabelledQuote row;
                try {
                    row = JSON.readValue(line, LabelledQuote.class);
                } catch (IOException e) {
                    throw new IOException(source + ":" + lineNo + ": not a labelled quote: " + e.getMessage(), e);
                }
                if (row.quote() == null || row.quote().isBlank() || !LABELS.contains(row.label())) {
                    throw new IOException(source + ":" + lineNo + ": needs a quote and a label in " + LABELS);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
