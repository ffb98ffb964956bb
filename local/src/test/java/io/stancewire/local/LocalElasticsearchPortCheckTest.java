package io.stancewire.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A taken port is reported before any child JVM starts, naming the port and the option that changes it. */
class LocalElasticsearchPortCheckTest {

    @Test
    void takenHttpPortFailsWithAClearMessage(@TempDir Path tempDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int transportPort = free.getLocalPort();
            free.close();
            LocalElasticsearch.Options options = LocalElasticsearch.Options.defaults().withDataDir(tempDir)
                    .withHttpPort(taken.getLocalPort()).withTransportPort(transportPort);

            assertThatThrownBy(() -> LocalElasticsearch.start(options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HTTP port " + taken.getLocalPort())
                    .hasMessageContaining("already in use")
                    .hasMessageContaining(LocalElasticsearch.HTTP_PORT_OPTION);
        }
        assertThat(tempDir.resolve("logs")).as("no node was started").doesNotExist();
    }

    @Test
    void takenTransportPortFailsWithAClearMessage(@TempDir Path tempDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int httpPort = free.getLocalPort();
            free.close();
            LocalElasticsearch.Options options = LocalElasticsearch.Options.defaults().withDataDir(tempDir)
                    .withHttpPort(httpPort).withTransportPort(taken.getLocalPort());

            assertThatThrownBy(() -> LocalElasticsearch.start(options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transport port " + taken.getLocalPort())
                    .hasMessageContaining(LocalElasticsearch.TRANSPORT_PORT_OPTION);
        }
        assertThat(tempDir.resolve("logs")).as("no node was started").doesNotExist();
    }
}
