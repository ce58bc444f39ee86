package io.vocmonitor.survey.rest;

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
        Response.ResponseBuilder builder = Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", e.title(), e.status(), e.getMessage(), request.path(), e.errors()));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType info = original.getStatusInfo();
        String detail = switch (status) {
            case 404 -> "no such resource: " + request.path();
            case 405 -> request.method() + " is not allowed on " + request.path();
            case 406 -> "this resource answers application/json";
            case 413 -> "the request body is too large";
            case 415 -> "send the body as application/json";
            default -> e.getMessage();
        };
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", info.getReasonPhrase(), status, detail, request.path(), null));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(Exception e, HttpServerRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException || cause instanceof jakarta.persistence.PersistenceException) {
                LOG.warnf("database unavailable on %s %s: %s", request.method(), request.path(), cause.getMessage());
                return problem(ProblemException.databaseUnavailable(), request);
            }
        }
        LOG.errorf(e, "unexpected error on %s %s", request.method(), request.path());
        return Response.status(500)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Internal Server Error", 500,
                        "the request could not be completed", request.path(), null))
                .build();
    }
}
