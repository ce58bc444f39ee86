package io.vocmonitor.survey.security;

import io.vocmonitor.survey.ApiKey;
import io.vocmonitor.survey.Organisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Reads keys and organisations for the {@link Directory}, each in a short transaction of its own, from any thread;
 * null when there is no such key (or it is revoked) or organisation. While the database fails, a circuit breaker
 * leaves it alone for 2 s and fails at once, then lets one read through as a probe: requests use what the
 * directory knows, or fail fast, instead of each waiting for a connection.
 */
@ApplicationScoped
public class DirectoryLoader {

    @Transactional
    @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1.0, delay = 2000, successThreshold = 1)
    public Directory.KeyInfo key(String keyHash) {
        ApiKey key = ApiKey.findById(keyHash);
        return key == null || key.revokedAt != null ? null
                : new Directory.KeyInfo(key.keyHash, key.organisationId, key.scope);
    }

    @Transactional
    @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1.0, delay = 2000, successThreshold = 1)
    public Directory.OrganisationInfo organisation(String id) {
        Organisation organisation = Organisation.findById(id);
        return organisation == null ? null : new Directory.OrganisationInfo(organisation.id, organisation.active,
                organisation.pseudonymiseRespondentRefs);
    }
}
