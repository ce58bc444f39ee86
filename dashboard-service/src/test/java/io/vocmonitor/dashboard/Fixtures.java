package io.vocmonitor.dashboard;

import io.vocmonitor.aggregates.BucketLayout;
import io.vocmonitor.aggregates.BucketSegments;
import io.vocmonitor.aggregates.ResponseContribution;
import io.vocmonitor.aggregates.Touchpoints;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.runtime.access.ApiKeys;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Test data written into the stand-ins of the views the dashboard reads ({@code views-for-readers.sql}), as their
 * owners would publish it: valid keys and organisations (survey), buckets and score versions (scoring). The
 * dashboard's tests thus depend on the views' contract only, not on how the owners keep their tables.
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
        return organisation(prefix, "OTHER");
    }

    /** An active organisation of the sector (SPEC §5: FINANCIALS, SERVICES …), with its keys. */
    Keys organisation(String prefix, String sector) throws Exception {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Keys keys = new Keys(id, "voc_ingest_" + UUID.randomUUID(), "voc_read_" + UUID.randomUUID());
        try (Connection c = connect()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO survey.organisation_view (id, active, name, sector) VALUES (?, true, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, "Org " + id);
                s.setString(3, sector);
                s.executeUpdate();
            }
            for (Map.Entry<String, String> key : Map.of("INGEST", keys.ingestKey(), "READ", keys.readKey()).entrySet()) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO survey.credential_view (key_hash, organisation_id, scope) VALUES (?, ?, ?)")) {
                    s.setString(1, ApiKeys.hash(key.getValue()));
                    s.setString(2, id);
                    s.setString(3, key.getKey());
                    s.executeUpdate();
                }
            }
        }
        return keys;
    }

    /** Adds each response's sums as a bucket row of its own; the dashboard adds up every row of a selection. */
    void bucket(ResponseSubmitted... responses) throws Exception {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO scoring.bucket_view (organisation_id, instrument, day, channel, touchpoint, sums)
                     VALUES (?, ?, ?, ?, ?, ?)
                     """)) {
            for (ResponseSubmitted response : responses) {
                s.setString(1, response.organisationId());
                s.setString(2, response.instrument().name());
                s.setObject(3, LocalDate.ofInstant(response.answeredAt(), ZoneOffset.UTC));
                s.setString(4, BucketSegments.channelColumn(response));
                s.setString(5, Touchpoints.of(response));
                s.setObject(6, BucketLayout.of(response.instrument()).encode(ResponseContribution.of(response)));
                s.executeUpdate();
            }
        }
    }

    /** Increments the organisation's score version of the instrument, as the scoring-service does per batch. */
    void bumpVersion(String organisationId, String instrument) throws Exception {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO scoring.score_version_view AS v (organisation_id, instrument, version, updated_at)
                     VALUES (?, ?, 1, now())
                     ON CONFLICT (organisation_id, instrument) DO UPDATE SET version = v.version + 1
                     """)) {
            s.setString(1, organisationId);
            s.setString(2, instrument);
            s.executeUpdate();
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}
