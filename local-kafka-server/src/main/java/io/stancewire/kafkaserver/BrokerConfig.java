package io.stancewire.kafkaserver;

import java.util.Properties;

/** The settings of a single-node KRaft broker that is its own controller, listening on the loopback interface only. */
final class BrokerConfig {
    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";

    private BrokerConfig() {}

    static Properties singleNode(KafkaServerLayout layout, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        // A static voter set (not a --standalone dynamic quorum): the controller port lives only in this file, so it
        // may change between restarts of the same data directory.
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", layout.storageDir().toString());

        // One node: every internal topic must accept a single replica, or transactions and groups never become ready.
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Fewer partitions than the default 50 for the internal topics: they are created on first use, and creating
        // 50 of each on a laptop costs seconds for no gain on one node.
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The application declares its topics; a typo must fail, not create a topic.
        p.setProperty("auto.create.topics.enable", "false");

        // A local archive, not a data lake: a week, and at most 1 GiB per partition, whichever comes first.
        p.setProperty("log.retention.hours", "168");
        p.setProperty("log.retention.bytes", Long.toString(1L << 30));
        p.setProperty("log.segment.bytes", Long.toString(256L << 20));

        // Sized for a laptop that also runs the pipeline and Elasticsearch.
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("num.recovery.threads.per.data.dir", "2");
        return p;
    }
}
