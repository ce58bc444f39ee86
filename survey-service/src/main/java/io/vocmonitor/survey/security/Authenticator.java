package io.vocmonitor.survey.security;

import io.smallrye.mutiny.Uni;
import io.vocmonitor.runtime.access.ApiKeys;
import io.vocmonitor.runtime.access.Credentials;
import io.vocmonitor.runtime.access.Forbidden;
import io.vocmonitor.runtime.access.NotAuthenticated;
import io.vocmonitor.runtime.access.RateLimiter;
import io.vocmonitor.runtime.access.UnknownOrganisation;
import io.vocmonitor.survey.KeyScope;
import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.service.OrganisationDeactivated;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides access (SPEC §5): {@code Authorization: Bearer} with the admin token for everything, or {@code X-Api-Key}
 * with an organisation's key for its own data only. A key that is unknown, revoked or of a deactivated
 * organisation is not valid ({@link NotAuthenticated}); valid credentials that do not reach the resource are
 * {@link Forbidden}; a key over its request rate is refused by the {@link RateLimiter}. Keys and organisations come
 * from the {@link Directory}: what it holds in memory is decided at once, on the thread the request arrived on;
 * what it must load from the database is decided on a worker thread, when loaded.
 */
@ApplicationScoped
public class Authenticator {

    private final SurveyConfig config;
    private final RateLimiter rateLimiter;
    private final Directory directory;

    public Authenticator(SurveyConfig config, RateLimiter rateLimiter, Directory directory) {
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.directory = directory;
    }

    /** What the request's headers present. */
    public Credentials credentials(String authorization, String apiKey) {
        return Credentials.read(authorization, apiKey, config.adminToken());
    }

    /** Who the credentials belong to. */
    public Uni<Caller> authenticate(Credentials credentials) {
        if (credentials.isAdmin()) {
            return Uni.createFrom().item(Caller.ADMIN);
        }
        String hash = credentials.keyHash();
        return directory.key(hash).chain(found -> {
            Directory.KeyInfo key = found.filter(k -> ApiKeys.sameSecret(k.keyHash(), hash))
                    .orElseThrow(() -> new NotAuthenticated("the API key is not valid"));
            return directory.organisation(key.organisationId()).map(organisation -> {
                if (!organisation.map(Directory.OrganisationInfo::active).orElse(false)) {
                    throw new NotAuthenticated("the API key's organisation is deactivated");
                }
                rateLimiter.acquire(hash);
                return new Caller(key.organisationId(), key.scope());
            });
        });
    }

    /** The caller may write responses of the organisation, which exists and is active. */
    public Uni<Directory.OrganisationInfo> requireIngest(Caller caller, String organisationId) {
        if (!caller.isAdmin()) {
            if (!caller.organisationId().equals(organisationId)) {
                return Uni.createFrom().failure(new Forbidden("this key belongs to another organisation"));
            }
            if (caller.scope() != KeyScope.INGEST) {
                return Uni.createFrom().failure(new Forbidden("this is a read key; responses need the ingest key"));
            }
        }
        return requireActive(organisationId);
    }

    /** The organisation exists and is active: it takes responses (from a caller already granted it). */
    public Uni<Directory.OrganisationInfo> requireActive(String organisationId) {
        return directory.organisation(organisationId).map(found -> {
            Directory.OrganisationInfo organisation = found.orElseThrow(() -> new UnknownOrganisation(organisationId));
            if (!organisation.active()) {
                throw new OrganisationDeactivated(organisationId);
            }
            return organisation;
        });
    }

    public void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new Forbidden("this operation needs the admin token");
        }
    }
}
