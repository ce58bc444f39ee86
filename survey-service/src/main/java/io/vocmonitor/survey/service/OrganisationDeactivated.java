package io.vocmonitor.survey.service;

import io.vocmonitor.runtime.Refusal;

/** The organisation exists but takes no responses until it is activated again. */
public class OrganisationDeactivated extends Refusal {

    public OrganisationDeactivated(String organisationId) {
        super("the organisation '" + organisationId + "' is deactivated; activate it to take responses again");
    }

    @Override
    public String reason() {
        return "organisation_deactivated";
    }
}
