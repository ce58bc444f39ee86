package io.vocmonitor.dashboard.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.vocmonitor.aggregates.BucketSegments;
import io.vocmonitor.aggregates.Change;
import io.vocmonitor.aggregates.RecoveryScores;
import io.vocmonitor.aggregates.ScanBand;
import io.vocmonitor.aggregates.ScanBenchmark;
import io.vocmonitor.aggregates.ScanScores;
import io.vocmonitor.aggregates.ScoreSums;
import io.vocmonitor.aggregates.ServiceProofScores;
import io.vocmonitor.aggregates.Touchpoints;
import io.vocmonitor.aggregates.TrendMetric;
import io.vocmonitor.dashboard.config.DashboardConfig;
import io.vocmonitor.dashboard.store.BucketReader;
import io.vocmonitor.dashboard.store.OrganisationDirectory;
import io.vocmonitor.events.Construct;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ScanRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answers of the score endpoints, from the buckets of a selection (SPEC §2, §4, §8): an instrument's scores,
 * the headline numbers of all, a metric over time, and, when asked, every metric of a selection beside the
 * period of the same length before it.
 */
@ApplicationScoped
public class ScoreService {

    /** ServiceProof scores of a selection. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceProofAnswer(@JsonUnwrapped ServiceProofScores scores, Selection selection,
            @Schema(description = MINIMUM_DOC) int minimumSample,
            @Schema(description = "present when asked for with compare=previous") Comparison comparison) {
    }

    /** Service Recovery Proof scores of a selection. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecoveryAnswer(@JsonUnwrapped RecoveryScores scores, Selection selection,
            @Schema(description = MINIMUM_DOC) int minimumSample,
            @Schema(description = "present when asked for with compare=previous") Comparison comparison) {
    }

    /**
     * Service Excellence Scan scores of a selection (SPEC §2.4), with the breakdowns by role and unit and the sector
     * benchmark.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScanAnswer(@JsonUnwrapped ScanScores scores,
            @Schema(description = "per role, EMPLOYEE, MANAGER, EXECUTIVE, then responses without one (role null)")
            List<RoleScore> byRole,
            @Schema(description = "per unit label, then responses without one (unit null); 'other' holds the units past "
                    + "the organisation's limit") List<UnitScore> byUnit,
            @Schema(description = "the organisation's sector, its sector's mean and its own distance from it, and every "
                    + "sector's mean: whole scans, whatever the selection")
            ScanBenchmark.Position benchmark,
            Selection selection,
            @Schema(description = MINIMUM_DOC) int minimumSample,
            @Schema(description = "present when asked for with compare=previous") Comparison comparison) {
    }

    /** A role's responses and overall %; below the minimum sample its count only. */
    public record RoleScore(ScanRole role, long responses, Double score, ScanBand band, boolean sufficient) {
    }

    /** A unit's responses and overall %; below the minimum sample its count only. */
    public record UnitScore(String unit, long responses, Double score, ScanBand band, boolean sufficient) {
    }

    /** The sector benchmark on its own (SPEC §5 {@code GET /api/v1/benchmarks/scan}), over whole scans. */
    public record BenchmarkAnswer(List<ScanBenchmark.SectorMean> sectors,
            @Schema(description = "fewest organisations with a sufficient scan for a sector to be shown")
            int minimumOrganisations,
            @Schema(description = MINIMUM_DOC + "; per organisation") int minimumSample) {
    }

    /** The headline numbers of every instrument. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String organisationId, Selection selection,
            @Schema(description = MINIMUM_DOC) int minimumSample, ServiceProofHeadline serviceproof,
            RecoveryHeadline recovery, ScanHeadline scan,
            @Schema(description = "present when asked for with compare=previous") SummaryComparison comparison) {
    }

    /** The Service Excellence Scan at a glance: its overall % and band. */
    public record ScanHeadline(long responses, Double overall, ScanBand band, boolean sufficient) {

        static ScanHeadline of(ScanScores scores) {
            return new ScanHeadline(scores.responses(), scores.overall().score(), scores.overall().band(),
                    scores.sufficient());
        }
    }

    /** ServiceProof at a glance: the overall score, its constructs and the optional questions' scores. */
    public record ServiceProofHeadline(long responses, Double overall, Map<Construct, Double> constructs, Double nps,
            Double npsMoe95, Double ces, Double csat, boolean sufficient) {

        static ServiceProofHeadline of(ServiceProofScores scores) {
            return new ServiceProofHeadline(scores.responses(), scores.overall(), scores.constructs(),
                    scores.nps().nps(), scores.nps().moe95(), scores.ces().mean(), scores.csat().csat(),
                    scores.sufficient());
        }
    }

    /** Service Recovery Proof at a glance: what handled problems did to relationships. */
    public record RecoveryHeadline(long responses, String indicator, Double nri, Double rii, boolean sufficient) {

        static RecoveryHeadline of(RecoveryScores scores) {
            return new RecoveryHeadline(scores.responses(), scores.relationship().indicator(),
                    scores.relationship().nri(), scores.relationship().rii(), scores.sufficient());
        }
    }

    /**
     * Every metric of an instrument in the selection beside the period of the same length right before it.
     *
     * @param previous the earlier period: the same channels and touchpoint, the days before {@code from}
     * @param responses the earlier period's responses
     * @param changes per metric (the names of SPEC §8): both values, the difference, its 95 % interval and whether
     *                it excludes 0 (see {@link Change})
     */
    public record Comparison(Selection previous, long responses, boolean sufficient, Map<String, Change> changes) {
    }

    /** The comparison of each instrument, for the summary. */
    public record SummaryComparison(Comparison serviceproof, Comparison recovery, Comparison scan) {
    }

    /** One period of a trend; {@code value} is null below the minimum sample size. */
    public record TrendPoint(String period, long responses, Double value) {
    }

    /** A metric over time (SPEC §8). */
    public record Trend(Instrument instrument, String metric, String granularity, Selection selection,
            @Schema(description = MINIMUM_DOC) int minimumSample, List<TrendPoint> points) {
    }

    /** Separates a scan bucket's role from its unit in the key of a breakdown cell; neither label holds it. */
    private static final String CELL = "\u0000";

    static final String MINIMUM_DOC = "the minimum sample size: below it a selection (or period) shows counts only, "
            + "and a front-end says so where a number would be";

    private final BucketReader buckets;
    private final OrganisationDirectory organisations;
    private final AnswerCache cache;
    private final int minimumSample;

    public ScoreService(BucketReader buckets, OrganisationDirectory organisations, AnswerCache cache,
            DashboardConfig config) {
        this.buckets = buckets;
        this.organisations = organisations;
        this.cache = cache;
        this.minimumSample = config.minimumSampleSize();
    }

    /** @param previous the period to compare with, or null */
    public ServiceProofAnswer serviceProof(String org, Selection selection, Selection previous) {
        ScoreSums sums = buckets.sums(org, Instrument.SERVICEPROOF, selection);
        return new ServiceProofAnswer(ServiceProofScores.of(sums, minimumSample), selection, minimumSample,
                compare(org, Instrument.SERVICEPROOF, sums, previous));
    }

    /** @param previous the period to compare with, or null */
    public RecoveryAnswer recovery(String org, Selection selection, Selection previous) {
        ScoreSums sums = buckets.sums(org, Instrument.SERVICE_RECOVERY, selection);
        return new RecoveryAnswer(RecoveryScores.of(sums, minimumSample), selection, minimumSample,
                compare(org, Instrument.SERVICE_RECOVERY, sums, previous));
    }

    /**
     * The scan of the selection, by role and unit, and the organisation's place in its sector (the benchmark compares
     * whole scans of whole organisations: the selection narrows the organisation's own figures only).
     *
     * @param previous     the period to compare with, or null
     * @param versionOfAll every organisation's scan version ({@link BucketReader#versionOfAll}), which the answer's
     *                     tag already carries
     */
    public ScanAnswer scan(String org, Selection selection, Selection previous, String versionOfAll) {
        Instrument scan = Instrument.SERVICE_EXCELLENCE_SCAN;
        // one read of the selection's buckets, by role and unit: the whole, each role and each unit are its sums
        Map<String, ScoreSums> cells = buckets.sumsBy(org, scan, selection, row -> row.channel() + CELL + row.touchpoint());
        ScoreSums sums = new ScoreSums();
        Map<String, ScoreSums> roles = new TreeMap<>();
        Map<String, ScoreSums> units = new TreeMap<>();
        cells.forEach((cell, cellSums) -> {
            String[] roleAndUnit = cell.split(CELL, -1);
            sums.plus(cellSums);
            roles.computeIfAbsent(roleAndUnit[0], r -> new ScoreSums()).plus(cellSums);
            units.computeIfAbsent(roleAndUnit[1], u -> new ScoreSums()).plus(cellSums);
        });
        List<RoleScore> byRole = new ArrayList<>();
        for (ScanRole role : ScanRole.values()) {
            group(roles.get(role.name()), (responses, overall) -> byRole.add(new RoleScore(role, responses, overall,
                    ScanBand.of(overall), overall != null)));
        }
        group(roles.get(BucketSegments.NO_ROLE), (responses, overall) -> byRole.add(new RoleScore(null, responses,
                overall, ScanBand.of(overall), overall != null)));
        List<UnitScore> byUnit = new ArrayList<>();
        // units by label, responses without one last
        units.forEach((unit, unitSums) -> group(unit.equals(Touchpoints.NONE) ? null : unitSums,
                (responses, overall) -> byUnit.add(new UnitScore(unit, responses, overall, ScanBand.of(overall),
                        overall != null))));
        group(units.get(Touchpoints.NONE), (responses, overall) -> byUnit.add(new UnitScore(null, responses, overall,
                ScanBand.of(overall), overall != null)));
        ScanBenchmark.Position benchmark = benchmark(versionOfAll).position(org, sector(org));
        return new ScanAnswer(ScanScores.of(sums, minimumSample), byRole, byUnit, benchmark, selection, minimumSample,
                compare(org, scan, sums, previous));
    }

    /** A breakdown's group, when it has responses: their number and overall % (null below the minimum sample). */
    private void group(ScoreSums sums, BreakdownGroup add) {
        if (sums != null && sums.responses() > 0) {
            add.accept(sums.responses(), ScanScores.overall(sums, minimumSample));
        }
    }

    @FunctionalInterface
    private interface BreakdownGroup {
        void accept(long responses, Double overall);
    }

    /** The sector means. */
    public BenchmarkAnswer benchmarkAnswer(String versionOfAll) {
        return new BenchmarkAnswer(benchmark(versionOfAll).sectors(), ScanBenchmark.MINIMUM_ORGANISATIONS, minimumSample);
    }

    /**
     * The benchmark of every organisation's whole scan at {@code versionOfAll} ({@link BucketReader#versionOfAll}):
     * computed once per change of any organisation's scan, whoever asks.
     */
    private ScanBenchmark benchmark(String versionOfAll) {
        return (ScanBenchmark) cache.answer(new AnswerCache.Key("scan-benchmark", "", minimumSample, versionOfAll),
                () -> ScanBenchmark.of(buckets.sumsPerOrganisation(Instrument.SERVICE_EXCELLENCE_SCAN), minimumSample));
    }

    private String sector(String org) {
        try {
            return organisations.find(org).map(OrganisationDirectory.OrganisationEntry::sector).orElse(null);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the sector of " + org + " failed", e);
        }
    }

    /** @param previous the period to compare with, or null */
    public Summary summary(String org, Selection selection, Selection previous) {
        ScoreSums serviceProof = buckets.sums(org, Instrument.SERVICEPROOF, selection);
        ScoreSums recovery = buckets.sums(org, Instrument.SERVICE_RECOVERY, selection);
        ScoreSums scan = buckets.sums(org, Instrument.SERVICE_EXCELLENCE_SCAN, selection);
        SummaryComparison comparison = previous == null ? null : new SummaryComparison(
                compare(org, Instrument.SERVICEPROOF, serviceProof, previous),
                compare(org, Instrument.SERVICE_RECOVERY, recovery, previous),
                compare(org, Instrument.SERVICE_EXCELLENCE_SCAN, scan, previous));
        return new Summary(org, selection, minimumSample, ServiceProofHeadline.of(ServiceProofScores.of(serviceProof, minimumSample)),
                RecoveryHeadline.of(RecoveryScores.of(recovery, minimumSample)),
                ScanHeadline.of(ScanScores.of(scan, minimumSample)), comparison);
    }

    /** One point per period of the selection that has responses, oldest first. */
    public Trend trend(String org, TrendMetric metric, Granularity granularity, Selection selection) {
        List<TrendPoint> points = new ArrayList<>();
        buckets.sumsByPeriod(org, metric.instrument(), selection, granularity).forEach((period, sums) -> {
            if (sums.responses() > 0) {
                points.add(new TrendPoint(period, sums.responses(), metric.value(sums, minimumSample)));
            }
        });
        return new Trend(metric.instrument(), metric.name(), granularity.name().toLowerCase(Locale.ROOT), selection,
                minimumSample, points);
    }

    private Comparison compare(String org, Instrument instrument, ScoreSums current, Selection previous) {
        if (previous == null) {
            return null;
        }
        ScoreSums before = buckets.sums(org, instrument, previous);
        Map<String, Change> changes = new LinkedHashMap<>();
        for (TrendMetric metric : TrendMetric.of(instrument)) {
            changes.put(metric.name(), metric.compare(current, before, minimumSample));
        }
        return new Comparison(previous, before.responses(),
                before.responses() > 0 && before.responses() >= minimumSample, changes);
    }
}
