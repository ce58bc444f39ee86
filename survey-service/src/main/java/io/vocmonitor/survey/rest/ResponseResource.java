package io.vocmonitor.survey.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vocmonitor.events.ResponseRetracted;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.survey.security.Authenticator;
import io.vocmonitor.survey.security.Directory;
import io.vocmonitor.survey.service.BatchIngest;
import io.vocmonitor.survey.service.CsvImport;
import io.vocmonitor.survey.service.IngestMetrics;
import io.vocmonitor.survey.service.Pseudonymiser;
import io.vocmonitor.survey.service.ResponseParser;
import io.vocmonitor.survey.service.ResponsePublisher;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
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

    /** The answer to an accepted retraction. */
    public record Retraction(UUID responseId, String status) {
    }

    private final Authenticator authenticator;
    private final ResponseParser parser;
    private final ResponsePublisher publisher;
    private final IngestMetrics metrics;
    private final BatchIngest batches;
    private final Pseudonymiser pseudonymiser;

    public ResponseResource(Authenticator authenticator, ResponseParser parser, ResponsePublisher publisher,
            IngestMetrics metrics, BatchIngest batches, Pseudonymiser pseudonymiser) {
        this.authenticator = authenticator;
        this.parser = parser;
        this.publisher = publisher;
        this.metrics = metrics;
        this.batches = batches;
        this.pseudonymiser = pseudonymiser;
    }

    @POST
    @Operation(summary = "Submit one response (ingest key or admin)",
            description = "Answers 202 with the responseId once the event broker has acknowledged the response. "
                    + "400 names every invalid field; 503 (with Retry-After) when the broker cannot take it, in "
                    + "which case nothing was stored. Re-posting a responseId is accepted and counted once.")
    public Uni<RestResponse<Accepted>> submit(@RestPath String org, @RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey, byte[] body) {
        return answeredOnRequestContext(Uni.createFrom().item(() -> authenticator.credentials(authorization, apiKey))
                .chain(credentials -> {
                    Supplier<ResponseSubmitted> prepare = () -> {
                        Directory.OrganisationInfo organisation =
                                authenticator.requireIngest(authenticator.authenticate(credentials), org);
                        return pseudonymiser.apply(organisation,
                                parser.parse(org, parser.readJson(body), Instant.now()));
                    };
                    // with the credentials and the organisation in memory the request is decided where it arrived;
                    // the database, when it must be asked, is asked from a worker thread
                    return authenticator.decidesFromMemory(credentials, org) ? Uni.createFrom().item(prepare)
                            : onWorker(prepare);
                })
                .chain(response -> publisher.publish(response).map(ignored -> {
                    metrics.accepted(response.instrument(), 1);
                    return RestResponse.status(RestResponse.Status.ACCEPTED, new Accepted(response.responseId()));
                }))
                .onFailure(ProblemException.class).invoke(e -> metrics.rejected((ProblemException) e, 1)));
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Submit up to 1,000 responses as a JSON array (ingest key or admin)",
            description = "Each item is validated on its own: valid items are published even when others are "
                    + "invalid. The answer (200) lists a result per item: index, status 202 with its responseId, or "
                    + "400 with the problem. Answered only after the broker acknowledged every accepted item; 503 when "
                    + "it did not acknowledge some (their results say 503; re-sending the batch is safe when every "
                    + "item carries its own responseId).")
    public Uni<RestResponse<BatchIngest.Result>> batch(@RestPath String org,
            @RestHeader("Authorization") String authorization, @RestHeader("X-Api-Key") String apiKey, byte[] body) {
        return answeredOnRequestContext(onWorker(() -> {
            Directory.OrganisationInfo organisation =
                    authenticator.requireIngest(authenticator.authenticate(authorization, apiKey), org);
            JsonNode array = parser.readJson(body);
            if (!array.isArray()) {
                throw ProblemException.invalid("body", "must be a JSON array of responses");
            }
            if (array.isEmpty() || array.size() > BatchIngest.MAX_ITEMS) {
                throw ProblemException.invalid("body", "must hold 1.." + BatchIngest.MAX_ITEMS + " responses, not "
                        + array.size() + "; split larger batches");
            }
            List<BatchIngest.Item> items = new ArrayList<>(array.size());
            for (int index = 0; index < array.size(); index++) {
                items.add(new BatchIngest.Item(index, null, array.get(index)));
            }
            return new Request(organisation, items);
        }).onFailure(ProblemException.class).invoke(e -> metrics.rejected((ProblemException) e, 1))
                .chain(request -> batches.ingest(request.organisation(), request.items(),
                        "/api/v1/organisations/" + org + "/responses/batch"))
                .map(ResponseResource::answer));
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", "application/csv"})
    @Operation(summary = "Import up to 1,000 responses from a CSV file (ingest key or admin)",
            description = "UTF-8, comma-separated, RFC 4180 quoting. The first row names the columns, in any order: "
                    + "responseId, instrument, answeredAt, channel, touchpoint, respondentRef, relationship, comment, "
                    + "each aspect and driver by name (SENSING … ENGAGEMENT, RECEPTIVENESS … LEARNING), brandEffect, "
                    + "recommend, effort, satisfaction. An empty cell is an unanswered question. Rows are validated "
                    + "like posted responses; valid rows are published even when others are invalid. The answer "
                    + "lists a result per row with its line number.")
    public Uni<RestResponse<BatchIngest.Result>> importCsv(@RestPath String org,
            @RestHeader("Authorization") String authorization, @RestHeader("X-Api-Key") String apiKey, byte[] body) {
        return answeredOnRequestContext(onWorker(() -> new Request(
                authenticator.requireIngest(authenticator.authenticate(authorization, apiKey), org), CsvImport.items(body)))
                .onFailure(ProblemException.class).invoke(e -> metrics.rejected((ProblemException) e, 1))
                .chain(request -> batches.ingest(request.organisation(), request.items(),
                        "/api/v1/organisations/" + org + "/responses/import"))
                .map(ResponseResource::answer));
    }

    @DELETE
    @Path("/{responseId}")
    @Operation(summary = "Retract a response: GDPR erasure or a correction (ingest key or admin)",
            description = "Answers 202 once the retraction is on the broker. The scoring-service then subtracts the "
                    + "response from every score and erases it from the archive, its alert included. Retracting an "
                    + "unknown or already retracted id changes nothing; a retraction that overtakes its response "
                    + "keeps that response from ever being counted.")
    public Uni<RestResponse<Retraction>> retract(@RestPath String org, @RestPath String responseId,
            @RestHeader("Authorization") String authorization, @RestHeader("X-Api-Key") String apiKey) {
        return answeredOnRequestContext(onWorker(() -> {
            authenticator.requireIngest(authenticator.authenticate(authorization, apiKey), org);
            try {
                return UUID.fromString(responseId);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("responseId", "must be a UUID");
            }
        }).chain(id -> publisher.publish(ResponseRetracted.of(id, org, Instant.now()))
                .map(ignored -> RestResponse.status(RestResponse.Status.ACCEPTED, new Retraction(id, "retraction accepted")))));
    }

    /** The request's own work: credentials, organisation, parsing. */
    private record Request(Directory.OrganisationInfo organisation, List<BatchIngest.Item> items) {
    }

    /**
     * Runs the part that may touch the database on a worker thread; the wait for the broker's acknowledgement
     * then holds no thread at all, so a slow or absent broker cannot exhaust a thread pool.
     */
    private static <T> Uni<T> onWorker(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Hands the outcome back to the request's own event loop: the broker acknowledges on its own thread, and the
     * answer must be written where the request lives, after the request has been suspended.
     */
    private static <T> Uni<T> answeredOnRequestContext(Uni<T> outcome) {
        Context context = Vertx.currentContext();
        return context == null ? outcome : outcome.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private static RestResponse<BatchIngest.Result> answer(BatchIngest.Result result) {
        if (result.brokerFailed()) {
            return RestResponse.ResponseBuilder.create(RestResponse.Status.SERVICE_UNAVAILABLE, result)
                    .header("Retry-After", "5").build();
        }
        return RestResponse.ok(result);
    }
}
