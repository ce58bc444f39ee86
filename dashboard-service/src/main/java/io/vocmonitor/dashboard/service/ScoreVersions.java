package io.vocmonitor.dashboard.service;

import io.agroal.api.AgroalDataSource;
import io.vocmonitor.events.Instrument;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * An organisation's score versions, one per instrument, as the scoring-service bumps them with every batch
 * that changed a bucket: the basis of ETags, read with one primary-key lookup.
 */
@ApplicationScoped
public class ScoreVersions {

    private final AgroalDataSource dataSource;

    public ScoreVersions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The version of every instrument; 0 where the organisation has no scores yet. */
    public Map<Instrument, Long> of(String organisationId) {
        Map<Instrument, Long> versions = new EnumMap<>(Instrument.class);
        for (Instrument instrument : Instrument.values()) {
            versions.put(instrument, 0L);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT instrument, version FROM scoring.score_version WHERE organisation_id = ?")) {
            s.setString(1, organisationId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    versions.put(Instrument.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the score versions of " + organisationId + " failed", e);
        }
        return versions;
    }
}
