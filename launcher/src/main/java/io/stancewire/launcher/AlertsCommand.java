package io.stancewire.launcher;

import com.fasterxml.jackson.core.type.TypeReference;
import io.stancewire.alerts.DeliveryStatus;
import io.stancewire.alerts.SpikeReplay;
import io.stancewire.alerts.SubscriptionMatcher;
import io.stancewire.alerts.SubscriptionRequest;
import io.stancewire.model.Json;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.SpikeRule;
import io.stancewire.model.StanceShift;
import io.stancewire.model.Subscription;
import io.stancewire.model.Topics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Manage alert subscriptions through the alert API of a running `stancewire run --owners …`.",
        subcommands = {AlertsCommand.Subscribe.class, AlertsCommand.ListCommand.class, AlertsCommand.Delete.class, AlertsCommand.Test.class})
final class AlertsCommand {
    static final TypeReference<List<Subscription>> SUBSCRIPTIONS = new TypeReference<>() {};
    static final TypeReference<List<DeliveryStatus>> STATUSES = new TypeReference<>() {};

    /** Where the API is and who is calling. */
    static final class Api {
        @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:8480",
                description = "Alert API (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_URL.")
        String url;

        @Option(names = "--api-key", paramLabel = "KEY", description = "Your API key (from the owners file). Env: STANCEWIRE_API_KEY.")
        String apiKey;

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        /** @throws IllegalStateException with the API's {@code error} when it answers other than 2xx */
        String call(String method, String path, Object body) throws Exception {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("an API key is needed: --api-key or STANCEWIRE_API_KEY");
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(Json.write(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + ": " + errorOf(response.body()));
            }
            return response.body();
        }

        private static String errorOf(String body) {
            try {
                Object error = Json.read(body, Map.class).get("error");
                return error == null ? body : error.toString();
            } catch (RuntimeException e) {
                return body;
            }
        }

        List<Subscription> subscriptions() throws Exception {
            return Json.MAPPER.readValue(call("GET", "/api/alerts/subscriptions", null), SUBSCRIPTIONS);
        }
    }

    /** What a subscription asks for: the same fields as the API's subscription request. */
    static final class Definition {
        @Option(names = "--name", paramLabel = "TEXT", description = "A name to recognise it by.") String name;
        @Option(names = "--kind", paramLabel = "KIND", defaultValue = "quote",
                description = "quote (each matching quote), shift (a speaker's stance crosses sides) or spike (a day's matching quotes "
                        + "reach --spike-factor × their trailing daily average). Default: ${DEFAULT-VALUE}.") String kind;
        @Option(names = "--speaker", paramLabel = "NAME|ID") String speaker;
        @Option(names = "--organisation", paramLabel = "NAME", description = "The speaker's affiliation, e.g. \"DGA Group\".") String organisation;
        @Option(names = "--stance", paramLabel = "LABEL", description = "FAVOR, AGAINST, NEUTRAL or NONE; for shifts the side shifted to.") String stance;
        @Option(names = "--target", paramLabel = "NAME", description = "Stance target, e.g. china-ai-competitiveness.") String target;
        @Option(names = "--min-confidence", paramLabel = "0..1") Double minConfidence;
        @Option(names = "--language", paramLabel = "CODE") String language;
        @Option(names = {"-q", "--query"}, paramLabel = "LUCENE", description = "Lucene query over quote text and context, e.g. \"Blackwell AND export\".") String query;
        @Option(names = "--webhook", paramLabel = "URL", description = "Deliver by signed POST to this URL.") String webhook;
        @Option(names = "--kafka-topic", paramLabel = "TOPIC", description = "Deliver to this Kafka topic (created if missing), exactly once.") String kafkaTopic;
        @Option(names = "--spike-factor", paramLabel = "N", description = "Spikes: times the trailing daily average (default 3).") Double spikeFactor;
        @Option(names = "--spike-days", paramLabel = "DAYS", description = "Spikes: trailing window in days (default 7).") Integer spikeDays;
        @Option(names = "--spike-min-count", paramLabel = "N", description = "Spikes: fewest quotes in a day that can fire (default 5).") Integer spikeMinCount;

        SubscriptionRequest request() {
            SpikeRule spike = spikeFactor == null && spikeDays == null && spikeMinCount == null ? null
                    : new SpikeRule(spikeFactor, spikeDays, spikeMinCount);
            return new SubscriptionRequest(name, kind, speaker, organisation, stance, target, minConfidence, language, query,
                    webhook, kafkaTopic, spike);
        }

        /** The subscription the request would become, for a local test; id and owner are placeholders. */
        Subscription local() {
            SubscriptionRequest r = request();
            return new Subscription(SchemaVersion.CURRENT, "(from flags)", "(you)", r.name(), r.kind(), r.speaker(), r.organization(),
                    r.stance(), r.target(), r.minConfidence(), r.language(), r.query(), r.webhookUrl(), r.kafkaTopic(), Instant.now(),
                    false, r.spike());
        }
    }

    static PrintStream out() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    @Command(name = "subscribe", mixinStandardHelpOptions = true, description = "Create a subscription; prints its id.")
    static final class Subscribe implements Callable<Integer> {
        @Mixin Api api = new Api();
        @ArgGroup(exclusive = false, heading = "Subscription:%n") Definition definition = new Definition();

        @Override
        public Integer call() throws Exception {
            Subscription s = Json.read(api.call("POST", "/api/alerts/subscriptions", definition.request()), Subscription.class);
            out().printf("subscribed %s%n%s%n", s.id(), describe(s));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Your subscriptions with their webhook delivery status: delivered, failed attempts, dead-lettered, last error.")
    static final class ListCommand implements Callable<Integer> {
        @Mixin Api api = new Api();

        @Override
        public Integer call() throws Exception {
            List<Subscription> mine = api.subscriptions();
            Map<String, DeliveryStatus> status = Json.MAPPER.readValue(api.call("GET", "/api/alerts/deliveries", null), STATUSES)
                    .stream().collect(Collectors.toMap(DeliveryStatus::subscriptionId, Function.identity()));
            PrintStream out = out();
            out.printf("%d subscription(s)%n", mine.size());
            for (Subscription s : mine) {
                DeliveryStatus d = status.getOrDefault(s.id(), new DeliveryStatus(s.id(), 0, 0, 0, 0, null, null));
                out.printf("%s  %s%n", s.id(), describe(s));
                out.printf("    delivered %d, failed attempts %d, dead-lettered %d%s%n", d.delivered(), d.failedAttempts(), d.deadLettered(),
                        d.lastError() == null ? "" : ", last error (" + d.lastErrorAt() + "): " + d.lastError());
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete one of your subscriptions.")
    static final class Delete implements Callable<Integer> {
        @Mixin Api api = new Api();
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() throws Exception {
            api.call("DELETE", "/api/alerts/subscriptions/" + id, null);
            out().printf("deleted %s%n", id);
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Show what a subscription (yours by id, or one described by flags) would fire on, delivering nothing.",
                    "Quotes come from --quotes files (JSON lines or a JSON array of quotes, as on stancewire.quotes) or else the most",
                    "recent ones on the quotes topic; shift subscriptions are tested against the recent stance shifts."})
    static final class Test implements Callable<Integer> {
        @Mixin Api api = new Api();
        @Parameters(paramLabel = "ID", arity = "0..1", description = "One of your subscriptions; without it, the flags describe one.") String id;
        @ArgGroup(exclusive = false, heading = "Subscription (without ID):%n") Definition definition = new Definition();
        @Option(names = "--quotes", paramLabel = "FILE", description = "Sample quotes (repeatable).") List<Path> quoteFiles = new ArrayList<>();
        @Option(names = "--kafka", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
                description = "Broker to read recent quotes or shifts from (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_KAFKA.") String kafka;
        @Option(names = "--recent", paramLabel = "N", defaultValue = "1000",
                description = "How many of the latest records per partition to test against (default: ${DEFAULT-VALUE}).") int recent;

        @Override
        public Integer call() throws Exception {
            Subscription s = id != null ? api.subscriptions().stream().filter(sub -> sub.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("you have no subscription " + id)) : definition.local();
            SubscriptionMatcher matcher = new SubscriptionMatcher();
            matcher.put(s); // validates: a bad query fails here with the parser's message, as it would at subscribe time
            PrintStream out = out();
            out.println("testing " + describe(s));
            if (s.kind().equals(Subscription.SHIFT)) {
                List<StanceShift> shifts = RecentRecords.read(kafka, Topics.STANCE_SHIFTS, StanceShift.class, recent);
                List<StanceShift> firing = shifts.stream().filter(shift -> !matcher.matches(shift).isEmpty()).toList();
                firing.forEach(shift -> out.printf("would fire: %s  %s  %s → %s on %s: %s%n", date(shift.at()), shift.speakerName(),
                        shift.from(), shift.to(), shift.target(), shift.quoteText()));
                out.printf("%d of %d recent stance shift(s) would fire%n", firing.size(), shifts.size());
                return 0;
            }
            List<Quote> quotes = quoteFiles.isEmpty() ? RecentRecords.read(kafka, Topics.QUOTES, Quote.class, recent) : readQuotes(quoteFiles);
            if (s.kind().equals(Subscription.SPIKE)) {
                List<Quote> counted = quotes.stream().filter(q -> !matcher.spikeMatches(q).isEmpty()).toList();
                Map<java.time.LocalDate, Long> days = SpikeReplay.firingDays(counted, s.spikeRule());
                days.forEach((day, count) -> out.printf("would fire: %s  %d matching quotes%n", day, count));
                out.printf("%d of %d quote(s) count towards the spike; %d day(s) would fire (%s)%n", counted.size(), quotes.size(),
                        days.size(), s.spikeRule());
                return 0;
            }
            List<Quote> firing = quotes.stream().filter(q -> !matcher.matches(q).isEmpty()).toList();
            firing.forEach(q -> out.printf("would fire: %s%n", row(q)));
            out.printf("%d of %d quote(s) would fire%n", firing.size(), quotes.size());
            return 0;
        }

        static List<Quote> readQuotes(List<Path> files) throws Exception {
            List<Quote> quotes = new ArrayList<>();
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (text.startsWith("[")) {
                    quotes.addAll(Json.MAPPER.readValue(text, new TypeReference<List<Quote>>() {}));
                } else {
                    text.lines().filter(l -> !l.isBlank()).forEach(l -> quotes.add(Json.read(l, Quote.class)));
                }
            }
            return quotes;
        }
    }

    static String describe(Subscription s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.kind());
        add(parts, "name", s.name());
        add(parts, "speaker", s.speaker());
        add(parts, "organisation", s.organization());
        add(parts, "stance", s.stance());
        add(parts, "target", s.target());
        add(parts, "min-confidence", s.minConfidence() == null ? null : s.minConfidence().toString());
        add(parts, "language", s.language());
        add(parts, "query", s.query());
        if (s.kind().equals(Subscription.SPIKE)) {
            SpikeRule r = s.spikeRule();
            parts.add(String.format("spike ≥%s× %d-day average, ≥%d", r.factor(), r.trailingDays(), r.minCount()));
        }
        add(parts, "→ webhook", s.webhookUrl());
        add(parts, "→ kafka", s.kafkaTopic());
        return String.join("  ", parts);
    }

    private static void add(List<String> parts, String label, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(label + "=" + (value.contains(" ") ? "\"" + value + "\"" : value));
        }
    }

    static String row(Quote q) {
        String speaker = q.speaker() == null ? "(unattributed)" : q.speaker().name();
        String stance = q.stances().isEmpty() ? "-" : q.stances().getFirst().label() + String.format(" %.2f", q.stances().getFirst().confidence());
        String text = q.text().length() > 100 ? q.text().substring(0, 99) + "…" : q.text();
        return String.format("%s  %-22.22s  %-12s  %s", date(q.publishedAt()), speaker, stance, text.replace('\n', ' '));
    }

    private static String date(Instant at) {
        return at == null ? "          " : at.toString().substring(0, 10);
    }
}
