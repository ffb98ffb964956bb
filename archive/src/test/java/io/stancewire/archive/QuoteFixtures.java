package io.stancewire.archive;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.stancewire.indexer.QuoteDocument;
import io.stancewire.model.Ids;
import io.stancewire.model.Indices;
import io.stancewire.model.Mention;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Quotes shaped like the pipeline's output: several per article (so publishedAt ties are common), English and Urdu,
 * texts with commas, double quotes and line breaks, some quotes with stances on two targets.
 */
final class QuoteFixtures {
    private QuoteFixtures() {}

    static final String TARGET = "china-ai";
    static final String OTHER_TARGET = "us-export-controls";
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final List<String> LABELS = List.of("FAVOR", "AGAINST", "NEUTRAL", "NONE");

    record Person(String id, String name, String affiliation, String role, String language, String outlet) {}

    static final List<Person> PEOPLE = List.of(
            new Person("paul-triolo", "Paul Triolo", "DGA Group", "partner", "en", "Reuters"),
            new Person("jensen-huang", "Jensen Huang", "Nvidia", "chief executive", "en", "Financial Times"),
            new Person("kai-fu-lee", "Kai-Fu Lee", "01.AI", "founder", "en", "South China Morning Post"),
            new Person("gina-raimondo", "Gina Raimondo", "US Department of Commerce", "former secretary", "en", "Reuters"),
            new Person("helen-toner", "Helen Toner", "Center for Security and Emerging Technology", "director", "en", "The Economist"),
            new Person("ahsan-iqbal", "احسن اقبال", "وزارت منصوبہ بندی", "وفاقی وزیر", "ur", "BBC Urdu"),
            new Person(null, "Arthur Kroeber", "Gavekal Dragonomics", "founding partner", "en", "Bloomberg"));

    static final List<String> ENGLISH = List.of(
            "China is closing the gap on frontier models faster than anyone expected",
            "Export controls have slowed Chinese labs, but they have not stopped them",
            "We are way ahead on semiconductors, and that lead matters",
            "DeepSeek showed that efficiency, not just compute, wins",
            "The talent pool in Shenzhen and Hangzhou is extraordinary, frankly",
            "I would not bet against Chinese engineers on deployment",
            "Beijing's \"AI plus\" plan is mostly industrial policy, said differently",
            "Line one of the statement,\nand line two, which matters more",
            "Nobody should underestimate Huawei's Ascend chips; they are good enough");

    static final List<String> URDU = List.of(
            "چین مصنوعی ذہانت میں تیزی سے آگے بڑھ رہا ہے، اور ہمیں اس سے سیکھنا ہوگا",
            "پاکستان کو چینی ٹیکنالوجی کے ساتھ شراکت داری کرنی چاہیے",
            "امریکی پابندیوں کے باوجود چین کی \"ترقی\" جاری ہے");

    /** {@code count} quotes, deterministic for a seed. */
    static List<Quote> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Quote> quotes = new ArrayList<>(count);
        int article = 0;
        while (quotes.size() < count) {
            article++;
            Person person = PEOPLE.get(random.nextInt(PEOPLE.size()));
            String url = "https://news.example/" + seed + "/" + article;
            String articleId = Ids.articleId(url);
            Instant publishedAt = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 90)));
            String title = person.language().equals("ur") ? "چین اور مصنوعی ذہانت: " + article
                    : "Who is winning the AI race, part " + article + ", \"a view\"";
            int perArticle = 1 + random.nextInt(4);
            for (int i = 0; i < perArticle && quotes.size() < count; i++) {
                List<String> texts = person.language().equals("ur") ? URDU : ENGLISH;
                String text = texts.get(random.nextInt(texts.size()));
                int begin = 40 + i * 300;
                int end = begin + text.length();
                String cue = person.language().equals("ur") ? "نے کہا" : "said";
                String context = person.language().equals("ur")
                        ? "\"" + text + "\"، " + person.name() + " " + cue + "۔"
                        : "\"" + text + ",\" " + person.name() + ", " + person.role() + " at " + person.affiliation() + ", " + cue + ".";
                List<Stance> stances = new ArrayList<>();
                stances.add(new Stance(TARGET, LABELS.get(random.nextInt(LABELS.size())),
                        Math.round((0.4 + random.nextDouble() * 0.6) * 1000) / 1000.0,
                        List.of(text.split(" ")[0].toLowerCase(), "evidence, with a comma")));
                if (random.nextInt(5) == 0) {
                    stances.add(new Stance(OTHER_TARGET, LABELS.get(random.nextInt(LABELS.size())), 0.9, List.of("controls")));
                }
                Speaker speaker = new Speaker(person.id(), person.name(), new Mention(begin + text.length() + 3,
                        begin + text.length() + 3 + person.name().length(), person.name()), person.affiliation(),
                        person.role(), "PERSON");
                quotes.add(new Quote(SchemaVersion.CURRENT, Ids.quoteId(articleId, begin, end), articleId, begin, end,
                        text, "direct", speaker, cue, context, person.language(), stances, url, title, person.outlet(),
                        publishedAt));
            }
        }
        return quotes;
    }

    /** Indexes exactly as the indexer does, then refreshes so every quote is searchable. */
    static void index(ElasticsearchClient es, List<Quote> quotes) throws IOException {
        Instant indexedAt = Instant.now();
        for (int from = 0; from < quotes.size(); from += 1000) {
            List<BulkOperation> ops = quotes.subList(from, Math.min(quotes.size(), from + 1000)).stream()
                    .map(q -> BulkOperation.of(b -> b.index(i -> i.index(Indices.QUOTES).id(q.id())
                            .document(QuoteDocument.of(q, indexedAt)))))
                    .toList();
            BulkResponse response = es.bulk(b -> b.operations(ops));
            if (response.errors()) {
                throw new IllegalStateException("bulk failed: " + response.items().stream()
                        .filter(item -> item.error() != null).findFirst().orElseThrow().error().reason());
            }
        }
        es.indices().refresh(r -> r.index(Indices.QUOTES));
    }

    /** The archive's order: newest first, then id. */
    static List<Quote> inArchiveOrder(List<Quote> quotes) {
        return quotes.stream().sorted((a, b) -> {
            int byTime = b.publishedAt().compareTo(a.publishedAt());
            return byTime != 0 ? byTime : a.id().compareTo(b.id());
        }).toList();
    }
}
