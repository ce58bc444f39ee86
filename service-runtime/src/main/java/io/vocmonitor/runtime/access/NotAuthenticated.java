package io.vocmonitor.runtime.access;

import io.vocmonitor.runtime.Refusal;

/** No valid credentials: none sent, a malformed header, a wrong admin token, or a key that is not (or no longer) valid. */
public class NotAuthenticated extends Refusal {

    public NotAuthenticated(String detail) {
        super(detail);
    }

    @Override
    public String reason() {
        return "unauthorised";
    }
}
