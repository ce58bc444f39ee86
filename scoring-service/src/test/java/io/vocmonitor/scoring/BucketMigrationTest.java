package io.vocmonitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocmonitor.aggregates.BucketLayout;
import io.vocmonitor.aggregates.ItemSums;
import io.vocmonitor.aggregates.ResponseContribution;
import io.vocmonitor.aggregates.ScoreSums;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bucket table's layout in SQL matches {@link BucketLayout}, and migration V4 carries older buckets over. */
class BucketMigrationTest {

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create("bucket_migration");
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void theLayoutTableDescribesTheArraysTheCodeWrites() throws Exception {
        migrate(null);
        for (Instrument instrument : Instrument.values()) {
            List<String> inSql = new ArrayList<>();
            try (Connection c = database.connect("voc_scoring");
                 PreparedStatement s = c.prepareStatement("SELECT item, position, paired, count_from, count_to "
                         + "FROM scoring.bucket_item WHERE instrument = ? ORDER BY position")) {
                s.setString(1, instrument.name());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        inSql.add(rows.getString(1) + "@" + (rows.getInt(2) - 1) + " paired=" + rows.getBoolean(3)
                                + " counts " + rows.getInt(4) + ".." + rows.getInt(5));
                    }
                }
            }
            assertThat(inSql).containsExactlyElementsOf(BucketLayout.of(instrument).items().stream()
                    .map(i -> i.item() + "@" + i.offset() + " paired=" + i.paired() + " counts " + i.countFrom() + ".."
                            + i.countTo())
                    .toList());
        }
    }

    @Test
    void bucketsOfOneRowPerItemBecomeOneArrayPerBucket() throws Exception {
        migrate("3");
        ResponseSubmitted serviceProof = response(Instrument.SERVICEPROOF).answer("SENSING", 5).answer("ENGAGEMENT", 2)
                .recommend(6).effort(7).build();
        ResponseSubmitted otherServiceProof = response(Instrument.SERVICEPROOF).answer("SENSING", 1).satisfaction(4)
                .build();
        ResponseSubmitted recovery = response(Instrument.SERVICE_RECOVERY).relationship(RelationshipOutcome.WEAKENED)
                .answer("RESOLUTION", 2).answer("LEARNING", 5).brandEffect(1).build();
        ScoreSums serviceProofSums = ResponseContribution.of(serviceProof).plus(ResponseContribution.of(otherServiceProof));
        ScoreSums recoverySums = ResponseContribution.of(recovery);
        try (Connection c = database.connect("voc_scoring")) {
            insertItemRows(c, Instrument.SERVICEPROOF, serviceProofSums);
            insertItemRows(c, Instrument.SERVICE_RECOVERY, recoverySums);
        }

        migrate(null);

        try (Connection c = database.connect("voc_scoring");
             PreparedStatement s = c.prepareStatement(
                     "SELECT instrument, sums FROM scoring.bucket ORDER BY instrument")) {
            try (ResultSet rows = s.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(ScoringListenerTest.longs(rows.getArray(2)))
                        .containsExactly(BucketLayout.of(Instrument.SERVICEPROOF).encode(serviceProofSums));
                assertThat(rows.next()).isTrue();
                assertThat(BucketLayout.of(Instrument.SERVICE_RECOVERY).decode(ScoringListenerTest.longs(rows.getArray(2))))
                        .isEqualTo(recoverySums);
                assertThat(rows.next()).isFalse();
            }
        }
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(database.jdbcUrl(), "voc_scoring", "").schemas("scoring").defaultSchema("scoring")
                .createSchemas(false).locations("classpath:db/migration").target(target == null ? "latest" : target)
                .load().migrate();
    }

    /** The rows the scoring-service wrote before V4: one per bucket and item. */
    private static void insertItemRows(Connection c, Instrument instrument, ScoreSums sums) throws Exception {
        for (Map.Entry<String, ItemSums> item : sums.items().entrySet()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO scoring.bucket VALUES ('acme', ?, '2026-11-20', "
                    + "'PHONE', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ItemSums v = item.getValue();
                s.setString(1, instrument.name());
                s.setString(2, item.getKey());
                long[] values = {v.n(), v.sumX(), v.sumX2(), v.sumY(), v.sumY2(), v.sumXY()};
                for (int i = 0; i < values.length; i++) {
                    s.setLong(3 + i, values[i]);
                }
                for (int slot = 0; slot < ItemSums.COUNT_SLOTS; slot++) {
                    s.setLong(9 + slot, v.count(slot));
                }
                s.executeUpdate();
            }
        }
    }

    private static ResponseSubmitted.Builder response(Instrument instrument) {
        return ResponseSubmitted.builder().responseId(UUID.randomUUID()).organisationId("acme").instrument(instrument)
                .answeredAt(Instant.parse("2026-11-20T10:15:00Z")).receivedAt(Instant.parse("2026-11-20T10:15:01Z"));
    }
}
