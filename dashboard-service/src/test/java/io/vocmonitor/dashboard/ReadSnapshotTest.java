package io.vocmonitor.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vocmonitor.dashboard.store.BucketReader;
import io.vocmonitor.dashboard.store.Reads;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.testing.VocInfrastructure;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's reads: inside a snapshot, the score versions an ETag names and the buckets of its answer cannot
 * drift apart, whatever is committed between two statements; outside one, every read sees the latest. Without a
 * replica (VOC_DB_READ_URL unset) the reads go to the primary, whose replay lag is 0.
 */
@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = {
        @ResourceArg(name = "role", value = "voc_dashboard"),
        @ResourceArg(name = "views-for-readers", value = "true")})
class ReadSnapshotTest {

    @Inject
    Reads reads;

    @Inject
    BucketReader buckets;

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @Test
    void readsInOneSnapshotDoNotSeeWhatIsCommittedBetweenThem() throws Exception {
        Fixtures fixtures = new Fixtures(jdbcUrl);
        String org = fixtures.organisation("snapshot").id();
        fixtures.bumpVersion(org, "SERVICEPROOF");

        long[] seen = reads.snapshot(() -> {
            long first = version(org);
            bump(fixtures, org); // committed by another session meanwhile
            long nested = reads.snapshot(() -> version(org));
            return new long[] {first, version(org), nested};
        });

        assertThat(seen[1]).as("a second read of the same snapshot").isEqualTo(seen[0]);
        assertThat(seen[2]).as("a nested snapshot is the enclosing one").isEqualTo(seen[0]);
        assertThat(version(org)).as("after the snapshot, the latest").isEqualTo(seen[0] + 1);
    }

    @Test
    void aSnapshotIsReadOnly() {
        assertThatThrownBy(() -> reads.snapshot(() -> {
            try (Connection c = reads.connection(); Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE dashboard.alert SET acknowledged_at = now() WHERE false");
            }
        })).hasMessageContaining("read-only");
    }

    @Test
    void onThePrimaryTheReplayLagIsZero() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines()).contains("voc_dashboard_replica_lag_seconds 0.0");
    }

    private static void bump(Fixtures fixtures, String org) {
        try {
            fixtures.bumpVersion(org, "SERVICEPROOF");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long version(String org) {
        return buckets.versions(List.of(org)).get(org).get(Instrument.SERVICEPROOF);
    }
}
