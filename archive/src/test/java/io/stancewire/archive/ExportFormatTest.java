package io.stancewire.archive;

import io.stancewire.model.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFormatTest {
    static final ExportRow HARD = new ExportRow("q1", "احسن اقبال", "Ministry, \"Planning\"", "china-ai", "FAVOR", 0.875,
            List.of("آگے", "a, b"), "He said \"no\",\nthen \"yes\"", "line\r\nbreak", "a1", "https://x.example/a?b=1,2",
            "Title", "Dawn", Instant.parse("2025-01-02T03:04:05Z"), 10, 20);
    static final ExportRow EMPTY = new ExportRow("q2", null, null, null, null, null, List.of(), "", null, "a2", null,
            null, null, null, 0, 0);

    @Test
    void csvIsRfc4180() throws Exception {
        String csv = write(ExportFormat.CSV);
        assertThat(csv).startsWith("id,speaker,affiliation,target,label,confidence,evidence,text,context,articleId,url,title,outlet,publishedAt,begin,end\r\n");
        assertThat(csv).contains(",\"He said \"\"no\"\",\nthen \"\"yes\"\"\",").endsWith("\r\n");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(2);
        CSVRecord hard = records.getFirst();
        assertThat(hard.get("speaker")).isEqualTo(HARD.speaker());
        assertThat(hard.get("affiliation")).isEqualTo(HARD.affiliation());
        assertThat(hard.get("text")).isEqualTo(HARD.text());
        assertThat(hard.get("context")).isEqualTo(HARD.context());
        assertThat(hard.get("evidence")).isEqualTo("آگے | a, b");
        assertThat(hard.get("confidence")).isEqualTo("0.875");
        assertThat(hard.get("publishedAt")).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(records.get(1).get("speaker")).isEmpty();
        assertThat(records.get(1).get("end")).isEqualTo("0");
    }

    @Test
    void jsonLinesAreOneObjectPerLine() throws Exception {
        List<String> lines = write(ExportFormat.JSONL).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(Json.read(lines.getFirst(), ExportRow.class)).isEqualTo(HARD);
        assertThat(Json.read(lines.get(1), ExportRow.class)).isEqualTo(EMPTY);
    }

    @Test
    void formatNames() {
        assertThat(ExportFormat.parse(null)).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.parse("JSONL")).isEqualTo(ExportFormat.JSONL);
    }

    private static String write(ExportFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFormat.RowWriter writer = format.open(out);
        writer.write(HARD);
        writer.write(EMPTY);
        writer.flush();
        return out.toString(StandardCharsets.UTF_8);
    }
}
