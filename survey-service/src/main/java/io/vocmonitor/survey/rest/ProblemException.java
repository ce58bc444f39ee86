package io.vocmonitor.survey.rest;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;

/** Ends a request with an RFC 9457 problem answer; thrown wherever a request cannot be served. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;
    private final String reason;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers) {
        this(status, title, detail, errors, headers, null);
    }

    private ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers, String reason) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
        this.headers = headers;
        this.reason = reason;
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.detail()).toList());
        return new ProblemException(400, "Invalid input", detail, List.copyOf(errors), Map.of());
    }

    public static ProblemException invalid(String field, String detail) {
        return invalid(List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException of(Status status, String detail) {
        return new ProblemException(status.getStatusCode(), status.getReasonPhrase(), detail, null, Map.of());
    }

    public static ProblemException unauthorised(String detail) {
        return new ProblemException(401, "Unauthorized", detail, null, Map.of("WWW-Authenticate", "Bearer, ApiKey"));
    }

    public static ProblemException tooManyRequests(long retryAfterSeconds) {
        return new ProblemException(429, "Too Many Requests", "this key is over its request rate; retry after "
                + retryAfterSeconds + " s, or send responses in batches", null,
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content Too Large", detail, null, Map.of());
    }

    /** The database did not answer: a passing condition, worth a retry. */
    public static ProblemException databaseUnavailable() {
        return new ProblemException(503, "Service Unavailable",
                "the database is unavailable; nothing was stored, try again", null, Map.of("Retry-After", "5"),
                "database_unavailable");
    }

    public static ProblemException brokerUnavailable(String detail) {
        return new ProblemException(503, "Service Unavailable", detail, null, Map.of("Retry-After", "5"));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The metric reason, where the status alone does not tell it; null otherwise. */
    public String reason() {
        return reason;
    }
}
