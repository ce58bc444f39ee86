package io.vocmonitor.dashboard.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The organisations as the survey-service publishes them for readers ({@code survey.organisation_view}). */
@ApplicationScoped
public class OrganisationDirectory {

    /** An organisation as a dashboard names it, with the sector it is benchmarked in. */
    public record OrganisationEntry(String id, String name, String sector, boolean active) {
    }

    private final Reads reads;

    public OrganisationDirectory(Reads reads) {
        this.reads = reads;
    }

    public Optional<OrganisationEntry> find(String id) throws SQLException {
        try (Connection c = reads.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, name, sector, active FROM survey.organisation_view WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        }
    }

    /** Organisations ordered by id, after {@code after} (exclusive), at most {@code limit}. */
    public List<OrganisationEntry> list(String after, int limit) throws SQLException {
        List<OrganisationEntry> entries = new ArrayList<>();
        try (Connection c = reads.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, name, sector, active FROM survey.organisation_view WHERE id > ? ORDER BY id LIMIT ?")) {
            s.setString(1, after == null ? "" : after);
            s.setInt(2, limit);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
        }
        return entries;
    }

    private static OrganisationEntry entry(ResultSet rows) throws SQLException {
        return new OrganisationEntry(rows.getString("id"), rows.getString("name"), rows.getString("sector"),
                rows.getBoolean("active"));
    }
}
