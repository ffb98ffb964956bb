package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.stancewire.archive.ArchiveServer;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.model.Indices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the quote archive API and the web console, and with --owners the alert API and webhook delivery,",
                "over a pipeline whose stages run apart (docker-compose): what `run` serves beside its stages.",
                "Needs --kafka and --elasticsearch (or STANCEWIRE_KAFKA / STANCEWIRE_ELASTICSEARCH), or starts local ones."})
final class ServeCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Mixin AlertOptions alertOptions;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "8479",
            description = "Port of the quote archive API and the web console (default: ${DEFAULT-VALUE}; 0 = any free port). Env: STANCEWIRE_API_PORT.")
    int apiPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the archive API, the console and the alert API listen on (default: ${DEFAULT-VALUE}). "
                    + "The archive has no authentication: in a container use 0.0.0.0 and publish the ports to the host's "
                    + "loopback only. Env: STANCEWIRE_BIND.")
    String bind;

    PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        return serve(StopSignal.install());
    }

    int serve(StopSignal signal) throws Exception {
        try (ProcessMetrics metrics = new ProcessMetrics();
             LocalServices services = LocalServices.start(connection, true, true);
             ElasticsearchClient es = ElasticsearchClients.create(services.elasticsearchUrl)) {
            Setup.topics(services.bootstrapServers, connection.partitions);
            Setup.indices(es, connection.indexSettings(services.localElasticsearch()));
            try (AlertOptions.Running alerts = alertOptions.startIfConfigured(services.bootstrapServers, metrics.registry(), bind);
                 ArchiveServer api = ArchiveServer.start(bind, apiPort, services.elasticsearchUrl, Indices.QUOTES, metrics.handler(),
                         alerts == null ? null : URI.create("http://" + loopbackOf(bind) + ":" + alerts.api().port()))) {
                out.println("stancewire: console on http://" + loopbackOf(bind) + ":" + api.port() + "/, quote archive API under /api/quotes, "
                        + "metrics on /metrics");
                out.println(alerts == null
                        ? "stancewire: alerts off (give --owners FILE for the alert API and webhook delivery)"
                        : "stancewire: alert subscriptions on port " + alerts.api().port() + " (/api/alerts/subscriptions), webhooks delivered signed");
                out.println("stancewire: serving; Ctrl-C to stop");
                signal.await(Long.MAX_VALUE);
                return 0;
            }
        }
    }

    /** Where this process reaches what it serves: a wildcard address is served on loopback too. */
    private static String loopbackOf(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    }
}
