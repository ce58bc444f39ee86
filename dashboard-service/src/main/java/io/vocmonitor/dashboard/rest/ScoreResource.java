package io.vocmonitor.dashboard.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vocmonitor.aggregates.RecoveryScores;
import io.vocmonitor.aggregates.ScoreSums;
import io.vocmonitor.aggregates.ServiceProofScores;
import io.vocmonitor.aggregates.TrendMetric;
import io.vocmonitor.dashboard.config.DashboardConfig;
import io.vocmonitor.dashboard.security.CurrentCredentials;
import io.vocmonitor.dashboard.security.ReadAccess;
import io.vocmonitor.dashboard.service.AnswerCache;
import io.vocmonitor.dashboard.service.Granularity;
import io.vocmonitor.dashboard.service.InvalidQuery;
import io.vocmonitor.dashboard.service.ScoreUpdates;
import io.vocmonitor.dashboard.service.Selection;
import io.vocmonitor.dashboard.store.BucketReader;
import io.vocmonitor.events.Construct;
import io.vocmonitor.events.EventCodec;
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
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * An organisation's scores, as dashboards poll them (read key or admin token). Every answer carries an
 * {@code ETag} built from the organisation's score versions and {@code Cache-Control: no-cache}; a poll with
 * a current {@code If-None-Match} is answered 304 after nothing more than the version lookup.
 */
@Path("/api/v1/organisations/{org}")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");
    private static final String SELECTION_DOC = "Optional selection: from, to (ISO dates, inclusive, UTC), channel "
            + "(repeatable), touchpoint. Below the minimum sample size (default 5 responses) of the selection every "
            + "derived number is null and sufficient is false; counts are still shown. ETag / If-None-Match → 304.";

    /** ServiceProof scores of a selection. */
    public record ServiceProofAnswer(@JsonUnwrapped ServiceProofScores scores, Selection selection) {
    }

    /** Service Recovery Proof scores of a selection. */
    public record RecoveryAnswer(@JsonUnwrapped RecoveryScores scores, Selection selection) {
    }

    /** The headline numbers of every instrument. */
    public record Summary(String organisationId, Selection selection, ServiceProofHeadline serviceproof,
            RecoveryHeadline recovery) {
    }

    /** ServiceProof at a glance: the overall score, its constructs and the optional questions' scores. */
    public record ServiceProofHeadline(long responses, Double overall, Map<Construct, Double> constructs, Double nps,
            Double ces, Double csat, boolean sufficient) {

        static ServiceProofHeadline of(ServiceProofScores scores) {
            return new ServiceProofHeadline(scores.responses(), scores.overall(), scores.constructs(),
                    scores.nps().nps(), scores.ces().mean(), scores.csat().csat(), scores.sufficient());
        }
    }

    /** Service Recovery Proof at a glance: what handled problems did to relationships. */
    public record RecoveryHeadline(long responses, String indicator, Double nri, Double rii, boolean sufficient) {

        static RecoveryHeadline of(RecoveryScores scores) {
            return new RecoveryHeadline(scores.responses(), scores.relationship().indicator(),
                    scores.relationship().nri(), scores.relationship().rii(), scores.sufficient());
        }
    }

    /** One period of a trend; {@code value} is null below the minimum sample size. */
    public record TrendPoint(String period, long responses, Double value) {
    }

    /** A metric over time (SPEC §8). */
    public record Trend(Instrument instrument, String metric, String granularity, Selection selection,
            List<TrendPoint> points) {
    }

    private final ReadAccess access;
    private final CurrentCredentials credentials;
    private final BucketReader buckets;
    private final ScoreUpdates updates;
    private final DashboardConfig config;
    private final AnswerCache cache;

    public ScoreResource(ReadAccess access, CurrentCredentials credentials, BucketReader buckets, ScoreUpdates updates,
            DashboardConfig config, AnswerCache cache) {
        this.cache = cache;
        this.credentials = credentials;
        this.access = access;
        this.buckets = buckets;
        this.updates = updates;
        this.config = config;
    }

    @GET
    @Path("/serviceproof")
    @Blocking
    @Operation(summary = "ServiceProof scores: aspects, constructs SER/V/ICE, overall, NPS, CES, CSAT",
            description = SELECTION_DOC)
    public Response serviceProof(@RestPath String org, @RestQuery String from, @RestQuery String to,
            @RestQuery List<String> channel, @RestQuery String touchpoint, @Context Request request) throws SQLException {
        Map<Instrument, Long> current = access.scoreVersions(credentials.get(), org);
        Selection selection = SelectionParameters.parse(from, to, channel, touchpoint);
        return conditional(request, org, current, List.of(Instrument.SERVICEPROOF), "serviceproof", selection,
                () -> new ServiceProofAnswer(serviceProofScores(org, selection), selection));
    }

    @GET
    @Path("/recovery")
    @Blocking
    @Operation(summary = "Service Recovery Proof scores: drivers and key drivers, brand effect, relationship impact",
            description = "relationship carries counts, shares, nri, rii with ci95 and the indicator (STRENGTHENED, "
                    + "FLATTENED, WEAKENED, BROKEN or INSUFFICIENT_DATA); keyDrivers is empty below the minimum "
                    + "sample. " + SELECTION_DOC)
    public Response recovery(@RestPath String org, @RestQuery String from, @RestQuery String to,
            @RestQuery List<String> channel, @RestQuery String touchpoint, @Context Request request) throws SQLException {
        Map<Instrument, Long> current = access.scoreVersions(credentials.get(), org);
        Selection selection = SelectionParameters.parse(from, to, channel, touchpoint);
        return conditional(request, org, current, List.of(Instrument.SERVICE_RECOVERY), "recovery", selection,
                () -> new RecoveryAnswer(recoveryScores(org, selection), selection));
    }

    @GET
    @Path("/summary")
    @Blocking
    @Operation(summary = "Headline numbers of every instrument", description = SELECTION_DOC)
    public Response summary(@RestPath String org, @RestQuery String from, @RestQuery String to,
            @RestQuery List<String> channel, @RestQuery String touchpoint, @Context Request request) throws SQLException {
        Map<Instrument, Long> current = access.scoreVersions(credentials.get(), org);
        Selection selection = SelectionParameters.parse(from, to, channel, touchpoint);
        return conditional(request, org, current, List.of(Instrument.values()), "summary", selection,
                () -> new Summary(org, selection, ServiceProofHeadline.of(serviceProofScores(org, selection)),
                        RecoveryHeadline.of(recoveryScores(org, selection))));
    }

    @GET
    @Path("/trends")
    @Blocking
    @Operation(summary = "A metric per day, ISO week or month, oldest first",
            description = "instrument: SERVICEPROOF or SERVICE_RECOVERY. metric: for SERVICEPROOF overall, SER, V, "
                    + "ICE, an aspect, nps, ces, csat; for SERVICE_RECOVERY nri, rii, a driver, nps, ces, csat. "
                    + "granularity: day (default), week (2026-W47) or month (2026-11). One point per period with "
                    + "responses; value is null where the period has fewer than the minimum sample. " + SELECTION_DOC)
    public Response trends(@RestPath String org,
            @Parameter(required = true) @RestQuery String instrument,
            @Parameter(required = true) @RestQuery String metric,
            @RestQuery String granularity, @RestQuery String from, @RestQuery String to,
            @RestQuery List<String> channel, @RestQuery String touchpoint, @Context Request request) throws SQLException {
        Map<Instrument, Long> current = access.scoreVersions(credentials.get(), org);
        Instrument trendInstrument = instrument(instrument);
        TrendMetric trendMetric = metric(trendInstrument, metric);
        Granularity trendGranularity = granularity(granularity);
        Selection selection = SelectionParameters.parse(from, to, channel, touchpoint);
        return conditional(request, org, current, List.of(trendInstrument), "trends",
                List.of(trendInstrument, trendMetric.name(), trendGranularity, selection), () -> {
            List<TrendPoint> points = new ArrayList<>();
            buckets.sumsByPeriod(org, trendInstrument, selection, trendGranularity).forEach((period, sums) -> {
                if (sums.responses() > 0) {
                    points.add(new TrendPoint(period, sums.responses(), trendMetric.value(sums, config.minimumSampleSize())));
                }
            });
            return new Trend(trendInstrument, trendMetric.name(), trendGranularity.name().toLowerCase(Locale.ROOT),
                    selection, points);
        });
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Server-sent events: 'scores' whenever the organisation's scores change",
            description = "Each event's data is {organisationId, instrument, version, updatedAt}; re-read the scores "
                    + "on it. A comment line is sent every 15 s to keep proxies from closing the stream.")
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
     * 304 when the client's ETag matches the organisation's current versions of the instruments (the body is
     * not computed), 200 with the body otherwise. The minimum sample size is part of the tag, so a changed
     * setting does not leave stale answers in caches. The body comes from the {@link AnswerCache} when the same
     * question was answered at the same versions before.
     */
    private Response conditional(Request request, String org, Map<Instrument, Long> current,
            List<Instrument> instruments, String endpoint, Object parameters, Supplier<Object> body) {
        StringBuilder tag = new StringBuilder();
        for (Instrument instrument : instruments) {
            tag.append(instrument == Instrument.SERVICEPROOF ? "sp" : "rec").append(current.get(instrument)).append('.');
        }
        EntityTag etag = new EntityTag(tag.append('m').append(config.minimumSampleSize()).toString());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.cacheControl(REVALIDATE).header("Vary", "X-Api-Key, Authorization").build();
        }
        Object answer = cache.answer(new AnswerCache.Key(endpoint, org, parameters, etag.getValue()), body);
        return Response.ok(answer).tag(etag).cacheControl(REVALIDATE).header("Vary", "X-Api-Key, Authorization")
                .build();
    }

    private ServiceProofScores serviceProofScores(String org, Selection selection) {
        ScoreSums sums = buckets.sums(org, Instrument.SERVICEPROOF, selection);
        return ServiceProofScores.of(sums, config.minimumSampleSize());
    }

    private RecoveryScores recoveryScores(String org, Selection selection) {
        ScoreSums sums = buckets.sums(org, Instrument.SERVICE_RECOVERY, selection);
        return RecoveryScores.of(sums, config.minimumSampleSize());
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
