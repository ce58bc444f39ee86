package io.vocmonitor.dashboard.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vocmonitor.aggregates.TrendMetric;
import io.vocmonitor.dashboard.config.DashboardConfig;
import io.vocmonitor.dashboard.security.CurrentCredentials;
import io.vocmonitor.dashboard.security.ReadAccess;
import io.vocmonitor.dashboard.service.AnswerCache;
import io.vocmonitor.dashboard.service.Granularity;
import io.vocmonitor.dashboard.service.InvalidQuery;
import io.vocmonitor.dashboard.service.ScoreService;
import io.vocmonitor.dashboard.service.ScoreUpdates;
import io.vocmonitor.dashboard.service.Selection;
import io.vocmonitor.dashboard.store.BucketReader;
import io.vocmonitor.dashboard.store.Reads;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ScoreUpdate;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * An organisation's scores, as dashboards poll them (read key or admin token). Every answer carries an
 * {@code ETag} built from the organisation's score versions and {@code Cache-Control: no-cache}; a poll with
 * a current {@code If-None-Match} is answered 304 after nothing more than the version lookup. The versions and the
 * answer are read on one snapshot ({@link Reads#snapshot}), of the replica where there is one.
 */
@Path("/api/v1/organisations/{org}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores", description = "An organisation's scores: each instrument, the headline numbers, trends, and the "
        + "stream of changes")
@APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
@APIResponse(responseCode = "400", description = "A query parameter that cannot be understood",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Another organisation's key, or an ingest key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "The key is over its request rate",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ScoreResource {

    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");
    /** How an ETag names each instrument's score version. */
    private static final Map<Instrument, String> TAGS = Map.of(Instrument.SERVICEPROOF, "sp",
            Instrument.SERVICE_RECOVERY, "rec", Instrument.SERVICE_EXCELLENCE_SCAN, "scan");
    private static final String SELECTION_DOC = "Optional selection: from, to (ISO dates, inclusive, UTC), channel "
            + "(repeatable), touchpoint. Below the minimum sample size (default 5 responses) of the selection every "
            + "derived number is null and sufficient is false; counts are still shown. ETag / If-None-Match → 304.";
    private static final String COMPARE_DOC = " compare=previous (with from and to) adds comparison: every metric beside "
            + "the period of the same length before from, with the difference, its 95 % interval (Welch for means, the "
            + "margin of error for NPS and NRI) and whether it excludes 0.";

    private final ReadAccess access;
    private final CurrentCredentials credentials;
    private final ScoreService scores;
    private final ScoreUpdates updates;
    private final DashboardConfig config;
    private final AnswerCache cache;
    private final BucketReader buckets;
    private final Reads reads;

    public ScoreResource(ReadAccess access, CurrentCredentials credentials, ScoreService scores, ScoreUpdates updates,
            DashboardConfig config, AnswerCache cache, BucketReader buckets, Reads reads) {
        this.buckets = buckets;
        this.reads = reads;
        this.access = access;
        this.credentials = credentials;
        this.scores = scores;
        this.updates = updates;
        this.config = config;
        this.cache = cache;
    }

    @GET
    @Path("/serviceproof")
    @Blocking
    @Operation(summary = "ServiceProof scores: aspects, constructs SER/V/ICE, overall, NPS, CES, CSAT",
            description = SELECTION_DOC + COMPARE_DOC)
    @APIResponse(responseCode = "200", description = "The scores of the selection",
            content = @Content(schema = @Schema(implementation = ScoreService.ServiceProofAnswer.class)))
    public Response serviceProof(@RestPath String org, @RestQuery String from, @RestQuery String to,
            @RestQuery List<String> channel, @RestQuery String touchpoint, @RestQuery String compare,
            @Context Request request) throws SQLException {
        return compared(request, org, List.of(Instrument.SERVICEPROOF), "serviceproof",
                SelectionParameters.parse(from, to, channel, touchpoint), compare,
                (selection, previous) -> scores.serviceProof(org, selection, previous));
    }

    @GET
    @Path("/recovery")
    @Blocking
    @Operation(summary = "Service Recovery Proof scores: drivers and key drivers, brand effect, relationship impact",
            description = "relationship carries counts, shares, nri, rii with ci95 and the indicator (STRENGTHENED, "
                    + "FLATTENED, WEAKENED, BROKEN or INSUFFICIENT_DATA); keyDrivers is empty below the minimum "
                    + "sample. " + SELECTION_DOC + COMPARE_DOC)
    @APIResponse(responseCode = "200", description = "The scores of the selection",
            content = @Content(schema = @Schema(implementation = ScoreService.RecoveryAnswer.class)))
    public Response recovery(@RestPath String org, @RestQuery String from, @RestQuery String to,
            @RestQuery List<String> channel, @RestQuery String touchpoint, @RestQuery String compare,
            @Context Request request) throws SQLException {
        return compared(request, org, List.of(Instrument.SERVICE_RECOVERY), "recovery",
                SelectionParameters.parse(from, to, channel, touchpoint), compare,
                (selection, previous) -> scores.recovery(org, selection, previous));
    }

    @GET
    @Path("/summary")
    @Blocking
    @Operation(summary = "Headline numbers of every instrument", description = SELECTION_DOC + COMPARE_DOC)
    @APIResponse(responseCode = "200", description = "The headline numbers of the selection",
            content = @Content(schema = @Schema(implementation = ScoreService.Summary.class)))
    public Response summary(@RestPath String org, @RestQuery String from, @RestQuery String to,
            @RestQuery List<String> channel, @RestQuery String touchpoint, @RestQuery String compare,
            @Context Request request) throws SQLException {
        return compared(request, org, List.of(Instrument.values()), "summary",
                SelectionParameters.parse(from, to, channel, touchpoint), compare,
                (selection, previous) -> scores.summary(org, selection, previous));
    }

    @GET
    @Path("/scan")
    @Blocking
    @Operation(summary = "Service Excellence Scan scores: overall, blocks, result areas, bands, disagreements, by role "
            + "and unit, and the sector benchmark",
            description = "Scores are % (100 · Σ points / Σ maximum points of the answered statements, NA left out); "
                    + "bands BEGINNING [0,20), STARTED_TO_WORK [20,30), WELL_ON_THE_WAY [30,40), APPLAUSE [40,50), "
                    + "EXCELLENCE ≥ 50. Optional selection: from, to (ISO dates, inclusive, UTC), role (EMPLOYEE, "
                    + "MANAGER, EXECUTIVE; repeatable), unit. benchmark compares whole scans of whole organisations, "
                    + "whatever the selection: a sector's mean is shown only with at least 3 organisations whose scan "
                    + "has the minimum sample. Below the minimum sample size (default 5 responses) every derived number "
                    + "is null and sufficient is false; counts are still shown, the answer words' distribution not. "
                    + "ETag / If-None-Match → 304. compare=previous (with from and to) adds comparison: overall, "
                    + "results and each block beside the period of the same length before from, with the difference "
                    + "(no interval: a pooled score's variance needs what per-statement sums do not keep).")
    @APIResponse(responseCode = "200", description = "The scan of the selection",
            content = @Content(schema = @Schema(implementation = ScoreService.ScanAnswer.class)))
    public Response scan(@RestPath String org, @RestQuery String from, @RestQuery String to,
            @RestQuery List<String> role, @RestQuery String unit, @RestQuery String compare,
            @Context Request request) throws SQLException {
        Selection selection = SelectionParameters.parse(from, to, null, null, role, unit);
        Selection previous = SelectionParameters.previous(selection, compare);
        return reads.snapshot(() -> {
            Map<Instrument, Long> current = access.scoreVersions(credentials.get(), org);
            // the benchmark in the answer changes with every organisation's scan: their versions are part of the tag
            String everyScan = buckets.versionOfAll(Instrument.SERVICE_EXCELLENCE_SCAN);
            return conditional(request, org, current, List.of(Instrument.SERVICE_EXCELLENCE_SCAN),
                    "all" + everyScan + ".", "scan", Arrays.asList(selection, previous),
                    () -> scores.scan(org, selection, previous, everyScan));
        });
    }

    @GET
    @Path("/trends")
    @Blocking
    @Operation(summary = "A metric per day, ISO week or month, oldest first",
            description = "instrument: SERVICEPROOF, SERVICE_RECOVERY or SERVICE_EXCELLENCE_SCAN. metric: for "
                    + "SERVICEPROOF overall, SER, V, ICE, an aspect, nps, ces, csat; for SERVICE_RECOVERY nri, rii, a "
                    + "driver, nps, ces, csat; for SERVICE_EXCELLENCE_SCAN overall, results, a building block (in %; "
                    + "selected by role and unit instead of channel and touchpoint). "
                    + "granularity: day (default), week (2026-W47) or month (2026-11). One point per period with "
                    + "responses; value is null where the period has fewer than the minimum sample. " + SELECTION_DOC)
    @APIResponse(responseCode = "200", description = "The metric per period",
            content = @Content(schema = @Schema(implementation = ScoreService.Trend.class)))
    public Response trends(@RestPath String org,
            @Parameter(required = true) @RestQuery String instrument,
            @Parameter(required = true) @RestQuery String metric,
            @RestQuery String granularity, @RestQuery String from, @RestQuery String to,
            @RestQuery List<String> channel, @RestQuery String touchpoint, @RestQuery List<String> role,
            @RestQuery String unit, @Context Request request) throws SQLException {
        Instrument trendInstrument = instrument(instrument);
        TrendMetric trendMetric = metric(trendInstrument, metric);
        Granularity trendGranularity = granularity(granularity);
        Selection selection = SelectionParameters.parse(from, to, channel, touchpoint, role, unit);
        SelectionParameters.requireSegmentsOf(trendInstrument, selection);
        return reads.snapshot(() -> conditional(request, org, access.scoreVersions(credentials.get(), org),
                List.of(trendInstrument), "", "trends",
                List.of(trendInstrument, trendMetric.name(), trendGranularity, selection),
                () -> scores.trend(org, trendMetric, trendGranularity, selection)));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Server-sent events: 'scores' whenever the organisation's scores change",
            description = "Each event's data is {organisationId, instrument, version, updatedAt}; re-read the scores "
                    + "on it. A comment line is sent every 15 s to keep proxies from closing the stream.")
    @APIResponse(responseCode = "200", description = "The stream of score changes",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ScoreUpdate.class)))
    public Multi<OutboundSseEvent> stream(@RestPath String org, @Context Sse sse) throws SQLException {
        access.requireRead(credentials.get(), org);
        Multi<OutboundSseEvent> changes = updates.of(org).map(update -> sse.newEventBuilder()
                .name("scores")
                .id(update.instrument() + "-" + update.version())
                .data(EventCodec.encode(update))
                .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.streamHeartbeat())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, heartbeats);
    }

    /**
     * An answer for a selection and, with compare=previous, the period of the same length before it; its tag and its
     * body read on one snapshot.
     */
    private Response compared(Request request, String org, List<Instrument> instruments, String endpoint,
            Selection selection, String compare, BiFunction<Selection, Selection, Object> answer) throws SQLException {
        Selection previous = SelectionParameters.previous(selection, compare);
        return reads.snapshot(() -> conditional(request, org, access.scoreVersions(credentials.get(), org), instruments,
                "", endpoint, Arrays.asList(selection, previous), () -> answer.apply(selection, previous)));
    }

    /**
     * 304 when the client's ETag matches the organisation's current versions of the instruments (the body is
     * not computed), 200 with the body otherwise. The minimum sample size is part of the tag, so a changed
     * setting does not leave stale answers in caches. The body comes from the {@link AnswerCache} when the same
     * question was answered at the same versions before.
     */
    private Response conditional(Request request, String org, Map<Instrument, Long> current,
            List<Instrument> instruments, String alsoDependsOn, String endpoint, Object parameters,
            Supplier<Object> body) {
        StringBuilder tag = new StringBuilder();
        for (Instrument instrument : instruments) {
            tag.append(TAGS.get(instrument)).append(current.get(instrument)).append('.');
        }
        tag.append(alsoDependsOn);
        EntityTag etag = new EntityTag(tag.append('m').append(config.minimumSampleSize()).toString());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.cacheControl(REVALIDATE).header("Vary", "X-Api-Key, Authorization").build();
        }
        Object answer = cache.answer(new AnswerCache.Key(endpoint, org, parameters, etag.getValue()), body);
        return Response.ok(answer).tag(etag).cacheControl(REVALIDATE).header("Vary", "X-Api-Key, Authorization")
                .build();
    }

    private static Instrument instrument(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidQuery("instrument: required, one of "
                    + Arrays.toString(Instrument.values()));
        }
        try {
            return Instrument.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("instrument: unknown '" + name + "'; one of "
                    + Arrays.toString(Instrument.values()));
        }
    }

    private static TrendMetric metric(Instrument instrument, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidQuery("metric: required; for " + instrument + " one of "
                    + names(instrument));
        }
        return TrendMetric.find(instrument, name).orElseThrow(() -> {
            for (Instrument other : Instrument.values()) {
                if (other != instrument && TrendMetric.find(other, name).isPresent()) {
                    return new InvalidQuery("metric: '" + name + "' is a metric of " + other
                            + ", not of " + instrument + "; one of " + names(instrument));
                }
            }
            return new InvalidQuery("metric: unknown '" + name + "'; for " + instrument
                    + " one of " + names(instrument));
        });
    }

    private static String names(Instrument instrument) {
        return String.join(", ", TrendMetric.of(instrument).stream().map(TrendMetric::name).toList());
    }

    private static Granularity granularity(String name) {
        if (name == null || name.isBlank()) {
            return Granularity.DAY;
        }
        try {
            return Granularity.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("granularity: day, week or month, not '" + name + "'");
        }
    }
}
