package io.vocmonitor.survey.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vocmonitor.survey.security.CurrentCaller;
import io.vocmonitor.survey.service.IngestService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Takes survey responses in through the {@link IngestService}: one, a JSON batch or a CSV file; answers once the
 * broker has them. A single response is decided on the thread it arrived on when its key and organisation are
 * known in memory; batches and imports, which parse up to 1,000 responses, run on a worker thread. Waiting for
 * the broker holds no thread either way.
 */
@Tag(name = "responses", description = "Survey responses in: one, a JSON batch or a CSV file; retractions")
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

    /** The outcome of one item of a batch: 202 with its responseId, 400 with the problem, or 503. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(int index, Integer line, int status, UUID responseId, Problem problem) {
    }

    /** The outcome of a whole batch or import. */
    public record BatchResult(int accepted, int rejected, List<ItemResult> results) {
    }

    private final IngestService ingest;
    private final CurrentCaller caller;

    public ResponseResource(IngestService ingest, CurrentCaller caller) {
        this.ingest = ingest;
        this.caller = caller;
    }

    @POST
    @Ingest
    @Operation(summary = "Submit one response (ingest key or admin)",
            description = "Answers 202 with the responseId once the event broker has acknowledged the response. "
                    + "400 names every invalid field; 503 (with Retry-After) when the broker cannot take it, in "
                    + "which case nothing was stored. Re-posting a responseId is accepted and counted once.")
    public Uni<Response> submit(@RestPath String org, byte[] body) {
        return ingest.submit(caller.get(), org, body).map(outcome -> {
            IngestService.ItemOutcome one = outcome.items().get(0);
            return one.accepted() ? Response.accepted(new Accepted(one.responseId())).build()
                    : ProblemMapper.response(one.refusal(), instance(org, ""));
        });
    }

    @POST
    @Path("/batch")
    @Ingest
    @Blocking
    @Operation(summary = "Submit up to 1,000 responses as a JSON array (ingest key or admin)",
            description = "Each item is validated on its own: valid items are published even when others are "
                    + "invalid. The answer (200) lists a result per item: index, status 202 with its responseId, or "
                    + "400 with the problem. Answered only after the broker acknowledged every accepted item; 503 when "
                    + "it did not acknowledge some (their results say 503; re-sending the batch is safe when every "
                    + "item carries its own responseId).")
    public Uni<RestResponse<BatchResult>> batch(@RestPath String org, byte[] body) {
        return ingest.batch(caller.get(), org, body).map(outcome -> answer(outcome, instance(org, "/batch")));
    }

    @POST
    @Path("/import")
    @Ingest
    @Blocking
    @Consumes({"text/csv", "application/csv"})
    @Operation(summary = "Import up to 1,000 responses from a CSV file (ingest key or admin)",
            description = "UTF-8, comma-separated, RFC 4180 quoting. The first row names the columns, in any order: "
                    + "responseId, instrument, answeredAt, channel, touchpoint, respondentRef, relationship, comment, "
                    + "each item of each instrument by name (SENSING … ENGAGEMENT, RECEPTIVENESS … LEARNING), "
                    + "brandEffect, recommend, effort, satisfaction. An empty cell is an unanswered question. Rows are "
                    + "validated like posted responses; valid rows are published even when others are invalid. The "
                    + "answer lists a result per row with its line number.")
    public Uni<RestResponse<BatchResult>> importCsv(@RestPath String org, byte[] body) {
        return ingest.importCsv(caller.get(), org, body).map(outcome -> answer(outcome, instance(org, "/import")));
    }

    @DELETE
    @Path("/{responseId}")
    @Operation(summary = "Retract a response: GDPR erasure or a correction (ingest key or admin)",
            description = "Answers 202 once the retraction is on the broker. The scoring-service then subtracts the "
                    + "response from every score and erases it from the archive, its alert included. Retracting an "
                    + "unknown or already retracted id changes nothing; a retraction that overtakes its response "
                    + "keeps that response from ever being counted.")
    public Uni<RestResponse<Retraction>> retract(@RestPath String org, @RestPath String responseId) {
        return ingest.retract(caller.get(), org, responseId).map(id -> RestResponse.status(RestResponse.Status.ACCEPTED,
                new Retraction(id, "retraction accepted")));
    }

    private static String instance(String org, String endpoint) {
        return "/api/v1/organisations/" + org + "/responses" + endpoint;
    }

    /** 200 with a result per item; 503 with Retry-After when the broker did not take some valid item. */
    private static RestResponse<BatchResult> answer(IngestService.Outcome outcome, String instance) {
        List<ItemResult> results = outcome.items().stream().map(item -> item.accepted()
                ? new ItemResult(item.index(), item.line(), 202, item.responseId(), null)
                : new ItemResult(item.index(), item.line(), ProblemMapper.status(item.refusal()), item.responseId(),
                        ProblemMapper.problem(item.refusal(), instance))).toList();
        int accepted = outcome.accepted();
        BatchResult result = new BatchResult(accepted, results.size() - accepted, results);
        if (outcome.brokerFailed()) {
            return RestResponse.ResponseBuilder.create(RestResponse.Status.SERVICE_UNAVAILABLE, result)
                    .header("Retry-After", "5").build();
        }
        return RestResponse.ok(result);
    }
}
