package io.vocmonitor.survey.service;

import io.vocmonitor.runtime.Refusal;

/** No questionnaire link has this token, or the organisation has no link of this id. */
public class UnknownLink extends Refusal {

    public UnknownLink(String detail) {
        super(detail);
    }

    @Override
    public String reason() {
        return "unknown_link";
    }
}
