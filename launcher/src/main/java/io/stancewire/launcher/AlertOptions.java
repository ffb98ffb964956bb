package io.stancewire.launcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.stancewire.alerts.AlertsApi;
import io.stancewire.alerts.NotifierSettings;
import io.stancewire.alerts.Owners;
import io.stancewire.alerts.WebhookNotifier;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The alert subscription API and the webhook notifier, run beside the pipeline when an owners file is given. */
final class AlertOptions {
    @Option(names = "--owners", paramLabel = "FILE",
            description = "Alert owners (properties: <owner>.apiKey=…, <owner>.webhookSecret=…). With it, `run` serves the alert "
                    + "subscription API and delivers alerts to webhooks; without it, alerts are still matched and written to "
                    + "stancewire.alerts. Env: STANCEWIRE_OWNERS.")
    Path owners;

    @Option(names = "--alerts-port", paramLabel = "PORT", defaultValue = "8480",
            description = "Port of the alert subscription API, on 127.0.0.1 unless `serve --bind` says otherwise (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_ALERTS_PORT.")
    int port;

    @Option(names = "--allow-private-webhooks",
            description = "Accept webhooks on loopback and private addresses (refused by default: SSRF). Env: STANCEWIRE_ALLOW_PRIVATE_WEBHOOKS.")
    boolean allowPrivateWebhooks;

    /** The API and the notifier, both closed together. */
    record Running(AlertsApi api, WebhookNotifier notifier) implements AutoCloseable {
        @Override
        public void close() {
            notifier.close();
            api.close();
        }
    }

    /** @return null when no owners file was given */
    Running startIfConfigured(String bootstrapServers, MeterRegistry meters) {
        return startIfConfigured(bootstrapServers, meters, "127.0.0.1");
    }

    /** @param host the address the API listens on */
    Running startIfConfigured(String bootstrapServers, MeterRegistry meters, String host) {
        if (owners == null) {
            return null;
        }
        Owners loaded = Owners.load(owners);
        AlertsApi api = AlertsApi.start(bootstrapServers, loaded, host, port, allowPrivateWebhooks);
        try {
            WebhookNotifier notifier = new WebhookNotifier(
                    NotifierSettings.defaults(bootstrapServers).withAllowPrivateAddresses(allowPrivateWebhooks), loaded, meters).start();
            return new Running(api, notifier);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }
}
