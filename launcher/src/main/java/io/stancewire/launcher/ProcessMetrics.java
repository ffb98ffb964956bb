package io.stancewire.launcher;

import io.javalin.http.Handler;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * The meters of one stancewire process: the stages' own {@code stancewire.*} meters, the Kafka clients' and Kafka
 * Streams' metrics (bound by the stages to the registry they are given) and the JVM's, in one Prometheus registry.
 * The console progress line reads the same registry, so what it prints and what Prometheus scrapes never disagree.
 */
final class ProcessMetrics implements AutoCloseable {
    /** Prometheus text exposition format 0.0.4, what {@link PrometheusMeterRegistry#scrape()} writes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ProcessMetrics() {
        registry.config().meterFilter(STATE_STORE_TAGS);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /**
     * Kafka Streams names a store's id tag after the store's kind ({@code rocksdb.state.id}, {@code in.memory.state.id}),
     * and Prometheus refuses two sets of tag keys under one name, so the second kind's meters were dropped (with a
     * warning on the console). One key, {@code state.id}, and the kind as a tag of its own keep both.
     */
    static final MeterFilter STATE_STORE_TAGS = new MeterFilter() {
        @Override
        public Meter.Id map(Meter.Id id) {
            List<Tag> tags = new ArrayList<>();
            boolean renamed = false;
            for (Tag tag : id.getTagsAsIterable()) {
                if (tag.getKey().endsWith(STATE_ID)) {
                    tags.add(Tag.of("state.id", tag.getValue()));
                    tags.add(Tag.of("store.type", tag.getKey().substring(0, tag.getKey().length() - STATE_ID.length())));
                    renamed = true;
                } else {
                    tags.add(tag);
                }
            }
            return renamed ? id.replaceTags(tags) : id;
        }
    };
    private static final String STATE_ID = ".state.id";

    MeterRegistry registry() {
        return registry;
    }

    String scrape() {
        return registry.scrape();
    }

    /** {@code GET /metrics}, for whichever Javalin server the command runs. */
    Handler handler() {
        return ctx -> ctx.contentType(CONTENT_TYPE).result(scrape());
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
