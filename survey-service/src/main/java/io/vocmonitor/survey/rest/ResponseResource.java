package io.vocmonitor.survey.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.survey.security.Authenticator;
import io.vocmonitor.survey.service.IngestMetrics;
import io.vocmonitor.survey.service.ResponseParser;
import io.vocmonitor.survey.service.ResponsePublisher;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Takes survey responses in: validate, publish to Kafka, answer 202 once the broker has them. */
@Path("/api/v1/organisations/{org}/responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResponseResource {

    /** The answer to an accepted response. */
    public record Accepted(UUID responseId) {
    }

    private final Authenticator authenticator;
    private final ResponseParser parser;
    private final ResponsePublisher publisher;
    private final IngestMetrics metrics;

    public ResponseResource(Authenticator authenticator, ResponseParser parser, ResponsePublisher publisher,
            IngestMetrics metrics) {
        this.authenticator = authenticator;
        this.parser = parser;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @POST
    @Blocking
    @Operation(summary = "Submit one response (ingest key or admin)",
            description = "Answers 202 with the responseId once the event broker has acknowledged the response. "
                    + "400 names every invalid field; 503 (with Retry-After) when the broker cannot take it, in "
                    + "which case nothing was stored. Re-posting a responseId is accepted and counted once.")
    public Uni<RestResponse<Accepted>> submit(@RestPath String org, @RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey, byte[] body) {
        ResponseSubmitted response;
        try {
            authenticator.requireIngest(authenticator.authenticate(authorization, apiKey), org);
            response = parser.parse(org, parser.readJson(body), Instant.now());
        } catch (ProblemException e) {
            metrics.rejected(e.status(), 1);
            throw e;
        }
        return publisher.publish(response)
                .onItem().transform(ignored -> {
                    metrics.accepted(response.instrument(), 1);
                    return RestResponse.status(RestResponse.Status.ACCEPTED, new Accepted(response.responseId()));
                })
                .onFailure(ProblemException.class).invoke(e -> metrics.rejected(((ProblemException) e).status(), 1));
    }
}
