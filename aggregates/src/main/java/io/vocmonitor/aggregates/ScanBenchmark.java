package io.vocmonitor.aggregates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Service Excellence Scan's sector benchmark (SPEC §2.4): per sector the mean of the organisations' overall %,
 * over organisations whose scan is sufficient (at least the minimum sample), shown only for sectors with at least
 * {@link #MINIMUM_ORGANISATIONS} of them, so that no figure reveals one organisation's score.
 *
 * @param sectors the sectors that are shown, by sector name
 */
public record ScanBenchmark(List<SectorMean> sectors) {

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
     * @param sector        its sector
     * @param sectorMean    its sector's mean; null when the sector has fewer than {@link #MINIMUM_ORGANISATIONS}
     *                      organisations with a sufficient scan
     * @param organisations the organisations with a sufficient scan in its sector, itself included
     * @param difference    its overall % less the sector mean; null without either
     * @param rank          its place in the sector by overall %, 1 the highest (ties share the better place); null
     *                      without a sector mean or a sufficient scan of its own
     * @param minimumOrganisations {@link #MINIMUM_ORGANISATIONS}, for a front-end to say why a mean is missing
     * @param sectors       every sector that is shown
     */
    public record Position(String sector, Double sectorMean, int organisations, Double difference, Integer rank,
            int minimumOrganisations, List<SectorMean> sectors) {
    }

    private static final Comparator<SectorMean> BY_MEAN = Comparator.comparingDouble(SectorMean::mean).reversed()
            .thenComparing(SectorMean::sector);

    /** The benchmark over the participants' sums (each its own selection), with the minimum sample per organisation. */
    public static ScanBenchmark of(List<Participant> participants, int minimumSample) {
        Map<String, List<Double>> overalls = overalls(participants, minimumSample);
        List<SectorMean> sectors = new ArrayList<>();
        overalls.forEach((sector, scores) -> {
            if (scores.size() >= MINIMUM_ORGANISATIONS) {
                sectors.add(new SectorMean(sector, scores.stream().mapToDouble(Double::doubleValue).average()
                        .orElseThrow(), scores.size()));
            }
        });
        sectors.sort(BY_MEAN);
        return new ScanBenchmark(List.copyOf(sectors));
    }

    /** Where an organisation of {@code sector} stands, by its overall % among the participants (if it is one). */
    public Position position(String organisationId, String sector, List<Participant> participants, int minimumSample) {
        List<Double> inSector = overalls(participants, minimumSample).getOrDefault(sector, List.of());
        Double overall = participants.stream().filter(p -> p.organisationId().equals(organisationId)).findFirst()
                .map(p -> ScanScores.of(p.sums(), minimumSample).overall().score()).orElse(null);
        SectorMean mean = sectors.stream().filter(s -> s.sector().equals(sector)).findFirst().orElse(null);
        Double sectorMean = mean == null ? null : mean.mean();
        Double difference = sectorMean == null || overall == null ? null : overall - sectorMean;
        Integer rank = sectorMean == null || overall == null ? null
                : 1 + (int) inSector.stream().filter(score -> score > overall).count();
        return new Position(sector, sectorMean, inSector.size(), difference, rank, MINIMUM_ORGANISATIONS, sectors);
    }

    /** The overall % of every participant with a sufficient scan, per sector. */
    private static Map<String, List<Double>> overalls(List<Participant> participants, int minimumSample) {
        Map<String, List<Double>> overalls = new TreeMap<>();
        for (Participant participant : participants) {
            Double overall = ScanScores.of(participant.sums(), minimumSample).overall().score();
            if (overall != null) {
                overalls.computeIfAbsent(participant.sector(), s -> new ArrayList<>()).add(overall);
            }
        }
        return overalls;
    }
}
