package io.vocmonitor.survey.messaging;

import io.vocmonitor.runtime.Refusal;

/** The broker did not acknowledge a response in time, or is known to be down: nothing was published, try again. */
public class BrokerUnavailable extends Refusal {

    public BrokerUnavailable(String detail) {
        super(detail);
    }

    @Override
    public String reason() {
        return "broker_unavailable";
    }
}
