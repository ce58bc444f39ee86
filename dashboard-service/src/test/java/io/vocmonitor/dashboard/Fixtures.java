package io.vocmonitor.dashboard;

import io.vocmonitor.aggregates.BucketLayout;
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

    /** Adds each response to its bucket, one upsert per response, as the scoring-service's sums would be. */
    void bucket(ResponseSubmitted... responses) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_scoring", "");
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO scoring.bucket AS b (organisation_id, instrument, day, channel, touchpoint, sums)
                     VALUES (?, ?, ?, ?, ?, ?::bigint[])
                     ON CONFLICT (organisation_id, instrument, day, channel, touchpoint)
                     DO UPDATE SET sums = scoring.add_sums(b.sums, excluded.sums)
                     """)) {
            for (ResponseSubmitted response : responses) {
                s.setString(1, response.organisationId());
                s.setString(2, response.instrument().name());
                s.setObject(3, LocalDate.ofInstant(response.answeredAt(), ZoneOffset.UTC));
                s.setString(4, response.channel().name());
                s.setString(5, Touchpoints.normalise(response.touchpoint()));
                s.setString(6, BucketLayout.toSql(BucketLayout.of(response.instrument())
                        .encode(ResponseContribution.of(response))));
                s.executeUpdate();
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

    static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
