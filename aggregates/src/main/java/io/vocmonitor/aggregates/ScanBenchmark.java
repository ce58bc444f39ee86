package io.vocmonitor.aggregates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Service Excellence Scan's sector benchmark (SPEC §2.4): per sector the mean of the organisations' overall %,
 * over organisations whose scan is sufficient (at least the minimum sample), shown only for sectors with at least
 * {@link #MINIMUM_ORGANISATIONS} of them, so that no figure reveals one organisation's score. It compares whole
 * scans (all time): two benchmarks over periods that differ by one organisation's round could be subtracted to
 * reveal that organisation; and an organisation learns how far it is from its sector's mean, not its rank, which
 * it could probe with scans of its own.
 *
 * @param sectors    the sectors that are shown, highest mean first
 * @param overalls   the overall % of each organisation with a sufficient scan, by organisation id
 * @param sufficient how many organisations of each sector have a sufficient scan, shown or not
 */
public record ScanBenchmark(List<SectorMean> sectors, Map<String, Double> overalls, Map<String, Integer> sufficient) {

    /** Fewest organisations with a sufficient scan for a sector's mean to be shown. */
    public static final int MINIMUM_ORGANISATIONS = 3;

    /** One sector: the mean overall % of its organisations with a sufficient scan, and how many they are. */
    public record SectorMean(String sector, double mean, int organisations) {
    }

    /** An organisation's scan sums, with its sector. */
    public record Participant(String organisationId, String sector, ScoreSums sums) {
    }

    /**
     * Where one organisation stands.
     *
     * @param sector               its sector
     * @param sectorMean           its sector's mean; null when the sector has fewer than
     *                             {@link #MINIMUM_ORGANISATIONS} organisations with a sufficient scan
     * @param organisations        the organisations with a sufficient scan in its sector, itself included
     * @param difference           its overall % (all time) less the sector mean; null without either
     * @param minimumOrganisations {@link #MINIMUM_ORGANISATIONS}, for a front-end to say why a mean is missing
     * @param sectors              every sector that is shown
     */
    public record Position(String sector, Double sectorMean, int organisations, Double difference,
            int minimumOrganisations, List<SectorMean> sectors) {
    }

    private static final Comparator<SectorMean> BY_MEAN = Comparator.comparingDouble(SectorMean::mean).reversed()
            .thenComparing(SectorMean::sector);

    /** The benchmark over the participants' whole scans, with the minimum sample per organisation. */
    public static ScanBenchmark of(List<Participant> participants, int minimumSample) {
        Map<String, List<Double>> bySector = new TreeMap<>();
        Map<String, Double> overalls = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Participant participant : participants) {
            Double overall = ScanScores.overall(participant.sums(), minimumSample);
            if (overall != null) {
                overalls.put(participant.organisationId(), overall);
                bySector.computeIfAbsent(participant.sector(), s -> new ArrayList<>()).add(overall);
            }
        }
        List<SectorMean> sectors = new ArrayList<>();
        bySector.forEach((sector, scores) -> {
            counts.put(sector, scores.size());
            if (scores.size() >= MINIMUM_ORGANISATIONS) {
                sectors.add(new SectorMean(sector, scores.stream().mapToDouble(Double::doubleValue).average()
                        .orElseThrow(), scores.size()));
            }
        });
        sectors.sort(BY_MEAN);
        return new ScanBenchmark(List.copyOf(sectors), Map.copyOf(overalls), Map.copyOf(counts));
    }

    /** Where an organisation of {@code sector} stands, by its own overall % (if its scan is sufficient). */
    public Position position(String organisationId, String sector) {
        Double overall = overalls.get(organisationId);
        SectorMean mean = sectors.stream().filter(s -> s.sector().equals(sector)).findFirst().orElse(null);
        Double sectorMean = mean == null ? null : mean.mean();
        int organisations = sector == null ? 0 : sufficient.getOrDefault(sector, 0);
        Double difference = sectorMean == null || overall == null ? null : overall - sectorMean;
        return new Position(sector, sectorMean, organisations, difference, MINIMUM_ORGANISATIONS, sectors);
    }
}
