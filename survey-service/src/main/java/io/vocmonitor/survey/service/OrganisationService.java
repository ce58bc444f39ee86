package io.vocmonitor.survey.service;

import io.vocmonitor.survey.ApiKey;
import io.vocmonitor.survey.KeyScope;
import io.vocmonitor.survey.Organisation;
import io.vocmonitor.survey.Sector;
import io.vocmonitor.survey.rest.ProblemException;
import io.vocmonitor.survey.security.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.Map;

/** Registers organisations and issues their keys; the keys leave the service once, in the creation answer. */
@ApplicationScoped
public class OrganisationService {

    /** A new organisation with its keys in clear: the only time they are shown. */
    public record Registered(Organisation organisation, Map<KeyScope, String> keys) {
    }

    @Transactional
    public Registered register(String id, String name, Sector sector) {
        if (Organisation.findById(id) != null) {
            throw ProblemException.of(Status.CONFLICT, "the organisation id '" + id + "' is taken");
        }
        Organisation organisation = new Organisation();
        organisation.id = id;
        organisation.name = name;
        organisation.sector = sector;
        organisation.active = true;
        organisation.createdAt = Instant.now();
        organisation.persist();
        Map<KeyScope, String> keys = Map.of(
                KeyScope.INGEST, issueKey(id, KeyScope.INGEST),
                KeyScope.READ, issueKey(id, KeyScope.READ));
        try {
            // flush now so that a concurrent registration of the same id fails here, as a 409, not at commit
            Organisation.flush();
        } catch (PersistenceException e) {
            throw ProblemException.of(Status.CONFLICT, "the organisation id '" + id + "' is taken");
        }
        return new Registered(organisation, keys);
    }

    private static String issueKey(String organisationId, KeyScope scope) {
        String key = ApiKeys.issue(scope);
        ApiKey stored = new ApiKey();
        stored.keyHash = ApiKeys.hash(key);
        stored.organisationId = organisationId;
        stored.scope = scope;
        stored.createdAt = Instant.now();
        stored.persist();
        return key;
    }
}
