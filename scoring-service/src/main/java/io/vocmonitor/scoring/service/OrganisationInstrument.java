package io.vocmonitor.scoring.service;

import io.vocmonitor.events.Instrument;

/** One organisation's scores of one instrument: the unit of score versions. */
public record OrganisationInstrument(String organisationId, Instrument instrument) {
}
