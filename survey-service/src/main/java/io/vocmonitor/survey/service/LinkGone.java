package io.vocmonitor.survey.service;

import io.vocmonitor.runtime.Refusal;

/** The questionnaire link expired or was revoked: the form says so, and takes no answers. */
public class LinkGone extends Refusal {

    public LinkGone(String detail) {
        super(detail);
    }

    @Override
    public String reason() {
        return "link_gone";
    }
}
