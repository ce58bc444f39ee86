package io.vocmonitor.runtime.access;

import io.vocmonitor.runtime.Refusal;

/** Valid credentials that do not reach what they ask for: another organisation's data, or the wrong kind of key. */
public class Forbidden extends Refusal {

    public Forbidden(String detail) {
        super(detail);
    }

    @Override
    public String reason() {
        return "forbidden";
    }
}
