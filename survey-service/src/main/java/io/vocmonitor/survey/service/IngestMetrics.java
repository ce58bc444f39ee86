package io.vocmonitor.survey.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.runtime.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The survey-service's counters of SPEC §7: {@code voc_responses_accepted_total{instrument}} and
 * {@code voc_responses_rejected_total{reason}}, the reason being the {@link Refusal#reason()} of the refusal.
 * Known label values are registered at start, so dashboards see zeros instead of gaps.
 */
@Startup
@ApplicationScoped
public class IngestMetrics {

    /** The reasons a response can be refused for on the ingest endpoints; "other" for an unexpected failure. */
    static final List<String> REASONS = List.of("validation", "unauthorised", "forbidden", "unknown_organisation",
            "organisation_deactivated", "too_large", "rate_limited", "broker_unavailable", "database_unavailable", "other");

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
        REASONS.forEach(this::rejectedCounter);
    }

    public void accepted(Instrument instrument, int count) {
        accepted.get(instrument).increment(count);
    }

    /** Counts {@code count} responses refused for the reason. */
    public void rejected(String reason, int count) {
        rejectedCounter(reason).increment(count);
    }

    private Counter rejectedCounter(String reason) {
        return rejected.computeIfAbsent(reason, r -> Counter.builder("voc.responses.rejected")
                .description("Responses refused, by reason")
                .tag("reason", r)
                .register(registry));
    }
}
