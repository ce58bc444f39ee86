package io.vocmonitor.aggregates;

import io.vocmonitor.events.Construct;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RecoveryDriver;
import io.vocmonitor.events.ServiceProofAspect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A number a trend can follow (SPEC §8): one of an instrument's scores, read from the scores of a period.
 * ServiceProof: {@code overall}, {@code SER}, {@code V}, {@code ICE}, each aspect, {@code nps}, {@code ces},
 * {@code csat}. Service Recovery Proof: {@code nri}, {@code rii}, each driver, {@code nps}, {@code ces},
 * {@code csat}. Aspects and drivers follow their mean score.
 */
public final class TrendMetric {

    private static final List<TrendMetric> ALL = build();

    private final Instrument instrument;
    private final String name;
    private final Function<ScoreSums, Function<Integer, Double>> value;

    private TrendMetric(Instrument instrument, String name, Function<ScoreSums, Function<Integer, Double>> value) {
        this.instrument = instrument;
        this.name = name;
        this.value = value;
    }

    /** The metrics of an instrument, in a stable order. */
    public static List<TrendMetric> of(Instrument instrument) {
        return ALL.stream().filter(m -> m.instrument == instrument).toList();
    }

    /** The instrument's metric of that name (case-insensitive), if it has one. */
    public static Optional<TrendMetric> find(Instrument instrument, String name) {
        return of(instrument).stream().filter(m -> m.name.equalsIgnoreCase(name.strip())).findFirst();
    }

    public Instrument instrument() {
        return instrument;
    }

    public String name() {
        return name;
    }

    /** The metric over the sums of a period; null when the period is below the minimum sample. */
    public Double value(ScoreSums sums, int minimumSample) {
        return value.apply(sums).apply(minimumSample);
    }

    private static List<TrendMetric> build() {
        List<TrendMetric> metrics = new ArrayList<>();
        metrics.add(serviceProof("overall", ServiceProofScores::overall));
        for (Construct construct : Construct.values()) {
            metrics.add(serviceProof(construct.name(), s -> s.constructs().get(construct)));
        }
        for (ServiceProofAspect aspect : ServiceProofAspect.values()) {
            metrics.add(serviceProof(aspect.name(), s -> s.aspects().get(aspect).mean()));
        }
        metrics.add(serviceProof("nps", s -> s.nps().nps()));
        metrics.add(serviceProof("ces", s -> s.ces().mean()));
        metrics.add(serviceProof("csat", s -> s.csat().csat()));
        metrics.add(recovery("nri", s -> s.relationship().nri()));
        metrics.add(recovery("rii", s -> s.relationship().rii()));
        for (RecoveryDriver driver : RecoveryDriver.values()) {
            metrics.add(recovery(driver.name(), s -> s.drivers().get(driver).mean()));
        }
        metrics.add(recovery("nps", s -> s.nps().nps()));
        metrics.add(recovery("ces", s -> s.ces().mean()));
        metrics.add(recovery("csat", s -> s.csat().csat()));
        return List.copyOf(metrics);
    }

    private static TrendMetric serviceProof(String name, Function<ServiceProofScores, Double> field) {
        return new TrendMetric(Instrument.SERVICEPROOF, name,
                sums -> minimum -> field.apply(ServiceProofScores.of(sums, minimum)));
    }

    private static TrendMetric recovery(String name, Function<RecoveryScores, Double> field) {
        return new TrendMetric(Instrument.SERVICE_RECOVERY, name,
                sums -> minimum -> field.apply(RecoveryScores.of(sums, minimum)));
    }

    @Override
    public String toString() {
        return instrument + "/" + name;
    }
}
