package io.vocmonitor.aggregates;

import io.vocmonitor.events.ScanCatalogue;
import io.vocmonitor.events.ScanCatalogue.Statement;
import io.vocmonitor.events.ScanScale;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Service Excellence Scan's scores over a selection (SPEC §2.4), from the additive sums of its statements: x is
 * an answer's points, counted in the slot of its points, "not applicable" only in
 * {@link ItemSums#NOT_APPLICABLE_SLOT}. A score in % pools points over respondents: 100 · Σ points / Σ maximum
 * points of the answered statements in it. Below the minimum sample only counts are given (SPEC §4).
 *
 * @param overall       every element and result statement pooled
 * @param blocks        the nine building blocks, by {@link ScanCatalogue.Group} name, in block order
 * @param results       the result areas together, and each, by {@link ScanCatalogue.Group} name
 * @param disagreements the (at most) five statements answered most differently, largest first
 */
public record ScanScores(long responses, Score overall, Map<String, GroupScore> blocks, Results results,
        List<Disagreement> disagreements, boolean sufficient) {

    /** How many statements {@link #disagreements} lists. */
    public static final int DISAGREEMENTS = 5;

    /** A score in % and its band; both null when there is none. */
    public record Score(Double score, ScanBand band) {
    }

    /**
     * One statement over the selection.
     *
     * @param n            answers other than NA
     * @param naCount      NA answers
     * @param mean         mean points
     * @param sd           standard deviation of the points (n − 1)
     * @param distribution count per answer word, in scale order; null below the minimum sample, where it could show
     *                     one respondent's answers
     */
    public record StatementScore(long n, long naCount, Double mean, Double sd, Map<String, Long> distribution) {
    }

    /**
     * A block or a result area: its score and band, its answers other than NA ({@code n}), and its statements.
     */
    public record GroupScore(Double score, ScanBand band, long n, Map<String, StatementScore> items) {
    }

    /** The result areas together (their answers other than NA: {@code n}), and each of them. */
    public record Results(Double score, ScanBand band, long n, Map<String, GroupScore> areas) {
    }

    /**
     * A statement people disagree on: its sd, and the sd relative to the statement's maximum points (sd/3 for an
     * element, sd/5 for a result statement), by which the two scales compare.
     */
    public record Disagreement(String item, String group, double sd, double relativeSd) {
    }

    public static ScanScores of(ScoreSums sums, int minimumSample) {
        long responses = sums.responses();
        boolean sufficient = responses > 0 && responses >= minimumSample;

        Map<String, GroupScore> blocks = groups(sums, ScanCatalogue.Group.blocks(), sufficient);
        Map<String, GroupScore> areas = groups(sums, ScanCatalogue.Group.areas(), sufficient);
        Double resultsScore = score(sums, minimumSample, ScanCatalogue.statementsOn(ScanScale.RESULT));
        Double overall = overall(sums, minimumSample);
        return new ScanScores(responses, new Score(overall, ScanBand.of(overall)), blocks,
                new Results(resultsScore, ScanBand.of(resultsScore), areas.values().stream().mapToLong(GroupScore::n).sum(),
                        areas),
                sufficient ? disagreements(sums, minimumSample) : List.of(), sufficient);
    }

    /**
     * The overall % alone, as the sector benchmark and trends read it: every statement pooled; null below the minimum
     * sample or without an answered statement.
     */
    public static Double overall(ScoreSums sums, int minimumSample) {
        return score(sums, minimumSample, ScanCatalogue.STATEMENTS);
    }

    /**
     * The % of some statements pooled (a block's, an area's, the result statements'); null below the minimum sample
     * or without an answered statement. What trends and comparisons read, without the rest of the scores.
     */
    public static Double score(ScoreSums sums, int minimumSample, List<Statement> statements) {
        boolean sufficient = sums.responses() > 0 && sums.responses() >= minimumSample;
        return sufficient ? percent(sums, statements) : null;
    }

    private static Map<String, GroupScore> groups(ScoreSums sums, List<ScanCatalogue.Group> groups, boolean sufficient) {
        Map<String, GroupScore> scores = new LinkedHashMap<>();
        for (ScanCatalogue.Group group : groups) {
            scores.put(group.name(), group(sums, ScanCatalogue.statementsOf(group), sufficient));
        }
        return scores;
    }

    private static GroupScore group(ScoreSums sums, List<Statement> statements, boolean sufficient) {
        Map<String, StatementScore> items = new LinkedHashMap<>();
        long n = 0;
        for (Statement statement : statements) {
            ItemSums item = sums.get(statement.id());
            items.put(statement.id(), statement(statement, item, sufficient));
            n += item.n();
        }
        Double score = sufficient ? percent(sums, statements) : null;
        return new GroupScore(score, ScanBand.of(score), n, items);
    }

    private static StatementScore statement(Statement statement, ItemSums item, boolean sufficient) {
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (ScanScale.Word word : statement.scale().words()) {
            distribution.put(word.word(), item.count(word.points()));
        }
        long naCount = item.count(ItemSums.NOT_APPLICABLE_SLOT);
        // below the minimum sample a narrow selection (a role in a unit) may be one person: the answers they gave
        // are withheld too, not only the statistics (a departure from SPEC §4 for the staff's self-assessment)
        return sufficient
                ? new StatementScore(item.n(), naCount, Statistics.mean(item), Statistics.sd(item), distribution)
                : new StatementScore(item.n(), naCount, null, null, null);
    }

    /** 100 · Σ points / Σ maximum points of the answered statements; null when none was answered. */
    private static Double percent(ScoreSums sums, List<Statement> statements) {
        long points = 0;
        long maximum = 0;
        for (Statement statement : statements) {
            ItemSums item = sums.get(statement.id());
            points += item.sumX();
            maximum += item.n() * statement.scale().maxPoints();
        }
        return maximum == 0 ? null : 100.0 * points / maximum;
    }

    private static List<Disagreement> disagreements(ScoreSums sums, int minimumSample) {
        record Candidate(Statement statement, ItemSums item) {
            /** (sd / max)² as an exact fraction: n·Σx² − (Σx)² over n(n − 1)·max². */
            BigInteger numerator() {
                return BigInteger.valueOf(item.n()).multiply(BigInteger.valueOf(item.sumX2()))
                        .subtract(BigInteger.valueOf(item.sumX()).pow(2));
            }

            BigInteger denominator() {
                int max = statement.scale().maxPoints();
                return BigInteger.valueOf(item.n()).multiply(BigInteger.valueOf(item.n() - 1))
                        .multiply(BigInteger.valueOf((long) max * max));
            }
        }
        // largest relative spread first, compared exactly: equal spreads on the two scales are a tie, not a
        // rounding accident; ties by statement id
        Comparator<Candidate> bySpread = (a, b) -> b.numerator().multiply(a.denominator())
                .compareTo(a.numerator().multiply(b.denominator()));
        return ScanCatalogue.STATEMENTS.stream()
                .map(statement -> new Candidate(statement, sums.get(statement.id())))
                .filter(c -> c.item().n() >= Math.max(2, minimumSample))
                .sorted(bySpread.thenComparing(c -> c.statement().id()))
                .limit(DISAGREEMENTS)
                .map(c -> {
                    double sd = Statistics.sd(c.item());
                    return new Disagreement(c.statement().id(), c.statement().group().name(), sd,
                            sd / c.statement().scale().maxPoints());
                })
                .toList();
    }
}
