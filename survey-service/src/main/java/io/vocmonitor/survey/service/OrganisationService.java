package io.vocmonitor.survey.service;

import io.vocmonitor.runtime.access.ApiKeys;
import io.vocmonitor.runtime.access.UnknownOrganisation;
import io.vocmonitor.survey.ApiKey;
import io.vocmonitor.survey.KeyScope;
import io.vocmonitor.survey.Organisation;
import io.vocmonitor.survey.Sector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers and administers organisations and issues their keys; keys leave the service once, in clear. Every
 * change is announced as an {@link OrganisationChanged} event, which observers see once it is committed.
 */
@ApplicationScoped
public class OrganisationService {

    /** An organisation with keys in clear: the only time they are shown. */
    public record Issued(Organisation organisation, Map<KeyScope, String> keys) {
    }

    /** An organisation or its keys changed; fired in the transaction that changed them. */
    public record OrganisationChanged(String organisationId) {
    }

    private final Event<OrganisationChanged> changed;

    public OrganisationService(Event<OrganisationChanged> changed) {
        this.changed = changed;
    }

    @Transactional
    public Issued register(String id, String name, Sector sector, boolean pseudonymiseRespondentRefs) {
        if (Organisation.findById(id) != null) {
            throw new OrganisationIdTaken(id);
        }
        Organisation organisation = new Organisation();
        organisation.id = id;
        organisation.name = name;
        organisation.sector = sector;
        organisation.active = true;
        organisation.pseudonymiseRespondentRefs = pseudonymiseRespondentRefs;
        organisation.createdAt = Instant.now();
        organisation.persist();
        Map<KeyScope, String> keys = issue(id, Set.of(KeyScope.values()));
        try {
            // flush now so that a concurrent registration of the same id fails here, as a 409, not at commit
            Organisation.flush();
        } catch (PersistenceException e) {
            throw new OrganisationIdTaken(id);
        }
        return new Issued(organisation, keys);
    }

    /** The organisation; {@link UnknownOrganisation} when there is none. */
    @Transactional
    public Organisation find(String id) {
        Organisation organisation = Organisation.findById(id);
        if (organisation == null) {
            throw new UnknownOrganisation(id);
        }
        return organisation;
    }

    /** Organisations ordered by id, after {@code after} (exclusive), at most {@code limit}. */
    public List<Organisation> list(String after, int limit) {
        return Organisation.find("id > ?1 order by id", after == null ? "" : after).page(0, limit).list();
    }

    /** Changes what is given (not null) of name, sector and pseudonymisation. */
    @Transactional
    public Organisation update(String id, String name, Sector sector, Boolean pseudonymiseRespondentRefs) {
        Organisation organisation = find(id);
        if (name != null) {
            organisation.name = name;
        }
        if (sector != null) {
            organisation.sector = sector;
        }
        if (pseudonymiseRespondentRefs != null) {
            organisation.pseudonymiseRespondentRefs = pseudonymiseRespondentRefs;
        }
        changed.fire(new OrganisationChanged(id));
        return organisation;
    }

    /** Deactivates (its keys stop working at once) or reactivates an organisation; its data stays either way. */
    @Transactional
    public Organisation setActive(String id, boolean active) {
        Organisation organisation = find(id);
        if (organisation.active != active) {
            organisation.active = active;
            organisation.deactivatedAt = active ? null : Instant.now();
        }
        changed.fire(new OrganisationChanged(id));
        return organisation;
    }

    /** Revokes the organisation's keys of the scopes and issues new ones; the old keys stop working at once. */
    @Transactional
    public Issued rotate(String id, Set<KeyScope> scopes) {
        Organisation organisation = find(id);
        Instant now = Instant.now();
        for (ApiKey key : ApiKey.<ApiKey>list("organisationId = ?1 and revokedAt is null", id)) {
            if (scopes.contains(key.scope)) {
                key.revokedAt = now;
            }
        }
        Map<KeyScope, String> keys = issue(id, scopes);
        changed.fire(new OrganisationChanged(id));
        return new Issued(organisation, keys);
    }

    private static Map<KeyScope, String> issue(String organisationId, Set<KeyScope> scopes) {
        Map<KeyScope, String> keys = new EnumMap<>(KeyScope.class);
        for (KeyScope scope : scopes) {
            String key = ApiKeys.issue(scope.name());
            ApiKey stored = new ApiKey();
            stored.keyHash = ApiKeys.hash(key);
            stored.organisationId = organisationId;
            stored.scope = scope;
            stored.createdAt = Instant.now();
            stored.persist();
            keys.put(scope, key);
        }
        return keys;
    }
}
