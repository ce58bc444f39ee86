package io.vocmonitor.scoring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.vocmonitor.events.AlertKind;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.scoring.service.BatchOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The scoring-service's metrics of SPEC §7, registered at start so that every series exists from zero; the dead
 * letters are counted where they are parked ({@code DeadLetterChannel}).
 */
@Startup
@ApplicationScoped
public class ScoringMetrics {

    private final Map<Instrument, Counter> applied = new EnumMap<>(Instrument.class);
    private final Counter duplicates;
    private final Counter retracted;
    private final DistributionSummary batchSize;
    /** The freshness objective: 99 % of responses scored within this long of their receipt. */
    public static final Duration FRESHNESS_OBJECTIVE = Duration.ofSeconds(1);

    private final Timer freshness;
    private final Map<AlertKind, Counter> alerts = new EnumMap<>(AlertKind.class);

    public ScoringMetrics(MeterRegistry registry) {
        for (Instrument instrument : Instrument.values()) {
            applied.put(instrument, Counter.builder("voc.responses.applied")
                    .description("Responses counted in the aggregates for the first time")
                    .tag("instrument", instrument.name())
                    .register(registry));
        }
        duplicates = Counter.builder("voc.responses.duplicate")
                .description("Submissions of responses already counted or retracted; they changed nothing")
                .register(registry);
        retracted = Counter.builder("voc.responses.retracted")
                .description("Responses taken out of the aggregates and erased from the archive")
                .register(registry);
        batchSize = DistributionSummary.builder("voc.scoring.batch.size")
                .description("Records per applied batch")
                .register(registry);
        freshness = Timer.builder("voc.scoring.freshness")
                .description("From receipt at the survey-service to the aggregate committed")
                .publishPercentileHistogram()
                // a bucket exactly at the freshness objective (99 % within 1 s), for the burn-rate alerts
                .serviceLevelObjectives(FRESHNESS_OBJECTIVE)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        for (AlertKind kind : AlertKind.values()) {
            alerts.put(kind, Counter.builder("voc.alerts.emitted")
                    .description("Closed-loop alerts published on voc.alerts")
                    .tag("kind", kind.name())
                    .register(registry));
        }
    }

    public void batch(int records, BatchOutcome outcome, Instant committedAt) {
        batchSize.record(records);
        for (ResponseSubmitted response : outcome.applied()) {
            applied.get(response.instrument()).increment();
            Duration age = Duration.between(response.receivedAt(), committedAt);
            freshness.record(age.isNegative() ? Duration.ZERO : age);
        }
        duplicates.increment(outcome.duplicates());
        retracted.increment(outcome.retracted().size());
    }

    public void alertEmitted(AlertKind kind) {
        alerts.get(kind).increment();
    }

}
