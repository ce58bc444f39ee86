package io.vocmonitor.survey.service;

import io.vocmonitor.runtime.Refusal;

/** A body over its limit: refused before it is read when it announces its length, else once it is measured. */
public class ContentTooLarge extends Refusal {

    public ContentTooLarge(String detail) {
        super(detail);
    }

    @Override
    public String reason() {
        return "too_large";
    }
}
