package io.vocmonitor.survey.service;

import io.vocmonitor.runtime.Refusal;

/** A registration under an id another organisation has. */
public class OrganisationIdTaken extends Refusal {

    public OrganisationIdTaken(String organisationId) {
        super("the organisation id '" + organisationId + "' is taken");
    }

    @Override
    public String reason() {
        return "id_taken";
    }
}
