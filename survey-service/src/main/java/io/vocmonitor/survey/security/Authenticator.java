package io.vocmonitor.survey.security;

import io.vocmonitor.survey.ApiKey;
import io.vocmonitor.survey.KeyScope;
import io.vocmonitor.survey.Organisation;
import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;

/**
 * Resolves the caller from the request headers and decides access (SPEC §5): {@code Authorization: Bearer}
 * with the admin token for everything, or {@code X-Api-Key} with an organisation's key for its own data only.
 * 401 when there are no valid credentials, 403 when valid credentials do not reach the resource.
 */
@ApplicationScoped
public class Authenticator {

    private static final String BEARER = "Bearer ";

    private final SurveyConfig config;

    public Authenticator(SurveyConfig config) {
        this.config = config;
    }

    public Caller authenticate(String authorization, String apiKey) {
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw ProblemException.unauthorised("the Authorization header must be 'Bearer <admin token>'");
            }
            String token = authorization.substring(BEARER.length()).trim();
            String adminToken = config.adminToken().orElse("");
            if (adminToken.isEmpty() || !ApiKeys.sameSecret(token, adminToken)) {
                throw ProblemException.unauthorised("the bearer token is not valid");
            }
            return Caller.ADMIN;
        }
        if (apiKey != null && !apiKey.isBlank()) {
            ApiKey key = ApiKey.findById(ApiKeys.hash(apiKey.trim()));
            if (key == null || key.revokedAt != null) {
                throw ProblemException.unauthorised("the API key is not valid");
            }
            Organisation organisation = Organisation.findById(key.organisationId);
            if (organisation == null || !organisation.active) {
                throw ProblemException.unauthorised("the API key's organisation is not active");
            }
            return new Caller(key.organisationId, key.scope);
        }
        throw ProblemException.unauthorised("send an X-Api-Key header or an admin bearer token");
    }

    public void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ProblemException.of(Status.FORBIDDEN, "this operation needs the admin token");
        }
    }

    /** The caller may write responses of {@code organisationId}, which exists: 403 or 404 otherwise. */
    public Organisation requireIngest(Caller caller, String organisationId) {
        if (!caller.isAdmin()) {
            if (!caller.organisationId().equals(organisationId)) {
                throw ProblemException.of(Status.FORBIDDEN, "this key belongs to another organisation");
            }
            if (caller.scope() != KeyScope.INGEST) {
                throw ProblemException.of(Status.FORBIDDEN, "this is a read key; responses need the ingest key");
            }
        }
        Organisation organisation = Organisation.findById(organisationId);
        if (organisation == null) {
            throw ProblemException.of(Status.NOT_FOUND, "no organisation '" + organisationId + "'");
        }
        return organisation;
    }
}
