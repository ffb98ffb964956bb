package io.stancewire.archive;

import io.stancewire.model.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The shapes an export can take; both UTF-8, one quote per record, nothing held beyond one write buffer. */
public enum ExportFormat {
    /** RFC 4180: CRLF line ends, a header row, fields quoted when they hold a comma, quote or line break. */
    CSV("text/csv; charset=utf-8", "csv") {
        @Override
        public RowWriter open(OutputStream out) throws IOException {
            CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(ExportRow.COLUMNS.toArray(String[]::new)).get()
                    .print(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
            return new RowWriter() {
                @Override
                public void write(ExportRow row) throws IOException {
                    printer.printRecord(row.csvValues());
                }

                @Override
                public void flush() throws IOException {
                    printer.flush();
                }
            };
        }
    },
    /** One JSON object per line with the same fields as the CSV; evidence stays an array. */
    JSONL("application/x-ndjson; charset=utf-8", "jsonl") {
        @Override
        public RowWriter open(OutputStream out) {
            return new RowWriter() {
                @Override
                public void write(ExportRow row) throws IOException {
                    out.write(Json.write(row));
                    out.write('\n');
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }
            };
        }
    };

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** Writes rows to {@code out}; the caller owns and closes {@code out}. */
    public abstract RowWriter open(OutputStream out) throws IOException;

    public interface RowWriter {
        void write(ExportRow row) throws IOException;

        /** Pushes buffered rows out, so the client receives them while the next page is fetched. */
        void flush() throws IOException;
    }

    /** @throws InvalidQueryException for anything but csv or jsonl */
    public static ExportFormat parse(String text) {
        if (text == null || text.isBlank()) {
            return CSV;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "jsonl", "ndjson" -> JSONL;
            default -> throw new InvalidQueryException("format: '" + text + "' is not an export format; use csv or jsonl");
        };
    }
}
