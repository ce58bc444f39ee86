package io.vocmonitor.dashboard.rest;

import jakarta.ws.rs.core.Response.Status;

/** Ends a request with an RFC 9457 problem answer. */
public class ProblemException extends RuntimeException {

    private final Status status;

    public ProblemException(Status status, String detail) {
        super(detail);
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
