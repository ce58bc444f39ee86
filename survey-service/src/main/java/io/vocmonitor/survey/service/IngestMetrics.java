package io.vocmonitor.survey.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.survey.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The survey-service's counters of SPEC §7: {@code voc_responses_accepted_total{instrument}} and
 * {@code voc_responses_rejected_total{reason}}. Known label values are registered at start, so dashboards see
 * zeros instead of gaps.
 */
@Startup
@ApplicationScoped
public class IngestMetrics {

    /** Rejection reasons, derived from the answer's status. */
    public static final Map<Integer, String> REASONS = Map.of(
            400, "validation",
            401, "unauthorised",
            403, "forbidden",
            404, "unknown_organisation",
            409, "organisation_deactivated",
            413, "too_large",
            415, "validation",
            429, "rate_limited",
            503, "broker_unavailable");

    private final MeterRegistry registry;
    private final Map<Instrument, Counter> accepted = new EnumMap<>(Instrument.class);
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Instrument instrument : Instrument.values()) {
            accepted.put(instrument, Counter.builder("voc.responses.accepted")
                    .description("Responses acknowledged by the broker and answered 202")
                    .tag("instrument", instrument.name())
                    .register(registry));
        }
        REASONS.values().forEach(this::rejectedCounter);
        rejectedCounter("database_unavailable");
        rejectedCounter("other");
    }

    public void accepted(Instrument instrument, int count) {
        accepted.get(instrument).increment(count);
    }

    /** Counts {@code count} responses refused with the problem. */
    public void rejected(ProblemException problem, int count) {
        String reason = problem.reason() != null ? problem.reason() : REASONS.getOrDefault(problem.status(), "other");
        rejectedCounter(reason).increment(count);
    }

    private Counter rejectedCounter(String reason) {
        return rejected.computeIfAbsent(reason, r -> Counter.builder("voc.responses.rejected")
                .description("Responses refused, by reason")
                .tag("reason", r)
                .register(registry));
    }
}
