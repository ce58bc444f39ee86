package io.vocmonitor.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §2.1 and §2.3 computed the naive way, straight from a list of raw responses, independently of the
 * platform's additive sums: what the dashboard must answer.
 */
final class ReferenceScores {

    static final List<String> ASPECTS = List.of("SENSING", "EMPATHY", "RESONANCE", "VALUE", "INDIVIDUALIZE",
            "COMMITMENT", "ENGAGEMENT");
    static final Map<String, List<String>> CONSTRUCTS = Map.of(
            "SER", List.of("SENSING", "EMPATHY", "RESONANCE"),
            "V", List.of("VALUE"),
            "ICE", List.of("INDIVIDUALIZE", "COMMITMENT", "ENGAGEMENT"));

    /** One posted response, as the test generated it. */
    record Raw(Map<String, Integer> answers, Integer recommend, Integer effort, Integer satisfaction) {
    }

    /** Statistics of one aspect. */
    record Aspect(int n, Double mean, Double sd, Double low, Double high, Map<String, Integer> distribution) {
    }

    private ReferenceScores() {
    }

    static Aspect aspect(List<Raw> responses, String aspect) {
        List<Integer> scores = new ArrayList<>();
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (int answer = 1; answer <= 5; answer++) {
            distribution.put(Integer.toString(answer), 0);
        }
        for (Raw r : responses) {
            Integer answer = r.answers().get(aspect);
            if (answer != null) {
                scores.add(answer - 3);
                distribution.merge(Integer.toString(answer), 1, Integer::sum);
            }
        }
        int n = scores.size();
        if (n == 0) {
            return new Aspect(0, null, null, null, null, distribution);
        }
        double mean = scores.stream().mapToDouble(Integer::doubleValue).average().orElseThrow();
        if (n < 2) {
            return new Aspect(n, mean, null, null, null, distribution);
        }
        double squares = scores.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        double half = 1.96 * sd / Math.sqrt(n);
        return new Aspect(n, mean, sd, mean - half, mean + half, distribution);
    }

    static Double construct(List<Raw> responses, String construct) {
        List<Double> means = new ArrayList<>();
        for (String aspect : CONSTRUCTS.get(construct)) {
            Aspect a = aspect(responses, aspect);
            if (a.n() > 0) {
                means.add(a.mean());
            }
        }
        return means.isEmpty() ? null : means.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static Double overall(List<Raw> responses) {
        List<Double> constructs = new ArrayList<>();
        for (String construct : List.of("SER", "V", "ICE")) {
            Double value = construct(responses, construct);
            if (value != null) {
                constructs.add(value);
            }
        }
        return constructs.isEmpty() ? null : constructs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** [n, promoters, passives, detractors, nps, moe95]. */
    static double[] nps(List<Raw> responses) {
        int n = 0;
        int promoters = 0;
        int detractors = 0;
        for (Raw r : responses) {
            if (r.recommend() != null) {
                n++;
                if (r.recommend() >= 9) {
                    promoters++;
                } else if (r.recommend() <= 6) {
                    detractors++;
                }
            }
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        return new double[] {n, promoters, n - promoters - detractors, detractors, 100 * (p - d),
                196 * Math.sqrt((p + d - (p - d) * (p - d)) / n)};
    }

    /** [n, mean, easyShare]. */
    static double[] ces(List<Raw> responses) {
        List<Integer> answers = responses.stream().map(Raw::effort).filter(a -> a != null).toList();
        double mean = answers.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double easy = answers.stream().filter(a -> a >= 5).count() / (double) answers.size();
        return new double[] {answers.size(), mean, easy};
    }

    /** [n, mean, csat]. */
    static double[] csat(List<Raw> responses) {
        List<Integer> answers = responses.stream().map(Raw::satisfaction).filter(a -> a != null).toList();
        double mean = answers.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double satisfied = answers.stream().filter(a -> a >= 4).count() / (double) answers.size();
        return new double[] {answers.size(), mean, 100 * satisfied};
    }
}
