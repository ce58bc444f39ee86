package io.vocmonitor.runtime.access;

import io.vocmonitor.runtime.Refusal;

/**
 * No organisation with that id. Only the admin learns it: to an organisation's key, another organisation is
 * {@link Forbidden} whether it exists or not.
 */
public class UnknownOrganisation extends Refusal {

    public UnknownOrganisation(String organisationId) {
        super("no organisation '" + organisationId + "'");
    }

    @Override
    public String reason() {
        return "unknown_organisation";
    }
}
