package io.vocmonitor.dashboard.rest;

import jakarta.ws.rs.core.Response.Status;

/** Ends a request with an RFC 9457 problem answer. */
public class ProblemException extends RuntimeException {

    private final Status status;
    private final Long retryAfterSeconds;

    public ProblemException(Status status, String detail) {
        this(status, detail, null);
    }

    /** A problem that may go away: the client may try again after {@code retryAfterSeconds}. */
    public ProblemException(Status status, String detail, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Status status() {
        return status;
    }

    /** Seconds for a Retry-After header, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
