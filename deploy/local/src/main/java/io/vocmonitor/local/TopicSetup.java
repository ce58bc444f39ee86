package io.vocmonitor.local;

import io.vocmonitor.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the topics of SPEC §3 at their local partition counts, with one replica on a single broker, or three
 * (two of them in sync for a write) on a cluster; leaves existing ones alone.
 */
final class TopicSetup {

    private TopicSetup() {
    }

    static int run(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || args.length == 2 && !args[1].matches("[13]")) {
            System.err.println("usage: create-topics BOOTSTRAP [REPLICAS: 1 or 3]");
            return 2;
        }
        short replicas = args.length == 2 ? Short.parseShort(args[1]) : 1;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.LOCAL_PARTITIONS.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), replicas)
                            .configs(replicas > 1 ? Map.of("min.insync.replicas", "2") : Map.of()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            for (Map.Entry<String, Integer> topic : new TreeMap<>(Topics.LOCAL_PARTITIONS).entrySet()) {
                System.out.printf("  topic %-20s %d partition(s)%s%n", topic.getKey(), topic.getValue(),
                        existing.contains(topic.getKey()) ? "" : " (created, " + replicas + " replica(s))");
            }
        }
        return 0;
    }
}
