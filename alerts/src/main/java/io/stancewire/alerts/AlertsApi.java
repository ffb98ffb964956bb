package io.stancewire.alerts;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.Quote;
import io.stancewire.model.Subscription;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * The HTTP API of alert subscriptions. Every request carries {@code Authorization: Bearer <api key>}; the key names
 * the owner, who sees, tests and deletes only their own subscriptions (someone else's answers 404, as a missing one
 * does, so ids of others cannot be probed). Subscriptions are written to the compacted topic, the source of truth,
 * and read back from it: a write is acknowledged by the broker and read back before the response.
 *
 * <ul>
 *   <li>{@code POST /api/alerts/subscriptions} a {@link SubscriptionRequest}: 201 with the subscription, 400 with the
 *       reason (the query parser's message for a bad query, the guard's for a refused webhook)</li>
 *   <li>{@code GET /api/alerts/subscriptions}: the caller's subscriptions</li>
 *   <li>{@code DELETE /api/alerts/subscriptions/{id}}: 204; a tombstone on the topic</li>
 *   <li>{@code POST /api/alerts/subscriptions/{id}/test} a quote as JSON: {@code {"matches": true|false}}, nothing stored</li>
 *   <li>{@code GET /api/alerts/deliveries}: per subscription of the caller, its webhook deliveries added up
 *       ({@link DeliveryStatus}: delivered, failed attempts, dead-lettered, the last error), from the compacted
 *       {@code stancewire.alerts.deliveries}</li>
 * </ul>
 */
public final class AlertsApi implements AutoCloseable {
    static final String BASE = "/api/alerts/subscriptions";
    static final String DELIVERIES = "/api/alerts/deliveries";
    private static final String OWNER = "stancewire.owner";

    private final Owners owners;
    private final WebhookGuard guard;
    private final KafkaProducer<String, byte[]> producer;
    private final SubscriptionView view;
    private final Admin admin;
    private final DeliveryView deliveries;
    private final Clock clock;
    private final Javalin app;

    private AlertsApi(String bootstrapServers, Owners owners, boolean allowPrivateWebhooks, Clock clock) {
        this.owners = owners;
        this.guard = new WebhookGuard(allowPrivateWebhooks);
        this.clock = clock;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
        this.view = new SubscriptionView(bootstrapServers);
        this.deliveries = new DeliveryView(bootstrapServers);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.app = Javalin.create(config -> config.showJavalinBanner = false);
        app.before("/api/*", this::authenticate);
        app.post(BASE, this::create);
        app.get(BASE, this::list);
        app.delete(BASE + "/{id}", this::delete);
        app.post(BASE + "/{id}/test", this::test);
        app.get(DELIVERIES, this::deliveries);
        app.exception(InvalidSubscriptionException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(InvalidRecordException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    /**
     * @param port                 0 for any free port
     * @param allowPrivateWebhooks accept webhooks on loopback and private networks (tests, a local run)
     */
    public static AlertsApi start(String bootstrapServers, Owners owners, String host, int port, boolean allowPrivateWebhooks) {
        AlertsApi api = new AlertsApi(bootstrapServers, owners, allowPrivateWebhooks, Clock.systemUTC());
        api.app.start(host, port);
        return api;
    }

    public int port() {
        return app.port();
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        Optional<String> owner = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? owners.ownerOfKey(header.substring(7).strip())
                : Optional.empty();
        if (owner.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, HttpStatus.UNAUTHORIZED, header == null ? "missing Authorization: Bearer <api key>" : "unknown API key");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(OWNER, owner.get());
    }

    private void create(Context ctx) {
        SubscriptionRequest request = Json.read(ctx.bodyAsBytes(), SubscriptionRequest.class);
        Subscription s = request.toSubscription(UUID.randomUUID().toString(), owner(ctx), clock.instant());
        SubscriptionMatcher.validate(s);
        if (s.webhookUrl() != null && !s.webhookUrl().isBlank()) {
            guard.check(s.webhookUrl());
        }
        if (s.kafkaTopic() != null && !s.kafkaTopic().isBlank()) {
            DeliveryTopics.validate(s.kafkaTopic());
            DeliveryTopics.ensure(admin, s.kafkaTopic());
        }
        write(s.id(), Json.write(s));
        json(ctx, HttpStatus.CREATED, s);
    }

    private void list(Context ctx) {
        String owner = owner(ctx);
        List<Subscription> mine;
        synchronized (view) {
            view.catchUp();
            mine = view.all().stream().filter(s -> owner.equals(s.owner()))
                    .sorted(Comparator.comparing(Subscription::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        }
        json(ctx, HttpStatus.OK, mine);
    }

    private void deliveries(Context ctx) {
        String owner = owner(ctx);
        List<Subscription> mine;
        synchronized (view) {
            view.catchUp();
            mine = view.all().stream().filter(s -> owner.equals(s.owner())).toList();
        }
        Map<String, DeliveryStatus> status;
        synchronized (deliveries) {
            status = deliveries.statusByOwner(owner);
        }
        json(ctx, HttpStatus.OK, mine.stream().map(s -> status.getOrDefault(s.id(), DeliveryStatus.none(s.id()))).toList());
    }

    private void delete(Context ctx) {
        Optional<Subscription> s = own(ctx);
        if (s.isEmpty()) {
            return;
        }
        write(s.get().id(), null);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void test(Context ctx) {
        Optional<Subscription> s = own(ctx);
        if (s.isEmpty()) {
            return;
        }
        Quote quote = Json.read(ctx.bodyAsBytes(), Quote.class);
        json(ctx, HttpStatus.OK, Map.of("matches", SubscriptionMatcher.test(s.get(), quote)));
    }

    /** The caller's subscription of the path's id, or empty after answering 404. */
    private Optional<Subscription> own(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Subscription> s;
        synchronized (view) {
            view.catchUp();
            s = view.get(id).filter(sub -> owner(ctx).equals(sub.owner()));
        }
        if (s.isEmpty()) {
            error(ctx, HttpStatus.NOT_FOUND, "no subscription " + id);
        }
        return s;
    }

    /** Acknowledged by the broker, then read back, so that the next request of any client sees it. */
    private void write(String id, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, id, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing subscription " + id, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write subscription " + id + ": " + e.getCause().getMessage(), e.getCause());
        }
        synchronized (view) {
            view.catchUp();
        }
    }

    private static String owner(Context ctx) {
        return ctx.attribute(OWNER);
    }

    private static void json(Context ctx, HttpStatus status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.writeString(body));
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        json(ctx, status, Map.of("error", message == null ? status.getMessage() : message));
    }

    @Override
    public void close() {
        app.stop();
        producer.close();
        view.close();
        deliveries.close();
        admin.close();
    }
}
