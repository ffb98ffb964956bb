package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.indexer.IndexSettings;
import io.stancewire.indexer.IndexSetup;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.local.LocalKafka;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.Indices;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The status of a real broker and node: lag per group, index counts, dead letters by reason, or what did not answer. */
class StatusIT {

    @Test
    void reportsLagIndexCountsAndDeadLettersByReason() throws Exception {
        String bootstrap = LocalKafka.sharedForTests().bootstrapServers();
        String esUrl = LocalElasticsearch.sharedForTests().httpUrl().toString();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "it-status-" + run;
        String group = "it-status-group-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
                }
            }
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1))).all().get();
        }
        String stage = "it-status-" + run;
        try (ElasticsearchClient es = ElasticsearchClients.create(esUrl)) {
            Setup.indices(es, IndexSettings.local());
            for (int i = 0; i < 2; i++) {
                DeadLetter letter = DeadLetter.of(stage, topic, 0, (long) i, "k" + i, "too-big", "over the limit", "{}");
                String id = stage + "-" + i;
                es.index(x -> x.index(Indices.DEAD_LETTERS).id(id).document(letter).refresh(Refresh.True));
            }
            try {
                PipelineStatus status = new PipelineStatus(List.of(new ConsumerLag.Group("test", group, List.of(topic), false)),
                        Duration.ofSeconds(15));

                PipelineStatus.Report report = status.read(bootstrap, es, esUrl);

                assertThat(report.problems()).isEmpty();
                assertThat(report.lags()).containsExactly(new PipelineStatus.GroupLag("test", group, 2));
                assertThat(report.health()).isIn("green", "yellow");
                assertThat(report.indices()).extracting(PipelineStatus.IndexCount::alias).containsExactlyElementsOf(IndexSetup.ALIASES);
                assertThat(report.indices()).filteredOn(i -> i.alias().equals(Indices.DEAD_LETTERS))
                        .singleElement().satisfies(i -> assertThat(i.documents()).isGreaterThanOrEqualTo(2));
                assertThat(report.deadLetters()).contains(new PipelineStatus.DeadLetterCount(stage, "too-big", 2));
            } finally {
                for (int i = 0; i < 2; i++) {
                    String id = stage + "-" + i;
                    es.delete(d -> d.index(Indices.DEAD_LETTERS).id(id).refresh(Refresh.True));
                }
            }
        }
    }

    @Test
    void servicesThatDoNotAnswerAreReportedAndTheExitCodeSaysSo() throws Exception {
        int kafkaPort = deadPort();
        int esPort = deadPort();
        CliCommandsTest.Run run = CliCommandsTest.run("status", "--kafka", "127.0.0.1:" + kafkaPort,
                "--elasticsearch", "http://127.0.0.1:" + esPort, "--timeout", "PT3S");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("PROBLEM: Kafka at 127.0.0.1:" + kafkaPort)
                .contains("PROBLEM: Elasticsearch at http://127.0.0.1:" + esPort);
    }

    private static int deadPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
