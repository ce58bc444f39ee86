package io.vocmonitor.system;

import static org.awaitility.Awaitility.await;

import io.vocmonitor.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The whole platform for a system test: an Apache Kafka broker, a private PostgreSQL database and the three
 * packaged services, each in its own process as in production, so that any of them can be killed and
 * started again. Logs go to {@code system-tests/target/system-logs/}.
 */
final class Platform implements AutoCloseable {

    static final String ADMIN_TOKEN = "system-test-admin-token-0123456789";
    static final String PSEUDONYM_KEY = "system-test-pseudonym-key-0123456789abcdef";
    /** The three services, each started once as the instance of the same name. */
    static final List<String> SERVICES = List.of("survey", "scoring", "dashboard");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path root;
    private final Path logs;
    private final Brokers kafka;
    private final TestDatabase database;
    /** Settings of the dashboard-service beyond the common ones: a replica to read from, webhook rules. */
    private final Map<String, String> dashboardEnvironment;
    /** Running processes by instance name: survey, scoring, dashboard, and extra ones such as scoring-2. */
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    /** The dashboard-service's way to the database, which a test may cut; none unless started with one. */
    private TcpRelay dashboardDatabase;

    private Platform(Path root, Path logs, Brokers kafka, TestDatabase database, Map<String, String> dashboardEnvironment) {
        this.root = root;
        this.dashboardEnvironment = dashboardEnvironment;
        this.logs = logs;
        this.kafka = kafka;
        this.database = database;
    }

    static Platform start() throws Exception {
        Path root = root();
        Path logs = freshLogs(root.resolve("system-tests/target/system-logs"));
        return start(root, logs, KafkaProcess.start(root, logs.resolve("kafka")), "system");
    }

    /**
     * A platform of its own on a three-node Kafka cluster ({@link KafkaCluster}), with its own database and logs
     * under target/cluster-logs, beside the one the other system tests share.
     */
    static Platform startOnCluster() throws Exception {
        Path root = root();
        Path logs = freshLogs(root.resolve("system-tests/target/cluster-logs"));
        return start(root, logs, KafkaCluster.start(root, logs.resolve("kafka")), "system_cluster");
    }

    /**
     * A platform of its own whose database lives on the server of {@code primaryServerUrl} and whose
     * dashboard-service reads from the streaming replica of that server at {@code replicaServerUrl}
     * ({@code VOC_DB_READ_URL}); its logs under target/replica-logs.
     */
    static Platform startWithReplica(String primaryServerUrl, String replicaServerUrl) throws Exception {
        Path root = root();
        Path logs = freshLogs(root.resolve("system-tests/target/replica-logs"));
        TestDatabase database = TestDatabase.create(primaryServerUrl, "system_replica");
        String readUrl = replicaServerUrl.substring(0, replicaServerUrl.lastIndexOf('/') + 1) + database.name();
        return start(new Platform(root, logs, KafkaProcess.start(root, logs.resolve("kafka")), database,
                Map.of("VOC_DB_READ_URL", readUrl)));
    }

    /**
     * A platform of its own whose dashboard-service runs with these settings besides the common ones (e.g. the webhook
     * rules) and reaches the database through a relay that a test can cut ({@link #dashboardDatabase}); its logs
     * under target/{@code name}-logs.
     */
    static Platform startWithDashboard(String name, Map<String, String> dashboardEnvironment) throws Exception {
        Path root = root();
        Path logs = freshLogs(root.resolve("system-tests/target/" + name + "-logs"));
        TestDatabase database = TestDatabase.create("system_" + name);
        Platform platform = new Platform(root, logs, KafkaProcess.start(root, logs.resolve("kafka")), database,
                dashboardEnvironment);
        platform.dashboardDatabase = TcpRelay.to(URI.create(database.jdbcUrl().substring("jdbc:".length())).getPort());
        return start(platform);
    }

    private static Platform start(Path root, Path logs, Brokers kafka, String databaseName) throws Exception {
        return start(new Platform(root, logs, kafka, TestDatabase.create(databaseName), Map.of()));
    }

    private static Platform start(Platform platform) throws Exception {
        try {
            for (String service : SERVICES) {
                platform.launch(service);
            }
            for (String service : SERVICES) {
                platform.awaitReady(service);
            }
            return platform;
        } catch (Exception | AssertionError e) {
            platform.close();
            throw e;
        }
    }

    /** The repository the system tests run in. */
    static Path root() {
        return Path.of(System.getProperty("voc.repository.root", "..")).toAbsolutePath().normalize();
    }

    /** A fresh broker and fresh logs for every run. */
    private static Path freshLogs(Path logs) throws IOException {
        if (Files.exists(logs)) {
            try (var old = Files.walk(logs)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(logs);
        return logs;
    }

    String url(String instance) {
        return "http://127.0.0.1:" + ports.get(instance);
    }

    String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** Starts an instance of a service ({@code scoring-2} is a second scoring instance) on a port of its own. */
    void launch(String instance) throws IOException {
        String service = instance.replaceAll("-\\d+$", "");
        Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        int port = ports.containsKey(instance) ? ports.get(instance) : KafkaProcess.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(instance + ".log").toFile()));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("VOC_DB_URL", database.jdbcUrl());
        if (service.equals("dashboard")) {
            // webhooks on: over plain http to the discard port of this machine alone, unless a test says otherwise
            builder.environment().put("VOC_WEBHOOK_SECRET_KEY", "system-test-webhook-key-0123456789abcdef");
            builder.environment().put("VOC_WEBHOOK_ALLOW_HTTP", "true");
            builder.environment().put("VOC_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1:9");
            builder.environment().putAll(dashboardEnvironment);
            if (dashboardDatabase != null) {
                builder.environment().put("VOC_DB_URL", "jdbc:postgresql://127.0.0.1:" + dashboardDatabase.port() + "/"
                        + database.name());
            }
        }
        builder.environment().put("VOC_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        builder.environment().put("VOC_ADMIN_TOKEN", ADMIN_TOKEN);
        builder.environment().put("VOC_PSEUDONYM_KEY", PSEUDONYM_KEY);
        // generous for the tests that post hundreds of single responses; rate limits have tests of their own
        builder.environment().put("VOC_RATE_LIMIT_PER_SECOND", "1000");
        builder.environment().put("VOC_RATE_LIMIT_BURST", "2000");
        processes.put(instance, builder.start());
        ports.put(instance, port);
    }

    /** Waits until the instance answers ready; fails at once if its process exits meanwhile. */
    void awaitReady(String instance) {
        HttpClient http = HttpClient.newHttpClient();
        Process process = processes.get(instance);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(instance) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            await().atMost(READY_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .failFast(instance + " exited while starting; see target/system-logs/" + instance + ".log",
                            () -> !process.isAlive())
                    // not listening yet
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        } catch (TerminalFailureException exited) {
            throw new AssertionError(exited.getMessage());
        } catch (ConditionTimeoutException late) {
            throw new AssertionError(instance + " not ready within " + READY_TIMEOUT.toSeconds() + " s", late);
        }
    }

    /** Kills the instance as a crash would (SIGKILL): no shutdown, no last offset commit. */
    void kill(String instance) throws InterruptedException {
        Process process = processes.remove(instance);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the instance cleanly (SIGTERM). */
    void stop(String instance) throws InterruptedException {
        Process process = processes.remove(instance);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The three-node cluster the platform runs on, when it was started with {@link #startOnCluster}. */
    KafkaCluster cluster() {
        return (KafkaCluster) kafka;
    }

    /** Stops the broker cleanly; {@link #startBroker} brings it back on the same port and data. */
    void stopBroker() throws InterruptedException {
        kafka.stop();
    }

    void startBroker() throws Exception {
        kafka.startBroker();
    }

    /** The relay between the dashboard-service and the database, to cut and mend as an outage would. */
    TcpRelay dashboardDatabase() {
        return dashboardDatabase;
    }

    /** A connection to the platform's database as superuser, to look at what is stored. */
    Connection superuserConnection() throws SQLException {
        return database.connect(database.superuser());
    }

    /** What the instance wrote to its log so far. */
    String log(String instance) throws IOException {
        return Files.readString(logs.resolve(instance + ".log"));
    }


    @Override
    public void close() {
        List<Process> stopping = new ArrayList<>(processes.values());
        stopping.forEach(Process::destroy);
        for (Process process : stopping) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dashboardDatabase != null) {
            try {
                dashboardDatabase.close();
            } catch (IOException e) {
                // the relay was closing anyway
            }
        }
        database.close();
        try {
            kafka.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
