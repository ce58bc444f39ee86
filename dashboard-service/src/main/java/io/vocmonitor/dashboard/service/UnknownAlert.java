package io.vocmonitor.dashboard.service;

import io.vocmonitor.runtime.Refusal;

/** No alert with that id in the organisation's inbox. */
public class UnknownAlert extends Refusal {

    public UnknownAlert(String alertId, String organisationId) {
        super("no alert '" + alertId + "' for " + organisationId);
    }

    @Override
    public String reason() {
        return "unknown_alert";
    }
}
