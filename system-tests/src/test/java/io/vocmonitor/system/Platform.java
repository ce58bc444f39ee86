package io.vocmonitor.system;

import io.vocmonitor.testing.EmbeddedKafka;
import io.vocmonitor.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform for a system test: a real Kafka broker, a private PostgreSQL database and the three
 * packaged services, each in its own JVM as in production. Logs go to {@code target/system-logs/}.
 */
final class Platform implements AutoCloseable {

    static final String ADMIN_TOKEN = "system-test-admin-token-0123456789";
    static final String PSEUDONYM_KEY = "system-test-pseudonym-key-0123456789abcdef";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final EmbeddedKafka kafka;
    private final TestDatabase database;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    private Platform(EmbeddedKafka kafka, TestDatabase database) {
        this.kafka = kafka;
        this.database = database;
    }


    static Platform start() throws Exception {
        Platform platform = new Platform(EmbeddedKafka.start(), TestDatabase.create("system"));
        try {
            for (String service : List.of("survey", "scoring", "dashboard")) {
                platform.launch(service);
            }
            for (String service : platform.processes.keySet()) {
                platform.awaitReady(service);
            }
            return platform;
        } catch (Exception | AssertionError e) {
            platform.close();
            throw e;
        }
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** A connection to the platform's database as superuser, to look at what is stored. */
    java.sql.Connection superuserConnection() throws java.sql.SQLException {
        return database.connect(database.superuser());
    }

    /** What the service wrote to its log so far. */
    String log(String service) throws IOException {
        Path root = Path.of(System.getProperty("voc.repository.root", "..")).toAbsolutePath().normalize();
        return Files.readString(root.resolve("system-tests/target/system-logs/" + service + ".log"));
    }

    private void launch(String service) throws IOException {
        Path root = Path.of(System.getProperty("voc.repository.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        Path logs = root.resolve("system-tests/target/system-logs");
        Files.createDirectories(logs);
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(service + ".log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("VOC_DB_URL", database.jdbcUrl());
        builder.environment().put("VOC_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        builder.environment().put("VOC_ADMIN_TOKEN", ADMIN_TOKEN);
        builder.environment().put("VOC_PSEUDONYM_KEY", PSEUDONYM_KEY);
        // generous enough for the tests that post hundreds of single responses; RATE_LIMITED_* for the one that checks
        builder.environment().put("VOC_RATE_LIMIT_PER_SECOND", "1000");
        builder.environment().put("VOC_RATE_LIMIT_BURST", "2000");
        processes.put(service, builder.start());
        ports.put(service, port);
    }

    private void awaitReady(String service) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.get(service).isAlive()) {
                throw new AssertionError(service + "-service exited while starting; see target/system-logs/" + service + ".log");
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(service + "-service not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        List<Process> stopping = new ArrayList<>(processes.values());
        stopping.forEach(Process::destroy);
        for (Process process : stopping) {
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        database.close();
        kafka.close();
    }
}
