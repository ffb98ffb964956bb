package io.stancewire.kafkaserver;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class KafkaServerMainTest {

    @Test
    void kafkaAcceptsTheSingleNodeConfiguration(@TempDir Path dir) {
        KafkaConfig config = KafkaConfig.fromProps(
                BrokerConfig.singleNode(new KafkaServerLayout(dir), 19092, 19093), true);

        assertThat(config.processRoles().size()).isEqualTo(2);
        assertThat(config.autoCreateTopicsEnable()).isFalse();
        assertThat(config.logDirs()).containsExactly(dir.resolve("data").toString());
    }

    @Test
    void formatsANewDirectoryOnceAndKeepsItsClusterIdAfterwards(@TempDir Path dir) throws IOException {
        KafkaServerLayout layout = new KafkaServerLayout(dir);
        Path config = KafkaServerMain.writeConfig(layout, 19092, 19093);

        ByteArrayOutputStream formatOutput = new ByteArrayOutputStream();
        assertThat(KafkaServerMain.formatIfNew(layout, config, new PrintStream(formatOutput, true, UTF_8))).isTrue();
        assertThat(formatOutput.toString(UTF_8)).contains("Formatting");
        String clusterId = clusterId(layout);
        assertThat(clusterId).isNotBlank();

        Path rewritten = KafkaServerMain.writeConfig(layout, 29092, 29093);
        assertThat(KafkaServerMain.formatIfNew(layout, rewritten, new PrintStream(formatOutput, true, UTF_8))).isFalse();
        assertThat(clusterId(layout)).isEqualTo(clusterId);
        assertThat(Files.readString(rewritten)).contains("127.0.0.1\\:29092");
    }

    private static String clusterId(KafkaServerLayout layout) throws IOException {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(layout.storageDir().resolve("meta.properties"))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }
}
