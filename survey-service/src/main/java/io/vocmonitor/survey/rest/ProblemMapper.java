package io.vocmonitor.survey.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.http.HttpServerRequest;
import io.vocmonitor.events.Violation;
import io.vocmonitor.runtime.Refusal;
import io.vocmonitor.runtime.access.Forbidden;
import io.vocmonitor.runtime.access.NotAuthenticated;
import io.vocmonitor.runtime.access.RateLimited;
import io.vocmonitor.runtime.access.UnknownOrganisation;
import io.vocmonitor.survey.messaging.BrokerUnavailable;
import io.vocmonitor.survey.service.ContentTooLarge;
import io.vocmonitor.survey.service.DatabaseUnavailable;
import io.vocmonitor.survey.service.IngestMetrics;
import io.vocmonitor.survey.service.InvalidInput;
import io.vocmonitor.survey.service.LinkGone;
import io.vocmonitor.survey.service.OrganisationDeactivated;
import io.vocmonitor.survey.service.OrganisationIdTaken;
import io.vocmonitor.survey.service.UnknownLink;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where the survey-service's errors become HTTP answers: every {@link Refusal} of the domain, and
 * whatever the framework refuses (unreadable JSON, invalid payloads, unknown paths), as
 * {@code application/problem+json} (RFC 9457). A refusal of an {@link Ingest} endpoint is counted by its reason.
 */
public class ProblemMapper {

    private static final Pattern LINK_TOKEN =
            Pattern.compile("(/r/|/api/v1/questionnaires/)[^/]+");

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final IngestMetrics metrics;

    public ProblemMapper(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    /** The HTTP status of a refusal. */
    public static int status(Refusal refusal) {
        if (refusal instanceof InvalidInput) {
            return 400;
        } else if (refusal instanceof NotAuthenticated) {
            return 401;
        } else if (refusal instanceof Forbidden) {
            return 403;
        } else if (refusal instanceof UnknownOrganisation || refusal instanceof UnknownLink) {
            return 404;
        } else if (refusal instanceof LinkGone) {
            return 410;
        } else if (refusal instanceof OrganisationDeactivated || refusal instanceof OrganisationIdTaken) {
            return 409;
        } else if (refusal instanceof ContentTooLarge) {
            return 413;
        } else if (refusal instanceof RateLimited) {
            return 429;
        } else if (refusal instanceof BrokerUnavailable || refusal instanceof DatabaseUnavailable) {
            return 503;
        }
        return 500;
    }

    /** The problem document of a refusal, for a request to {@code instance}. */
    public static Problem problem(Refusal refusal, String instance) {
        int status = status(refusal);
        String title = switch (status) {
            case 400 -> "Invalid input";
            case 413 -> "Content Too Large";
            default -> Response.Status.fromStatusCode(status).getReasonPhrase();
        };
        return new Problem("about:blank", title, status, refusal.getMessage(), instance,
                refusal instanceof InvalidInput invalid ? invalid.violations() : null);
    }

    /** The whole answer to a refused request, headers included. */
    public static Response response(Refusal refusal, String instance) {
        Response.ResponseBuilder answer = Response.status(status(refusal)).type(Problem.MEDIA_TYPE)
                .entity(problem(refusal, instance));
        if (refusal instanceof NotAuthenticated) {
            answer.header("WWW-Authenticate", "Bearer, ApiKey");
        } else if (refusal instanceof RateLimited limited) {
            answer.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
        } else if (refusal instanceof BrokerUnavailable || refusal instanceof DatabaseUnavailable) {
            answer.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal, HttpServerRequest request, ContainerRequestContext context) {
        if (CallerFilter.isIngest(context)) {
            metrics.rejected(refusal.reason(), 1);
        }
        return response(refusal, path(request));
    }

    /** A payload that breaks its Bean Validation constraints: one error per field. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request, ContainerRequestContext context) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        return refused(new InvalidInput(violations), request, context);
    }

    /** A JSON body of the wrong shape; mapped here, not by the framework's mapper, which answers without a body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpServerRequest request, ContainerRequestContext context) {
        return unreadable(e, request, context);
    }

    /** A JSON body the payload's type cannot be read from: names the field where it went wrong. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpServerRequest request, ContainerRequestContext context) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "body";
        String detail = field.equals("body") ? "not valid JSON: " + e.getOriginalMessage() : "cannot be read as given: "
                + e.getOriginalMessage();
        return refused(new InvalidInput(field, detail), request, context);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType info = original.getStatusInfo();
        String detail = switch (status) {
            case 404 -> "no such resource: " + path(request);
            case 405 -> request.method() + " is not allowed on " + path(request);
            case 406 -> "this resource answers application/json";
            case 413 -> "the request body is too large";
            case 415 -> "send the body as application/json";
            default -> e.getMessage();
        };
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", info.getReasonPhrase(), status, detail, path(request), null));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(Exception e, HttpServerRequest request, ContainerRequestContext context) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof PersistenceException) {
                LOG.warnf("database unavailable on %s %s: %s", request.method(), path(request), cause.getMessage());
                return refused(new DatabaseUnavailable(), request, context);
            }
        }
        LOG.errorf(e, "unexpected error on %s %s", request.method(), path(request));
        if (CallerFilter.isIngest(context)) {
            metrics.rejected("other", 1);
        }
        return Response.status(500)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Internal Server Error", 500,
                        "the request could not be completed", path(request), null))
                .build();
    }

    /**
     * The request's path as problems and logs show it: a questionnaire link's token is a secret, like a key, and is
     * left out.
     */
    static String path(HttpServerRequest request) {
        return LINK_TOKEN.matcher(request.path()).replaceAll("$1{token}");
    }

    /** The last named node of a property path: the payload's field ({@code sector}, or an unknown one). */
    private static String field(Path path) {
        String field = "body";
        for (Path.Node node : path) {
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.METHOD
                    && node.getKind() != jakarta.validation.ElementKind.PARAMETER) {
                field = node.getName();
            }
        }
        return field;
    }
}
