package io.vocmonitor.dashboard.service;

import io.vocmonitor.runtime.Refusal;

/** A query parameter that cannot be understood: the detail names it and says what it takes. */
public class InvalidQuery extends Refusal {

    public InvalidQuery(String detail) {
        super(detail);
    }

    @Override
    public String reason() {
        return "validation";
    }
}
