package io.vocmonitor.dashboard.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vocmonitor.dashboard.service.InvalidQuery;
import io.vocmonitor.dashboard.service.UnknownAlert;
import io.vocmonitor.dashboard.webhook.WebhookRefusal;
import io.vocmonitor.runtime.Refusal;
import io.vocmonitor.runtime.access.Forbidden;
import io.vocmonitor.runtime.access.NotAuthenticated;
import io.vocmonitor.runtime.access.RateLimited;
import io.vocmonitor.runtime.access.UnknownOrganisation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where the dashboard-service's errors become HTTP answers: every {@link Refusal} of the domain, and
 * whatever the framework refuses, as {@code application/problem+json} (RFC 9457).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response refused(Refusal refusal, HttpServerRequest request) {
        int status;
        String detail = refusal.getMessage();
        if (refusal instanceof InvalidQuery) {
            status = 400;
        } else if (refusal instanceof NotAuthenticated) {
            status = 401;
        } else if (refusal instanceof Forbidden) {
            status = 403;
        } else if (refusal instanceof UnknownOrganisation || refusal instanceof UnknownAlert) {
            status = 404;
        } else if (refusal instanceof WebhookRefusal webhook) {
            status = webhook.status();
        } else if (refusal instanceof RateLimited) {
            status = 429;
            detail = "this key is over its request rate; poll with If-None-Match or use the stream";
        } else {
            status = 500;
        }
        Response.ResponseBuilder answer = answer(status, detail, request);
        if (refusal instanceof NotAuthenticated) {
            answer.header("WWW-Authenticate", "Bearer, ApiKey");
        } else if (refusal instanceof RateLimited limited) {
            answer.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        return answer(status, status == 404 ? "no such resource: " + request.path() : e.getMessage(), request).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(Exception e, HttpServerRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                // the database is away for a moment: a client should come back, not report a bug
                LOG.warnf("database unavailable on %s %s: %s", request.method(), request.path(), cause.getMessage());
                return answer(503, "the database is unavailable; try again", request).header("Retry-After", "5").build();
            }
        }
        LOG.errorf(e, "unexpected error on %s %s", request.method(), request.path());
        return answer(500, "the request could not be completed", request).build();
    }

    private static Response.ResponseBuilder answer(int status, String detail, HttpServerRequest request) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", Response.Status.fromStatusCode(status).getReasonPhrase(), status, detail,
                        request.path()));
    }
}
