package io.vocmonitor.aggregates;

import io.vocmonitor.events.Construct;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RecoveryDriver;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ScanCatalogue;
import io.vocmonitor.events.ScanScale;
import io.vocmonitor.events.ServiceProofAspect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A number a trend can follow (SPEC §8) and a comparison of two periods can test: one of an instrument's scores,
 * read from the sums of a period. ServiceProof: {@code overall}, {@code SER}, {@code V}, {@code ICE}, each aspect,
 * {@code nps}, {@code ces}, {@code csat}. Service Recovery Proof: {@code nri}, {@code rii}, each driver,
 * {@code nps}, {@code ces}, {@code csat}. Service Excellence Scan: {@code overall}, {@code results} and each building
 * block, in %. Aspects and drivers follow their mean score. Each metric knows how two
 * periods of it compare ({@link Change}): as means (Welch), as net scores, as shares, or, for composites of
 * several items, by value alone.
 */
public final class TrendMetric {

    private static final List<TrendMetric> ALL = build();

    private final Instrument instrument;
    private final String name;
    private final BiFunction<ScoreSums, Integer, Double> value;
    private final BiFunction<ScoreSums, ScoreSums, Change> change;

    private TrendMetric(Instrument instrument, String name, BiFunction<ScoreSums, Integer, Double> value,
            BiFunction<ScoreSums, ScoreSums, Change> change) {
        this.instrument = instrument;
        this.name = name;
        this.value = value;
        this.change = change;
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
        return value.apply(sums, minimumSample);
    }

    /**
     * The metric of the current period beside the previous one. Withheld entirely when the current period is
     * below the minimum sample; the previous value (and so the difference) withheld when that period is.
     */
    public Change compare(ScoreSums current, ScoreSums previous, int minimumSample) {
        if (!sufficient(current, minimumSample)) {
            return Change.WITHHELD;
        }
        if (!sufficient(previous, minimumSample)) {
            return Change.values(value(current, minimumSample), null);
        }
        return change.apply(current, previous);
    }

    private static boolean sufficient(ScoreSums sums, int minimumSample) {
        return sums.responses() > 0 && sums.responses() >= minimumSample;
    }

    private static List<TrendMetric> build() {
        List<TrendMetric> metrics = new ArrayList<>();
        metrics.add(composite(Instrument.SERVICEPROOF, "overall",
                (sums, minimum) -> ServiceProofScores.of(sums, minimum).overall()));
        for (Construct construct : Construct.values()) {
            String name = construct.name();
            List<ServiceProofAspect> aspects = List.of(ServiceProofAspect.values()).stream()
                    .filter(a -> a.construct() == construct).toList();
            // a construct of one aspect is that aspect's mean, and compares as one
            metrics.add(aspects.size() == 1 ? mean(Instrument.SERVICEPROOF, name, aspects.get(0).name())
                    : composite(Instrument.SERVICEPROOF, name,
                            (sums, minimum) -> ServiceProofScores.of(sums, minimum).constructs().get(construct)));
        }
        for (ServiceProofAspect aspect : ServiceProofAspect.values()) {
            metrics.add(mean(Instrument.SERVICEPROOF, aspect.name(), aspect.name()));
        }
        metrics.addAll(optionalQuestions(Instrument.SERVICEPROOF));
        int strengthened = RelationshipOutcome.STRENGTHENED.code();
        metrics.add(new TrendMetric(Instrument.SERVICE_RECOVERY, "nri",
                (sums, minimum) -> RecoveryScores.of(sums, minimum).relationship().nri(),
                (current, previous) -> net(current.get(Items.RELATIONSHIP), previous.get(Items.RELATIONSHIP),
                        strengthened, strengthened, RelationshipOutcome.WEAKENED.code(), RelationshipOutcome.BROKEN.code())));
        metrics.add(mean(Instrument.SERVICE_RECOVERY, "rii", Items.RELATIONSHIP));
        for (RecoveryDriver driver : RecoveryDriver.values()) {
            metrics.add(mean(Instrument.SERVICE_RECOVERY, driver.name(), driver.name()));
        }
        metrics.addAll(optionalQuestions(Instrument.SERVICE_RECOVERY));
        // the scan's scores in %: pooled over several statements, so compared by value alone
        metrics.add(composite(Instrument.SERVICE_EXCELLENCE_SCAN, "overall", ScanScores::overall));
        metrics.add(composite(Instrument.SERVICE_EXCELLENCE_SCAN, "results",
                (sums, minimum) -> ScanScores.score(sums, minimum, ScanCatalogue.statementsOn(ScanScale.RESULT))));
        for (ScanCatalogue.Group block : ScanCatalogue.Group.blocks()) {
            metrics.add(composite(Instrument.SERVICE_EXCELLENCE_SCAN, block.name(),
                    (sums, minimum) -> ScanScores.score(sums, minimum, ScanCatalogue.statementsOf(block))));
        }
        return List.copyOf(metrics);
    }

    /** nps, ces (the mean effort) and csat (the share of satisfaction answers 4–5), on any instrument. */
    private static List<TrendMetric> optionalQuestions(Instrument instrument) {
        return List.of(
                new TrendMetric(instrument, "nps", (sums, minimum) -> NetPromoterScore.of(sums.get(Items.RECOMMEND),
                        sufficient(sums, minimum)).nps(),
                        (current, previous) -> net(current.get(Items.RECOMMEND), previous.get(Items.RECOMMEND),
                                9, 10, 0, 6)),
                mean(instrument, "ces", Items.EFFORT),
                new TrendMetric(instrument, "csat", (sums, minimum) -> CustomerSatisfaction.of(
                        sums.get(Items.SATISFACTION), sufficient(sums, minimum)).csat(),
                        (current, previous) -> {
                            ItemSums now = current.get(Items.SATISFACTION);
                            ItemSums before = previous.get(Items.SATISFACTION);
                            return Change.ofShares(now.n(), Statistics.countBetween(now, 4, 5), before.n(),
                                    Statistics.countBetween(before, 4, 5));
                        }));
    }

    /** The mean of one item's values (an aspect's or driver's score, the impact score, the effort answer). */
    private static TrendMetric mean(Instrument instrument, String name, String item) {
        return new TrendMetric(instrument, name,
                (sums, minimum) -> sufficient(sums, minimum) ? Statistics.mean(sums.get(item)) : null,
                (current, previous) -> Change.ofMeans(current.get(item), previous.get(item)));
    }

    /** A score made of several items' means: compared by value only. */
    private static TrendMetric composite(Instrument instrument, String name, BiFunction<ScoreSums, Integer, Double> value) {
        Function<ScoreSums, Double> anyMinimum = sums -> value.apply(sums, 0);
        return new TrendMetric(instrument, name, value,
                (current, previous) -> Change.values(anyMinimum.apply(current), anyMinimum.apply(previous)));
    }

    /** A net score: the answers counted in slots positiveFrom..positiveTo less those in negativeFrom..negativeTo. */
    private static Change net(ItemSums current, ItemSums previous, int positiveFrom, int positiveTo, int negativeFrom,
            int negativeTo) {
        return Change.ofNets(current.n(), Statistics.countBetween(current, positiveFrom, positiveTo),
                Statistics.countBetween(current, negativeFrom, negativeTo),
                previous.n(), Statistics.countBetween(previous, positiveFrom, positiveTo),
                Statistics.countBetween(previous, negativeFrom, negativeTo));
    }

    @Override
    public String toString() {
        return instrument + "/" + name;
    }
}
