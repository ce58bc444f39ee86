package io.vocmonitor.dashboard.rest;

import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.dashboard.config.DashboardConfig;
import io.vocmonitor.dashboard.security.CurrentCredentials;
import io.vocmonitor.dashboard.security.ReadAccess;
import io.vocmonitor.dashboard.service.ScoreService;
import io.vocmonitor.dashboard.service.InvalidQuery;
import io.vocmonitor.dashboard.store.BucketReader;
import io.vocmonitor.dashboard.store.Reads;
import io.vocmonitor.events.Instrument;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The Service Excellence Scan's sector benchmark (SPEC §2.4, §5), for any valid key or the admin token: the means
 * compare whole sectors' whole scans and reveal no organisation, so any organisation may see them. Tagged by every
 * organisation's scan versions and sectors together, and computed once per change of them.
 */
@Path("/api/v1/benchmarks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "benchmarks", description = "How sectors compare")
@APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
@APIResponse(responseCode = "400", description = "A query parameter that cannot be understood",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "The key is over its request rate",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BenchmarkResource {

    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");

    private final ReadAccess access;
    private final CurrentCredentials credentials;
    private final ScoreService scores;
    private final BucketReader buckets;
    private final DashboardConfig config;
    private final Reads reads;

    public BenchmarkResource(ReadAccess access, CurrentCredentials credentials, ScoreService scores,
            BucketReader buckets, DashboardConfig config, Reads reads) {
        this.reads = reads;
        this.access = access;
        this.credentials = credentials;
        this.scores = scores;
        this.buckets = buckets;
        this.config = config;
    }

    @GET
    @Path("/scan")
    @Blocking
    @Operation(summary = "The sector means of the Service Excellence Scan",
            description = "Per sector the mean overall % of the organisations whose whole scan has at least the "
                    + "minimum sample; only sectors with at least 3 such organisations, highest mean first. There is no "
                    + "selection of days: two periods' means could be subtracted to reveal one organisation. Any "
                    + "organisation's read or ingest key, or the admin token. ETag / If-None-Match → 304.")
    @APIResponse(responseCode = "200", description = "The sectors that have enough organisations",
            content = @Content(schema = @Schema(implementation = ScoreService.BenchmarkAnswer.class)))
    public Response scanBenchmark(@RestQuery String from, @RestQuery String to, @Context Request request)
            throws SQLException {
        access.requireAnyKey(credentials.get());
        if (from != null || to != null) {
            throw new InvalidQuery((from != null ? "from" : "to") + ": the benchmark compares whole scans only; the "
                    + "means of two periods could be subtracted to reveal one organisation's score");
        }
        return reads.snapshot(() -> {
            String everyScan = buckets.versionOfAll(Instrument.SERVICE_EXCELLENCE_SCAN);
            EntityTag etag = new EntityTag("bench" + everyScan + ".m" + config.minimumSampleSize());
            Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
            if (notModified != null) {
                return notModified.cacheControl(REVALIDATE).build();
            }
            return Response.ok(scores.benchmarkAnswer(everyScan)).tag(etag).cacheControl(REVALIDATE).build();
        });
    }
}
