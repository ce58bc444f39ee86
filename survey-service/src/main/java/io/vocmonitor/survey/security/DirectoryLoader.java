package io.vocmonitor.survey.security;

import io.vocmonitor.survey.ApiKey;
import io.vocmonitor.survey.Organisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads keys and organisations for the {@link Directory}, each in a short transaction of its own, from any thread. */
@ApplicationScoped
public class DirectoryLoader {

    @Transactional
    public Optional<Directory.KeyInfo> key(String keyHash) {
        ApiKey key = ApiKey.findById(keyHash);
        return key == null || key.revokedAt != null ? Optional.empty()
                : Optional.of(new Directory.KeyInfo(key.keyHash, key.organisationId, key.scope));
    }

    @Transactional
    public Optional<Directory.OrganisationInfo> organisation(String id) {
        Organisation organisation = Organisation.findById(id);
        return organisation == null ? Optional.empty() : Optional.of(
                new Directory.OrganisationInfo(organisation.id, organisation.active, organisation.pseudonymiseRespondentRefs));
    }
}
