package io.vocmonitor.dashboard;

import io.vocmonitor.aggregates.ItemSums;
import io.vocmonitor.aggregates.ResponseContribution;
import io.vocmonitor.aggregates.Touchpoints;
import io.vocmonitor.events.ResponseSubmitted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Test data written straight into the tables the dashboard reads, as their owners would: organisations and
 * key hashes (schema survey), buckets (schema scoring).
 */
final class Fixtures {

    /** An organisation's keys in clear. */
    record Keys(String id, String ingestKey, String readKey) {
    }

    private final String jdbcUrl;

    Fixtures(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    Keys organisation(String prefix) throws Exception {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Keys keys = new Keys(id, "voc_ingest_" + UUID.randomUUID(), "voc_read_" + UUID.randomUUID());
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_survey", "")) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO survey.organisation (id, name, sector) VALUES (?, ?, 'SERVICES')")) {
                s.setString(1, id);
                s.setString(2, "Org " + id);
                s.executeUpdate();
            }
            for (Map.Entry<String, String> key : Map.of("INGEST", keys.ingestKey(), "READ", keys.readKey()).entrySet()) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO survey.api_key (key_hash, organisation_id, scope) VALUES (?, ?, ?)")) {
                    s.setString(1, sha256(key.getValue()));
                    s.setString(2, id);
                    s.setString(3, key.getKey());
                    s.executeUpdate();
                }
            }
        }
        return keys;
    }

    /** Adds each response to its bucket, one row per response and item, as the scoring-service's sums would be. */
    void bucket(ResponseSubmitted... responses) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_scoring", "")) {
            for (ResponseSubmitted response : responses) {
                for (Map.Entry<String, ItemSums> item : ResponseContribution.of(response).items().entrySet()) {
                    insert(c, response, item.getKey(), item.getValue());
                }
            }
        }
    }

    /** Increments the organisation's score version of the instrument, as the scoring-service does per batch. */
    void bumpVersion(String organisationId, String instrument) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_scoring", "");
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO scoring.score_version AS v (organisation_id, instrument, version, updated_at)
                     VALUES (?, ?, 1, now())
                     ON CONFLICT (organisation_id, instrument) DO UPDATE SET version = v.version + 1
                     """)) {
            s.setString(1, organisationId);
            s.setString(2, instrument);
            s.executeUpdate();
        }
    }

    private static void insert(Connection c, ResponseSubmitted response, String item, ItemSums s) throws Exception {
        try (PreparedStatement statement = c.prepareStatement("""
                INSERT INTO scoring.bucket AS b VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (organisation_id, instrument, day, channel, touchpoint, item) DO UPDATE SET
                    n = b.n + excluded.n, sum_x = b.sum_x + excluded.sum_x, sum_x2 = b.sum_x2 + excluded.sum_x2,
                    sum_y = b.sum_y + excluded.sum_y, sum_y2 = b.sum_y2 + excluded.sum_y2,
                    sum_xy = b.sum_xy + excluded.sum_xy, count_0 = b.count_0 + excluded.count_0,
                    count_1 = b.count_1 + excluded.count_1, count_2 = b.count_2 + excluded.count_2,
                    count_3 = b.count_3 + excluded.count_3, count_4 = b.count_4 + excluded.count_4,
                    count_5 = b.count_5 + excluded.count_5, count_6 = b.count_6 + excluded.count_6,
                    count_7 = b.count_7 + excluded.count_7, count_8 = b.count_8 + excluded.count_8,
                    count_9 = b.count_9 + excluded.count_9, count_10 = b.count_10 + excluded.count_10
                """)) {
            statement.setString(1, response.organisationId());
            statement.setString(2, response.instrument().name());
            statement.setObject(3, LocalDate.ofInstant(response.answeredAt(), ZoneOffset.UTC));
            statement.setString(4, response.channel().name());
            statement.setString(5, Touchpoints.normalise(response.touchpoint()));
            statement.setString(6, item);
            long[] values = {s.n(), s.sumX(), s.sumX2(), s.sumY(), s.sumY2(), s.sumXY()};
            for (int i = 0; i < values.length; i++) {
                statement.setLong(7 + i, values[i]);
            }
            for (int slot = 0; slot < ItemSums.COUNT_SLOTS; slot++) {
                statement.setLong(13 + slot, s.count(slot));
            }
            statement.executeUpdate();
        }
    }

    static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
