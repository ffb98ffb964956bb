package io.stancewire.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentDefaultsTest {
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Option(names = "--kafka-port", defaultValue = "9092") int kafkaPort;
        @Option(names = "--feeds", defaultValue = "samples") String feeds;

        @Override
        public void run() {}
    }

    @Test
    void environmentBeatsFileAndFileBeatsAnnotation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.properties");
        Files.writeString(file, "kafka-port=9500\nfeeds=/etc/feeds.yaml\n");
        Probe probe = parse(Map.of("STANCEWIRE_CONFIG", file.toString(), "STANCEWIRE_KAFKA_PORT", "9600"));
        assertThat(probe.kafkaPort).isEqualTo(9600);
        assertThat(probe.feeds).isEqualTo("/etc/feeds.yaml");
    }

    @Test
    void commandLineBeatsEverything(@TempDir Path dir) {
        Probe probe = new Probe();
        new CommandLine(probe).setDefaultValueProvider(new EnvironmentDefaults(Map.of("STANCEWIRE_KAFKA_PORT", "9600")))
                .parseArgs("--kafka-port", "9700");
        assertThat(probe.kafkaPort).isEqualTo(9700);
    }

    @Test
    void annotationDefaultWhenNothingElseSaysOtherwise() {
        assertThat(parse(Map.of("STANCEWIRE_CONFIG_UNUSED", "x")).kafkaPort).isEqualTo(9092);
    }

    @Test
    void aMissingNamedConfigFileIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> new EnvironmentDefaults(Map.of("STANCEWIRE_CONFIG", dir.resolve("nope").toString())))
                .hasMessageContaining("does not exist");
    }

    @Test
    void environmentNamesFollowOptionNames() {
        assertThat(EnvironmentDefaults.envName("--elasticsearch-transport-port")).isEqualTo("STANCEWIRE_ELASTICSEARCH_TRANSPORT_PORT");
    }

    private static Probe parse(Map<String, String> env) {
        Probe probe = new Probe();
        new CommandLine(probe).setDefaultValueProvider(new EnvironmentDefaults(env)).parseArgs();
        return probe;
    }
}
