package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.vocmonitor.events.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The platform on a three-node Kafka cluster (replication 3, two in sync for a write): the leader of the partition an
 * organisation is posting to is killed with SIGKILL mid-stream and started again. Every response answered 202 is
 * counted exactly once — lost 0, double 0 — and a response answered 503 was refused, never half-taken.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterFailoverIT {

    private static final int RESPONSES = 300;

    private Platform platform;
    private Api api;

    @BeforeAll
    void startPlatformOnACluster() throws Exception {
        platform = Platform.startOnCluster();
        api = new Api(platform);
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void killingThePartitionLeaderMidStreamLosesNothingAndCountsNothingTwice() throws Exception {
        Api.Org org = api.register("cluster");
        int partition = Utils.toPositive(Utils.murmur2(org.id().getBytes(StandardCharsets.UTF_8)))
                % Topics.LOCAL_PARTITIONS.get(Topics.RESPONSES);
        int leader = leaderOf(partition);

        List<String> sent = new ArrayList<>();
        Set<String> accepted = new HashSet<>();
        int refused = 0;
        long killedAt = -1;
        for (int i = 0; i < RESPONSES; i++) {
            if (i == RESPONSES / 4) {
                platform.cluster().node(leader).kill(); // SIGKILL: no shutdown, no hand-over
                killedAt = i;
            }
            if (i == RESPONSES / 2) {
                platform.cluster().node(leader).startBroker();
            }
            String responseId = UUID.randomUUID().toString();
            sent.add(responseId);
            int status = api.withKey(org.ingestKey()).contentType(ContentType.JSON)
                    .body(Map.of("responseId", responseId, "instrument", "SERVICEPROOF", "answers", Map.of("VALUE", 4)))
                    .when().post(api.survey(org) + "/responses")
                    .then().extract().statusCode();
            assertThat(status).as("response %d", i).isIn(202, 503);
            if (status == 202) {
                accepted.add(responseId);
            } else {
                refused++;
            }
            Thread.sleep(20); // a steady stream, about 30 a second, across the failover
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> counted(org).containsAll(accepted));
        Set<String> counted = counted(org);
        long summary = api.scores(org, "summary").getLong("serviceproof.responses");
        Set<String> lost = new HashSet<>(accepted);
        lost.removeAll(counted);
        System.out.printf("cluster failover: leader %d of partition %d killed at response %d of %d; sent %d, "
                + "accepted %d, refused %d, counted %d, lost %d, double %d%n", leader, partition, killedAt,
                RESPONSES, sent.size(), accepted.size(), refused, counted.size(), lost.size(), summary - counted.size());
        assertThat(lost).as("accepted but not counted").isEmpty();
        assertThat(summary).as("counted in the scores, each once").isEqualTo(counted.size());
        // a 503 that the broker had in fact kept is counted once too: the client's retry with the same id changes
        // nothing; nothing is counted that was not sent
        assertThat(sent).containsAll(counted);
        assertThat(accepted.size()).as("most responses are accepted through the failover").isGreaterThan(RESPONSES / 2);
    }

    /** The responseIds in the organisation's ledger. */
    private Set<String> counted(Api.Org org) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = platform.superuserConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT response_id::text FROM scoring.response WHERE organisation_id = ? AND retracted_at IS NULL")) {
            s.setString(1, org.id());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private int leaderOf(int partition) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            return admin.describeTopics(List.of(Topics.RESPONSES)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.RESPONSES).partitions().get(partition).leader().id();
        }
    }
}
