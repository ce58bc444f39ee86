package io.vocmonitor.dashboard.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vocmonitor.aggregates.RecoveryScores;
import io.vocmonitor.aggregates.ServiceProofScores;
import io.vocmonitor.dashboard.config.DashboardConfig;
import io.vocmonitor.dashboard.security.ReadAccess;
import io.vocmonitor.dashboard.service.BucketReader;
import io.vocmonitor.dashboard.service.ScoreUpdates;
import io.vocmonitor.dashboard.service.Selection;
import io.vocmonitor.events.Construct;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** An organisation's scores, as dashboards poll them (read key or admin token). */
@Path("/api/v1/organisations/{org}")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    /** The headline numbers of every instrument. */
    public record Summary(String organisationId, ServiceProofHeadline serviceproof, RecoveryHeadline recovery) {
    }

    /** Service Recovery Proof at a glance: what handled problems did to relationships. */
    public record RecoveryHeadline(long responses, String indicator, Double nri, Double rii, boolean sufficient) {

        static RecoveryHeadline of(RecoveryScores scores) {
            return new RecoveryHeadline(scores.responses(), scores.relationship().indicator(),
                    scores.relationship().nri(), scores.relationship().rii(), scores.sufficient());
        }
    }

    /** ServiceProof at a glance: the overall score, its constructs and the optional questions' scores. */
    public record ServiceProofHeadline(long responses, Double overall, Map<Construct, Double> constructs, Double nps,
            Double ces, Double csat, boolean sufficient) {

        static ServiceProofHeadline of(ServiceProofScores scores) {
            return new ServiceProofHeadline(scores.responses(), scores.overall(), scores.constructs(),
                    scores.nps().nps(), scores.ces().mean(), scores.csat().csat(), scores.sufficient());
        }
    }

    private final ReadAccess access;
    private final BucketReader buckets;
    private final ScoreUpdates updates;
    private final DashboardConfig config;

    public ScoreResource(ReadAccess access, BucketReader buckets, ScoreUpdates updates, DashboardConfig config) {
        this.access = access;
        this.buckets = buckets;
        this.updates = updates;
        this.config = config;
    }

    @GET
    @Path("/serviceproof")
    @Blocking
    @Operation(summary = "ServiceProof scores: aspects, constructs SER/V/ICE, overall, NPS, CES, CSAT",
            description = "Below the minimum sample size (default 5 responses) every derived number is null and "
                    + "sufficient is false; counts are still shown.")
    public ServiceProofScores serviceProof(@RestPath String org, @RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey) {
        access.requireRead(authorization, apiKey, org);
        return serviceProofScores(org);
    }

    @GET
    @Path("/recovery")
    @Blocking
    @Operation(summary = "Service Recovery Proof scores: drivers and key drivers, brand effect, relationship impact",
            description = "relationship carries counts, shares, nri, rii with ci95 and the indicator (STRENGTHENED, "
                    + "FLATTENED, WEAKENED, BROKEN or INSUFFICIENT_DATA). Below the minimum sample size every "
                    + "derived number is null, keyDrivers is empty and sufficient is false.")
    public RecoveryScores recovery(@RestPath String org, @RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey) {
        access.requireRead(authorization, apiKey, org);
        return recoveryScores(org);
    }

    @GET
    @Path("/summary")
    @Blocking
    @Operation(summary = "Headline numbers of every instrument")
    public Summary summary(@RestPath String org, @RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey) {
        access.requireRead(authorization, apiKey, org);
        return new Summary(org, ServiceProofHeadline.of(serviceProofScores(org)), RecoveryHeadline.of(recoveryScores(org)));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Server-sent events: 'scores' whenever the organisation's scores change",
            description = "Each event's data is {organisationId, instrument, version, updatedAt}; re-read the scores "
                    + "on it. A comment line is sent every 15 s to keep proxies from closing the stream.")
    public Multi<OutboundSseEvent> stream(@RestPath String org, @RestHeader("Authorization") String authorization,
            @RestHeader("X-Api-Key") String apiKey, @Context Sse sse) {
        access.requireRead(authorization, apiKey, org);
        Multi<OutboundSseEvent> changes = updates.of(org).map(update -> sse.newEventBuilder()
                .name("scores")
                .id(update.instrument() + "-" + update.version())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(EventCodec.encode(update))
                .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.streamHeartbeat())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, heartbeats);
    }

    private RecoveryScores recoveryScores(String org) {
        return RecoveryScores.of(buckets.sums(org, Instrument.SERVICE_RECOVERY, Selection.ALL), config.minimumSampleSize());
    }

    private ServiceProofScores serviceProofScores(String org) {
        return ServiceProofScores.of(buckets.sums(org, Instrument.SERVICEPROOF, Selection.ALL), config.minimumSampleSize());
    }
}
