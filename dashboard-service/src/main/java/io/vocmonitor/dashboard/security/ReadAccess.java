package io.vocmonitor.dashboard.security;

import io.vocmonitor.dashboard.store.Reads;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.runtime.access.ApiKeys;
import io.vocmonitor.runtime.access.Credentials;
import io.vocmonitor.runtime.access.Forbidden;
import io.vocmonitor.runtime.access.NotAuthenticated;
import io.vocmonitor.runtime.access.RateLimiter;
import io.vocmonitor.runtime.access.UnknownOrganisation;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decides who may read an organisation's scores (SPEC §5): its read key, checked against the keys the
 * survey-service publishes as valid ({@code survey.credential_view}: not revoked, of an active organisation), or the
 * admin bearer token, which reads every organisation, deactivated ones too. The organisation's score versions
 * ({@code scoring.score_version_view}) come along in the same statement, because every score answer needs them
 * for its ETag: a poll costs one round trip. Keys are checked on every request, not cached, so a rotation or a
 * deactivation takes effect on the next one.
 */
@ApplicationScoped
public class ReadAccess {

    private static final String KEY_LOOKUP = """
            SELECT c.key_hash, c.organisation_id, c.scope, v.instrument, v.version FROM survey.credential_view c
            LEFT JOIN scoring.score_version_view v ON v.organisation_id = c.organisation_id
            WHERE c.key_hash = ?
            """;
    private static final String ORGANISATION_LOOKUP = """
            SELECT o.id, v.instrument, v.version FROM survey.organisation_view o
            LEFT JOIN scoring.score_version_view v ON v.organisation_id = o.id
            WHERE o.id = ?
            """;

    private final Reads reads;
    private final RateLimiter rateLimiter;

    public ReadAccess(Reads reads, RateLimiter rateLimiter) {
        this.reads = reads;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Passes for the admin token and any valid key, of any organisation and scope: what reveals no organisation (the
     * sector benchmark) needs no more. {@link NotAuthenticated} otherwise; rate-limited like every key.
     */
    public void requireAnyKey(Credentials credentials) throws SQLException {
        if (credentials.isAdmin()) {
            return;
        }
        String hash = credentials.keyHash();
        try (Connection c = reads.connection();
             PreparedStatement s = c.prepareStatement("SELECT key_hash FROM survey.credential_view WHERE key_hash = ?")) {
            s.setString(1, hash);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next() || !ApiKeys.sameSecret(rows.getString(1), hash)) {
                    throw new NotAuthenticated("the API key is not valid");
                }
            }
        }
        rateLimiter.acquire(hash);
    }

    /** Passes when the credentials may read the organisation's data; throws the refusal otherwise. */
    public void requireRead(Credentials credentials, String organisationId) throws SQLException {
        scoreVersions(credentials, organisationId);
    }

    /**
     * The organisation's score version of every instrument (0 where it has no scores yet), when the credentials
     * may read them: {@link NotAuthenticated} for a key that is not valid, {@link Forbidden} for another
     * organisation's key or an ingest key, {@link UnknownOrganisation} when the admin asks for one that does not
     * exist; a key over its request rate is refused by the {@link RateLimiter}.
     */
    public Map<Instrument, Long> scoreVersions(Credentials credentials, String organisationId) throws SQLException {
        if (credentials.isAdmin()) {
            return organisationVersions(organisationId);
        }
        String hash = credentials.keyHash();
        Map<Instrument, Long> versions;
        try (Connection c = reads.connection(); PreparedStatement s = c.prepareStatement(KEY_LOOKUP)) {
            s.setString(1, hash);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next() || !ApiKeys.sameSecret(rows.getString("key_hash"), hash)) {
                    throw new NotAuthenticated("the API key is not valid");
                }
                if (!rows.getString("organisation_id").equals(organisationId)) {
                    throw new Forbidden("this key belongs to another organisation");
                }
                if (!"READ".equals(rows.getString("scope"))) {
                    throw new Forbidden("this is an ingest key; scores need the read key");
                }
                versions = versions(rows, 4);
            }
        }
        rateLimiter.acquire(hash);
        return versions;
    }

    /** For the admin: the organisation's score versions. */
    private Map<Instrument, Long> organisationVersions(String organisationId) throws SQLException {
        try (Connection c = reads.connection(); PreparedStatement s = c.prepareStatement(ORGANISATION_LOOKUP)) {
            s.setString(1, organisationId);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new UnknownOrganisation(organisationId);
                }
                return versions(rows, 2);
            }
        }
    }

    /** The versions in columns {@code column} (instrument) and {@code column + 1}, from the current row on. */
    private static Map<Instrument, Long> versions(ResultSet rows, int column) throws SQLException {
        Map<Instrument, Long> versions = new EnumMap<>(Instrument.class);
        for (Instrument instrument : Instrument.values()) {
            versions.put(instrument, 0L);
        }
        do {
            String instrument = rows.getString(column);
            if (instrument != null) {
                versions.put(Instrument.valueOf(instrument), rows.getLong(column + 1));
            }
        } while (rows.next());
        return versions;
    }
}
