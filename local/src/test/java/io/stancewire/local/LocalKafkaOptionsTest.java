package io.stancewire.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalKafkaOptionsTest {

    @Test
    void defaultsAreTheUsualKafkaPortsAndADirectoryUnderTheWorkingDirectory() {
        LocalKafka.Options options = LocalKafka.Options.defaults();

        assertThat(options.brokerPort()).isEqualTo(9092);
        assertThat(options.controllerPort()).isEqualTo(9093);
        assertThat(options.dataDir()).isEqualTo(Path.of(".stancewire", "kafka"));
    }

    @Test
    void rejectsOnePortForBothListenersAndPortsOutOfRange() {
        LocalKafka.Options defaults = LocalKafka.Options.defaults();

        assertThatThrownBy(() -> defaults.withControllerPort(9092))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
        assertThatThrownBy(() -> defaults.withBrokerPort(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broker port");
        assertThatThrownBy(() -> defaults.withControllerPort(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("controller port");
    }

    @Test
    void freePortsAreDistinct() {
        int[] ports = LocalKafka.freePorts(3);

        assertThat(ports).doesNotHaveDuplicates().doesNotContain(0);
    }
}
