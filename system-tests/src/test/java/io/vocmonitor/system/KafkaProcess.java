package io.vocmonitor.system;

import static org.awaitility.Awaitility.await;

import io.vocmonitor.events.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * An Apache Kafka broker (KRaft, one node) in a process of its own, started from the local runtime's
 * classpath and configuration exactly as {@code ./voc up} starts it, on free ports. It can be stopped,
 * killed and started again on the same ports and data, as an outage would do to it. One node of a
 * {@link KafkaCluster} is such a process too.
 */
final class KafkaProcess implements Brokers {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path root;
    private final Path directory;
    private final int port;
    private Process process;
    private int starts;

    private KafkaProcess(Path root, Path directory, int port) {
        this.root = root;
        this.directory = directory;
        this.port = port;
    }

    static KafkaProcess start(Path root, Path directory) throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        Files.createDirectories(directory.resolve("data"));
        String config = Files.readString(root.resolve("deploy/local/kafka/server.properties"))
                .replace("127.0.0.1:9092", "127.0.0.1:" + port)
                .replace("127.0.0.1:9093", "127.0.0.1:" + controllerPort)
                .replace("@DATA_DIR@", directory.resolve("data").toString());
        Files.writeString(directory.resolve("server.properties"), config);
        KafkaProcess kafka = new KafkaProcess(root, directory, port);
        kafka.run("kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(),
                "-c", directory.resolve("server.properties").toString()).waitFor(60, TimeUnit.SECONDS);
        kafka.startBroker();
        kafka.createTopics();
        return kafka;
    }

    /**
     * One node of a cluster, formatted but not started: {@code config} is its server.properties with
     * {@code @DATA_DIR@} still to fill in.
     */
    static KafkaProcess node(Path root, Path directory, String config, int port, String clusterId) throws Exception {
        Files.createDirectories(directory.resolve("data"));
        Files.writeString(directory.resolve("server.properties"),
                config.replace("@DATA_DIR@", directory.resolve("data").toString()));
        KafkaProcess node = new KafkaProcess(root, directory, port);
        node.run("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                directory.resolve("server.properties").toString()).waitFor(60, TimeUnit.SECONDS);
        return node;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again after {@link #stop} or {@link #kill}, on the same port and data. */
    @Override
    public void startBroker() throws Exception {
        awaitStarted(launch());
    }

    /** Starts the broker's process and answers how much of its log was there before: see {@link #awaitStarted}. */
    long launch() throws IOException {
        starts++;
        Path log = directory.resolve("kafka-server.log");
        long seen = Files.exists(log) ? Files.size(log) : 0;
        process = run(directory.resolve("broker-" + starts + ".out"), "kafka.Kafka",
                directory.resolve("server.properties").toString());
        return seen;
    }

    /** Waits until the broker launched with the log at {@code seen} bytes says it has started. */
    void awaitStarted(long seen) {
        Path log = directory.resolve("kafka-server.log");
        Process started = process;
        try {
            await().atMost(START_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .failFast("the Kafka broker exited; see " + directory, () -> !started.isAlive())
                    // only what this start wrote: the log goes on from the broker's earlier runs
                    .until(() -> Files.exists(log)
                            && Files.readString(log).substring((int) seen).contains("Kafka Server started"));
        } catch (TerminalFailureException exited) {
            throw new IllegalStateException(exited.getMessage());
        } catch (ConditionTimeoutException late) {
            throw new IllegalStateException(
                    "the Kafka broker did not start within " + START_TIMEOUT.toSeconds() + " s", late);
        }
    }

    /** A crash (SIGKILL): no shutdown, nothing flushed that was not. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A clean shutdown (SIGTERM), waited for. */
    @Override
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private void createTopics() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = Topics.LOCAL_PARTITIONS.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList();
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    private Process run(String... mainAndArgs) throws IOException {
        return run(directory.resolve("tool.out"), mainAndArgs);
    }

    private Process run(Path output, String... mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xms128m", "-Xmx512m", "-cp", localRuntime(root),
                "-Dlog4j2.configurationFile=" + root.resolve("deploy/local/kafka/log4j2.properties"),
                "-Dkafka.logs.dir=" + directory));
        command.addAll(List.of(mainAndArgs));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** The classpath of what ./voc runs besides the services (deploy/local): the broker, the database tools. */
    static String localRuntime(Path root) throws IOException {
        Path classpathFile = root.resolve("deploy/local/target/runtime.classpath");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: package deploy/local first (./mvnw verify does)");
        }
        return root.resolve("deploy/local/target/classes") + ":" + Files.readString(classpathFile).strip();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
