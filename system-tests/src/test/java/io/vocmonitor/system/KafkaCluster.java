package io.vocmonitor.system;

import io.vocmonitor.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * Three Kafka nodes (KRaft, each broker and controller, static voters) in processes of their own, configured from
 * {@code deploy/local/kafka/cluster.properties} as {@code ./voc up --brokers 3} configures them, on free ports;
 * topics with three replicas, two in sync for a write. A node can be killed and started again.
 */
final class KafkaCluster implements Brokers {

    static final int NODES = 3;

    private final List<KafkaProcess> nodes;

    private KafkaCluster(List<KafkaProcess> nodes) {
        this.nodes = nodes;
    }

    static KafkaCluster start(Path root, Path directory) throws Exception {
        int[] ports = new int[NODES];
        int[] controllerPorts = new int[NODES];
        for (int i = 0; i < NODES; i++) {
            ports[i] = KafkaProcess.freePort();
            controllerPorts[i] = KafkaProcess.freePort();
        }
        String template = Files.readString(root.resolve("deploy/local/kafka/cluster.properties"));
        String voters = "1@127.0.0.1:" + controllerPorts[0] + ",2@127.0.0.1:" + controllerPorts[1] + ",3@127.0.0.1:"
                + controllerPorts[2];
        String clusterId = Uuid.randomUuid().toString();
        List<KafkaProcess> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            String config = template
                    .replaceAll("(?m)^controller\\.quorum\\.voters=.*$", "controller.quorum.voters=" + voters)
                    .replace("@NODE_ID@", Integer.toString(i + 1))
                    .replace("@PORT@", Integer.toString(ports[i]))
                    .replace("@CONTROLLER_PORT@", Integer.toString(controllerPorts[i]));
            nodes.add(KafkaProcess.node(root, directory.resolve("node-" + (i + 1)), config, ports[i], clusterId));
        }
        KafkaCluster cluster = new KafkaCluster(nodes);
        cluster.startBroker();
        cluster.createTopics();
        return cluster;
    }

    /** The node of a broker id (1..3). */
    KafkaProcess node(int id) {
        return nodes.get(id - 1);
    }

    @Override
    public String bootstrapServers() {
        return nodes.stream().map(KafkaProcess::bootstrapServers).collect(Collectors.joining(","));
    }

    /** Starts every node at once (the controllers need a quorum before any broker is up), then waits for all. */
    @Override
    public void startBroker() throws Exception {
        long[] seen = new long[NODES];
        for (int i = 0; i < NODES; i++) {
            seen[i] = nodes.get(i).launch();
        }
        for (int i = 0; i < NODES; i++) {
            nodes.get(i).awaitStarted(seen[i]);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        for (KafkaProcess node : nodes) {
            node.stop();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (KafkaProcess node : nodes) {
            node.close();
        }
    }

    private void createTopics() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = Topics.LOCAL_PARTITIONS.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) NODES)
                            .configs(Map.of("min.insync.replicas", "2")))
                    .toList();
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }
}
