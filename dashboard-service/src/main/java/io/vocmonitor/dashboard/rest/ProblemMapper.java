package io.vocmonitor.dashboard.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error of the service into an {@code application/problem+json} answer (RFC 9457). */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response.ResponseBuilder builder = answer(e.status().getStatusCode(), e.status().getReasonPhrase(),
                e.getMessage(), request);
        if (e.status() == Response.Status.UNAUTHORIZED) {
            builder.header("WWW-Authenticate", "Bearer, ApiKey");
        }
        if (e.retryAfterSeconds() != null) {
            builder.header("Retry-After", Long.toString(Math.max(1, e.retryAfterSeconds())));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        String detail = status == 404 ? "no such resource: " + request.path() : e.getMessage();
        return answer(status, e.getResponse().getStatusInfo().getReasonPhrase(), detail, request).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(Exception e, HttpServerRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException) {
                // the database is away for a moment: a client should come back, not report a bug
                LOG.warnf("database unavailable on %s %s: %s", request.method(), request.path(), cause.getMessage());
                return problem(new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                        "the database is unavailable; try again", 5L), request);
            }
        }
        LOG.errorf(e, "unexpected error on %s %s", request.method(), request.path());
        return answer(500, "Internal Server Error", "the request could not be completed", request).build();
    }

    private static Response.ResponseBuilder answer(int status, String title, String detail, HttpServerRequest request) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, request.path()));
    }
}
