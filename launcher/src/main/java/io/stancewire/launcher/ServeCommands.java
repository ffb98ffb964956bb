package io.stancewire.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Commands that only start the local broker or node and keep them up, for the user's own tools. */
final class ServeCommands {
    private ServeCommands() {}

    @Command(name = "kafka", mixinStandardHelpOptions = true,
            description = "Start only the local Kafka broker and keep it up until Ctrl-C (for kcat, Kafka's CLI tools, ...).")
    static final class Kafka implements Callable<Integer> {
        @Mixin LocalServerOptions local;

        @Override
        public Integer call() throws Exception {
            return serve(local, true, false);
        }
    }

    @Command(name = "elasticsearch", mixinStandardHelpOptions = true,
            description = "Start only the local Elasticsearch node and keep it up until Ctrl-C (for curl, Kibana from Docker, ...).")
    static final class Elasticsearch implements Callable<Integer> {
        @Mixin LocalServerOptions local;

        @Override
        public Integer call() throws Exception {
            return serve(local, false, true);
        }
    }

    private static int serve(LocalServerOptions local, boolean kafka, boolean elasticsearch) throws InterruptedException {
        StopSignal signal = StopSignal.install();
        try (LocalServices services = LocalServices.start(null, null, local, kafka, elasticsearch)) {
            System.out.println("stancewire: up: " + (kafka ? "Kafka " + services.bootstrapServers : "")
                    + (elasticsearch ? "Elasticsearch " + services.elasticsearchUrl : "") + " (data in " + local.dataDir + "); Ctrl-C to stop");
            while (!signal.await(60_000)) {
                // Serving until stopped.
            }
            return 0;
        }
    }
}
