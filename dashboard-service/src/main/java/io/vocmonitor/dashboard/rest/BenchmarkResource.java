package io.vocmonitor.dashboard.rest;

import io.smallrye.common.annotation.Blocking;
import io.vocmonitor.dashboard.config.DashboardConfig;
import io.vocmonitor.dashboard.security.CurrentCredentials;
import io.vocmonitor.dashboard.security.ReadAccess;
import io.vocmonitor.dashboard.service.AnswerCache;
import io.vocmonitor.dashboard.service.ScoreService;
import io.vocmonitor.dashboard.service.Selection;
import io.vocmonitor.dashboard.store.BucketReader;
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
 * compare whole sectors and reveal no organisation, so any organisation may see them. Tagged and cached by every
 * organisation's scan versions and sectors together.
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
    private final AnswerCache cache;
    private final DashboardConfig config;

    public BenchmarkResource(ReadAccess access, CurrentCredentials credentials, ScoreService scores,
            BucketReader buckets, AnswerCache cache, DashboardConfig config) {
        this.access = access;
        this.credentials = credentials;
        this.scores = scores;
        this.buckets = buckets;
        this.cache = cache;
        this.config = config;
    }

    @GET
    @Path("/scan")
    @Blocking
    @Operation(summary = "The sector means of the Service Excellence Scan",
            description = "Per sector the mean overall % of the organisations whose scan has at least the minimum "
                    + "sample, over the days from..to (ISO dates, inclusive; all time without them); only sectors "
                    + "with at least 3 such organisations, highest mean first. Any organisation's read or ingest key, "
                    + "or the admin token. ETag / If-None-Match → 304.")
    @APIResponse(responseCode = "200", description = "The sectors that have enough organisations",
            content = @Content(schema = @Schema(implementation = ScoreService.BenchmarkAnswer.class)))
    public Response scanBenchmark(@RestQuery String from, @RestQuery String to, @Context Request request)
            throws SQLException {
        access.requireAnyKey(credentials.get());
        Selection selection = SelectionParameters.parse(from, to, null, null);
        EntityTag etag = new EntityTag("bench" + buckets.versionOfAll(Instrument.SERVICE_EXCELLENCE_SCAN) + ".m"
                + config.minimumSampleSize());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.cacheControl(REVALIDATE).build();
        }
        Object answer = cache.answer(new AnswerCache.Key("benchmark-scan", "", selection, etag.getValue()),
                () -> scores.benchmark(selection));
        return Response.ok(answer).tag(etag).cacheControl(REVALIDATE).build();
    }
}
