package io.vocmonitor.dashboard.security;

import io.agroal.api.AgroalDataSource;
import io.vocmonitor.dashboard.config.DashboardConfig;
import io.vocmonitor.dashboard.rest.ProblemException;
import io.vocmonitor.events.Instrument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Decides who may read an organisation's scores (SPEC §5): its read key ({@code X-Api-Key}), checked against
 * the key hashes the survey-service keeps in schema {@code survey}, or the admin bearer token. 401 without
 * valid credentials (a revoked key, or one of a deactivated organisation, is not valid), 403 when they belong
 * elsewhere, 404 for an organisation the admin asks about that does not exist, 429 when a key is over its
 * request rate. The admin reads deactivated organisations too.
 */
@ApplicationScoped
public class ReadAccess {

    private static final String BEARER = "Bearer ";
    // the score versions come along in the same round trip: every score answer needs both (its ETag)
    private static final String KEY_LOOKUP = """
            SELECT k.key_hash, k.organisation_id, k.scope, v.instrument, v.version FROM survey.api_key k
            JOIN survey.organisation o ON o.id = k.organisation_id
            LEFT JOIN scoring.score_version v ON v.organisation_id = k.organisation_id
            WHERE k.key_hash = ? AND k.revoked_at IS NULL AND o.active
            """;
    private static final String ORGANISATION_LOOKUP = """
            SELECT o.id, v.instrument, v.version FROM survey.organisation o
            LEFT JOIN scoring.score_version v ON v.organisation_id = o.id
            WHERE o.id = ?
            """;

    private final DashboardConfig config;
    private final AgroalDataSource dataSource;
    private final RateLimiter rateLimiter;

    public ReadAccess(DashboardConfig config, AgroalDataSource dataSource, RateLimiter rateLimiter) {
        this.config = config;
        this.dataSource = dataSource;
        this.rateLimiter = rateLimiter;
    }

    /** Passes when the caller may read {@code organisationId}'s scores; throws the problem otherwise. */
    public void requireRead(String authorization, String apiKey, String organisationId) {
        requireReadOfScores(authorization, apiKey, organisationId);
    }

    /**
     * Passes when the caller may read {@code organisationId}'s scores, and answers the organisation's score
     * version of every instrument (0 where it has no scores yet), read in the same statement as the credentials;
     * throws the problem otherwise.
     */
    public Map<Instrument, Long> requireReadOfScores(String authorization, String apiKey, String organisationId) {
        if (authorization != null && !authorization.isBlank()) {
            String adminToken = config.adminToken().orElse("");
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()) || adminToken.isEmpty()
                    || !sameSecret(authorization.substring(BEARER.length()).trim(), adminToken)) {
                throw new ProblemException(Status.UNAUTHORIZED, "the bearer token is not valid");
            }
            return organisationVersions(organisationId);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new ProblemException(Status.UNAUTHORIZED, "send an X-Api-Key header (read key) or an admin bearer token");
        }
        String hash = hash(apiKey.trim());
        Map<Instrument, Long> versions;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(KEY_LOOKUP)) {
            s.setString(1, hash);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next() || !sameSecret(rows.getString("key_hash"), hash)) {
                    throw new ProblemException(Status.UNAUTHORIZED, "the API key is not valid");
                }
                if (!rows.getString("organisation_id").equals(organisationId)) {
                    throw new ProblemException(Status.FORBIDDEN, "this key belongs to another organisation");
                }
                if (!"READ".equals(rows.getString("scope"))) {
                    throw new ProblemException(Status.FORBIDDEN, "this is an ingest key; scores need the read key");
                }
                versions = versions(rows, 4);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("key lookup failed", e);
        }
        rateLimiter.acquire(hash);
        return versions;
    }

    /** For the admin: the organisation's score versions; 404 when it does not exist. */
    private Map<Instrument, Long> organisationVersions(String organisationId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ORGANISATION_LOOKUP)) {
            s.setString(1, organisationId);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new ProblemException(Status.NOT_FOUND, "no organisation '" + organisationId + "'");
                }
                return versions(rows, 2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("organisation lookup failed", e);
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

    /** Lowercase hex SHA-256, as the survey-service stores keys. */
    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
