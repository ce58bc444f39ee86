package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard-service reading from a physical streaming replica (VOC_DB_READ_URL) of the platform's PostgreSQL, made
 * as {@code ./voc up --replica} makes it of an embedded server: a low-level base backup by the same tool
 * ({@code LocalRuntime replica-backup}), started as a standby. While the replica's replay is paused, the dashboard answers from it — the old scores under the old
 * tag, never the new tag over old scores — and holds back the stream's notice, which it passes on once the replica
 * shows the new version; the replay lag is a metric. While the replica does not answer at all (the relay in front of
 * it cut), the dashboard stays ready and reads from the primary, and goes back to the replica once it answers again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaReadIT {

    private static final Pattern VERSION = Pattern.compile("^data:.*\"version\":(\\d+)");

    private EmbeddedPostgres primary;
    private EmbeddedPostgres replica;
    /** The dashboard's way to the replica, which a test cuts as an outage of the replica would. */
    private TcpRelay toReplica;
    private Platform platform;
    private Api api;

    @BeforeAll
    void startPlatformWithAReplica() throws Exception {
        Path data = Path.of("target/replica-it").toAbsolutePath();
        deleteRecursively(data);
        primary = EmbeddedPostgres.builder().setDataDirectory(data.resolve("primary")).setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on").start();
        String primaryServer = "jdbc:postgresql://127.0.0.1:" + primary.getPort();
        assertThat(localRuntime(data.resolve("backup.out"), "replica-backup", primaryServer, "postgres",
                data.resolve("primary").toString(), data.resolve("replica").toString()))
                .as("the base backup; its output in %s", data.resolve("backup.out")).isZero();
        // an existing data directory is started as it is, not initialised
        replica = EmbeddedPostgres.builder().setDataDirectory(data.resolve("replica")).setCleanDataDirectory(false)
                .start();
        assertThat(standby()).as("the copy runs as a standby").isTrue();
        toReplica = TcpRelay.to(replica.getPort());
        platform = Platform.startWithReplica(primaryServer + "/postgres",
                "jdbc:postgresql://127.0.0.1:" + toReplica.port() + "/postgres");
        api = new Api(platform);
    }

    @AfterAll
    void stopEverything() throws IOException {
        if (platform != null) {
            platform.close();
        }
        if (toReplica != null) {
            toReplica.close();
        }
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void theDashboardAnswersFromTheReplicaWithTagsOfWhatItReads() throws Exception {
        Api.Org org = api.register("replica");
        for (int i = 0; i < 6; i++) {
            api.post(org, response(), 202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> responses(org) == 6);
        String caughtUp = serviceProof(org).header("ETag");
        assertThat(caughtUp).contains("sp" + primaryVersion(org) + ".");

        // the versions the stream announces
        List<Long> notices = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest streamRequest = HttpRequest.newBuilder(URI.create(api.dashboard(org) + "/stream"))
                .header("X-Api-Key", org.readKey()).build();
        HttpResponse<Stream<String>> stream = http.send(streamRequest, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.body()
                .map(VERSION::matcher).filter(Matcher::find).forEach(m -> notices.add(Long.parseLong(m.group(1)))),
                "stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            long before = primaryVersion(org);
            setReplay("pause");
            try {
                api.post(org, response(), 202);
                await().atMost(Duration.ofSeconds(30)).until(() -> primaryVersion(org) > before);
                long scored = System.nanoTime();
                // the primary has the 7th response; the replica, paused, does not, and the dashboard says what it reads
                Response stale = serviceProof(org);
                assertThat(stale.jsonPath().getInt("responses")).isEqualTo(6);
                assertThat(stale.header("ETag")).isEqualTo(caughtUp);
                await().atMost(Duration.ofSeconds(3)).until(() -> api.metric("dashboard",
                        "voc_dashboard_replica_lag_seconds") > 0);
                // the notice waits for the replica: a dashboard re-reading on it would get the old scores again
                while (System.nanoTime() - scored < Duration.ofMillis(1500).toNanos()) {
                    assertThat(notices).as("no notice of the new version while the replica lags").allMatch(v -> v <= before);
                    Thread.sleep(100);
                }
            } finally {
                setReplay("resume");
            }
            // released by the replay, at once, not by the longest wait of 5 s
            await().atMost(Duration.ofSeconds(1)).until(() -> notices.stream().anyMatch(v -> v > before));
            assertThat(platform.log("dashboard")).doesNotContain("score versions could not be read");
            // on the notice, the new scores under the new tag
            Response fresh = serviceProof(org);
            assertThat(fresh.jsonPath().getInt("responses")).isEqualTo(7);
            assertThat(fresh.header("ETag")).isNotEqualTo(caughtUp).contains("sp" + primaryVersion(org) + ".");
            await().atMost(Duration.ofSeconds(5)).until(() -> api.metric("dashboard",
                    "voc_dashboard_replica_lag_seconds") == 0);
        } finally {
            stream.body().close();
            reader.interrupt();
        }
        // the reads go to the replica: its sessions include the dashboard's role
        try (Connection c = replicaConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'voc_dashboard'")) {
            rows.next();
            assertThat(rows.getInt(1)).isPositive();
        }
    }

    @Test
    void whileTheReplicaDoesNotAnswerTheDashboardReadsFromThePrimary() throws Exception {
        Api.Org org = api.register("replica-down");
        api.post(org, response(), 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> responses(org) == 1);

        toReplica.cut();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> api.metric("dashboard",
                    "voc_dashboard_reads_on_primary") == 1);
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(platform.url("dashboard") + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as("ready without its replica").isEqualTo(200);
            // scored on the primary and read there, although the replica cannot be reached
            api.post(org, response(), 202);
            await().atMost(Duration.ofSeconds(30)).until(() -> responses(org) == 2);
            Response fresh = serviceProof(org);
            assertThat(fresh.header("ETag")).contains("sp" + primaryVersion(org) + ".");
        } finally {
            toReplica.mend();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> api.metric("dashboard",
                "voc_dashboard_reads_on_primary") == 0);
        assertThat(responses(org)).as("the replica has caught up").isEqualTo(2);
        assertThat(platform.log("dashboard")).contains("reads go to the primary until the read server answers again")
                .contains("reads go to the read server again");
    }

    private static Map<String, Object> response() {
        return Map.of("responseId", UUID.randomUUID().toString(), "instrument", "SERVICEPROOF",
                "answers", Map.of("VALUE", 4, "SENSING", 5));
    }

    private Response serviceProof(Api.Org org) {
        return api.withKey(org.readKey()).when().get(api.dashboard(org) + "/serviceproof")
                .then().statusCode(200).extract().response();
    }

    private int responses(Api.Org org) {
        return serviceProof(org).jsonPath().getInt("responses");
    }

    /** The organisation's ServiceProof score version on the primary. */
    private long primaryVersion(Api.Org org) throws Exception {
        try (Connection c = platform.superuserConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT version FROM scoring.score_version_view WHERE organisation_id = ? AND instrument = 'SERVICEPROOF'")) {
            s.setString(1, org.id());
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private boolean standby() throws Exception {
        try (Connection c = replicaConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT pg_is_in_recovery()")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private void setReplay(String action) throws Exception {
        try (Connection c = replicaConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_wal_replay_" + action + "()");
        }
    }

    private Connection replicaConnection() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + replica.getPort() + "/postgres", "postgres", "");
    }

    /** Runs one of ./voc's tools (deploy/local) as ./voc does, in a JVM of its own; its exit status. */
    private static int localRuntime(Path output, String... arguments) throws Exception {
        Path root = Path.of(System.getProperty("voc.repository.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                KafkaProcess.localRuntime(root), "io.vocmonitor.local.LocalRuntime"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return process.waitFor();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> paths = Files.walk(path)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
