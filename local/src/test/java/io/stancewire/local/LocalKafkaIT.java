package io.stancewire.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LocalKafkaIT {

    @Test
    void readCommittedConsumerSeesCommittedTransactionsOnlyOnASingleNode() throws Exception {
        LocalKafka kafka = LocalKafka.sharedForTests();
        String topic = "eos-check";
        createTopic(kafka, topic);

        try (KafkaProducer<String, String> producer = transactionalProducer(kafka, "eos-check-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "b", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "c", "aborted")).get();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "d", "committed-3"));
            producer.commitTransaction();
        }

        assertThat(readCommitted(kafka, topic, 3)).containsExactly("committed-1", "committed-2", "committed-3");
    }

    @Test
    void restartOnTheSameDirectoryKeepsTopicsAndRecords(@TempDir Path dir) throws Exception {
        String topic = "survives-restart";
        try (LocalKafka first = LocalKafka.startForTests(dir)) {
            createTopic(first, topic);
            try (KafkaProducer<String, String> producer = transactionalProducer(first, "restart-tx")) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "before-restart"));
                producer.commitTransaction();
            }
        }

        // New ports on purpose: the same data directory must also come back under another port.
        try (LocalKafka second = LocalKafka.startForTests(dir)) {
            try (Admin admin = admin(second)) {
                assertThat(admin.listTopics().names().get()).contains(topic);
            }
            assertThat(readCommitted(second, topic, 1)).containsExactly("before-restart");
            assertThat(Files.readString(second.logFile())).doesNotContain("Formatting");
        }
    }

    @Test
    void aTakenPortFailsBeforeStartingWithAMessageNamingItAndHowToChangeIt(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LocalKafka.HOST))) {
            int port = taken.getLocalPort();
            LocalKafka.Options options = LocalKafka.Options.defaults()
                    .withDataDir(dir).withBrokerPort(port).withControllerPort(LocalKafka.freePorts(1)[0]);

            assertThatThrownBy(() -> LocalKafka.start(options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("broker port " + port)
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("withBrokerPort");
        }
        assertThat(dir.resolve("broker.log")).doesNotExist();
    }

    @Test
    void aBrokerThatCannotStartIsReportedWithTheTailOfItsLog(@TempDir Path dir) throws IOException {
        Path dataDir = dir.resolve("kafka");
        Files.createDirectories(dataDir);
        // Kafka's storage directory must be a directory: a file in its place makes the broker exit at once.
        Files.writeString(dataDir.resolve("data"), "not a directory");
        int[] ports = LocalKafka.freePorts(2);
        LocalKafka.Options options = new LocalKafka.Options(dataDir, ports[0], ports[1], Duration.ofSeconds(60));

        assertThatThrownBy(() -> LocalKafka.start(options))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited during start-up")
                .hasMessageContaining(dataDir.resolve("broker.log").toString())
                .hasMessageContaining("FileAlreadyExistsException");
    }

    static void createTopic(LocalKafka kafka, String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = admin(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
    }

    private static Admin admin(LocalKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static KafkaProducer<String, String> transactionalProducer(LocalKafka kafka, String transactionalId) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId),
                new StringSerializer(), new StringSerializer());
    }

    /** Reads until {@code expected} values arrived, then a little longer so that an extra record would show. */
    private static List<String> readCommitted(LocalKafka kafka, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        // Keys a, b, d may sit in different partitions: order by value to compare, as order only holds per partition.
        return records.stream().map(ConsumerRecord::value).sorted().toList();
    }
}
