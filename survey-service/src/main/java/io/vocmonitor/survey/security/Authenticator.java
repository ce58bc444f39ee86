package io.vocmonitor.survey.security;

import io.vocmonitor.survey.KeyScope;
import io.vocmonitor.survey.Organisation;
import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;

/**
 * Resolves the caller from the request headers and decides access (SPEC §5): {@code Authorization: Bearer}
 * with the admin token for everything, or {@code X-Api-Key} with an organisation's key for its own data only.
 * 401 when there are no valid credentials (a revoked key, or one of a deactivated organisation, is not
 * valid), 403 when valid credentials do not reach the resource, 429 when a key is over its request rate.
 * Keys are looked up by their hash (through the {@link Directory}) and compared in constant time.
 */
@ApplicationScoped
public class Authenticator {

    private static final String BEARER = "Bearer ";

    private final SurveyConfig config;
    private final RateLimiter rateLimiter;
    private final Directory directory;

    public Authenticator(SurveyConfig config, RateLimiter rateLimiter, Directory directory) {
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.directory = directory;
    }

    /** What the request presents: the admin token, checked already, or the hash of an API key (the key itself). */
    public record Credentials(String keyHash) {

        static final Credentials ADMIN = new Credentials(null);

        boolean isAdmin() {
            return keyHash == null;
        }
    }

    public Caller authenticate(String authorization, String apiKey) {
        return authenticate(credentials(authorization, apiKey));
    }

    /** The request's credentials: 401 for a malformed header, a wrong admin token or no credentials at all. */
    public Credentials credentials(String authorization, String apiKey) {
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw ProblemException.unauthorised("the Authorization header must be 'Bearer <admin token>'");
            }
            String token = authorization.substring(BEARER.length()).trim();
            String adminToken = config.adminToken().orElse("");
            if (adminToken.isEmpty() || !ApiKeys.sameSecret(token, adminToken)) {
                throw ProblemException.unauthorised("the bearer token is not valid");
            }
            return Credentials.ADMIN;
        }
        if (apiKey != null && !apiKey.isBlank()) {
            return new Credentials(ApiKeys.hash(apiKey.trim()));
        }
        throw ProblemException.unauthorised("send an X-Api-Key header or an admin bearer token");
    }

    /** Who the credentials belong to: 401 for a key that is unknown, revoked or of a deactivated organisation. */
    public Caller authenticate(Credentials credentials) {
        if (credentials.isAdmin()) {
            return Caller.ADMIN;
        }
        String hash = credentials.keyHash();
        Directory.KeyInfo key = directory.key(hash)
                .filter(k -> ApiKeys.sameSecret(k.keyHash(), hash))
                .orElseThrow(() -> ProblemException.unauthorised("the API key is not valid"));
        boolean active = directory.organisation(key.organisationId()).map(Directory.OrganisationInfo::active)
                .orElse(false);
        if (!active) {
            throw ProblemException.unauthorised("the API key's organisation is deactivated");
        }
        rateLimiter.acquire(hash);
        return new Caller(key.organisationId(), key.scope());
    }

    /**
     * Whether {@link #authenticate(Credentials)} and {@link #requireIngest} can decide about these credentials
     * and the organisation from what the directory holds in memory, without the database.
     */
    public boolean decidesFromMemory(Credentials credentials, String organisationId) {
        return directory.holdsFresh(organisationId, credentials.keyHash());
    }

    public void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ProblemException.of(Status.FORBIDDEN, "this operation needs the admin token");
        }
    }

    /** The caller may write responses of {@code organisationId}, which exists and is active: 403, 404 or 409 otherwise. */
    public Directory.OrganisationInfo requireIngest(Caller caller, String organisationId) {
        if (!caller.isAdmin()) {
            if (!caller.organisationId().equals(organisationId)) {
                throw ProblemException.of(Status.FORBIDDEN, "this key belongs to another organisation");
            }
            if (caller.scope() != KeyScope.INGEST) {
                throw ProblemException.of(Status.FORBIDDEN, "this is a read key; responses need the ingest key");
            }
        }
        Directory.OrganisationInfo organisation = directory.organisation(organisationId)
                .orElseThrow(() -> ProblemException.of(Status.NOT_FOUND, "no organisation '" + organisationId + "'"));
        if (!organisation.active()) {
            throw ProblemException.of(Status.CONFLICT, "the organisation '" + organisationId
                    + "' is deactivated; activate it to take responses again");
        }
        return organisation;
    }

    /** The organisation, for the admin; 403 for anyone else, 404 when it does not exist. */
    public Organisation requireAdmin(Caller caller, String organisationId) {
        requireAdmin(caller);
        Organisation organisation = Organisation.findById(organisationId);
        if (organisation == null) {
            throw ProblemException.of(Status.NOT_FOUND, "no organisation '" + organisationId + "'");
        }
        return organisation;
    }
}
