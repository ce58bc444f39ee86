package io.vocmonitor.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §2.2 computed the naive way from raw recovery responses — two-pass means, variances and correlations —
 * independently of the platform's additive sums.
 */
final class RecoveryReference {

    static final List<String> DRIVERS = List.of("RECEPTIVENESS", "RESPONSIVENESS", "RESONANCE", "RESOLUTION",
            "RELIANCE", "LEARNING");
    static final Map<String, Integer> IMPACT = Map.of("STRENGTHENED", 1, "FLATTENED", 0, "WEAKENED", -1, "BROKEN", -2);

    /** One posted recovery response. */
    record Raw(String responseId, Map<String, Integer> answers, String relationship, Integer brandEffect,
            Integer recommend, Integer effort, Integer satisfaction, String comment) {
    }

    /** A driver's expected numbers. */
    record Driver(String name, int n, Double mean, Double sd, Double low, Double high, Double importance, Double priority) {
    }

    private RecoveryReference() {
    }

    static Driver driver(List<Raw> responses, String name) {
        List<double[]> pairs = new ArrayList<>();
        for (Raw r : responses) {
            Integer answer = r.answers().get(name);
            if (answer != null) {
                pairs.add(new double[] {answer - 3, IMPACT.get(r.relationship())});
            }
        }
        int n = pairs.size();
        if (n == 0) {
            return new Driver(name, 0, null, null, null, null, null, null);
        }
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxx = pairs.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
        double syy = pairs.stream().mapToDouble(p -> (p[1] - my) * (p[1] - my)).sum();
        double sxy = pairs.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
        Double sd = n < 2 ? null : Math.sqrt(sxx / (n - 1));
        Double low = sd == null ? null : mx - 1.96 * sd / Math.sqrt(n);
        Double high = sd == null ? null : mx + 1.96 * sd / Math.sqrt(n);
        Double importance = n < 3 || sxx == 0 || syy == 0 ? null : sxy / Math.sqrt(sxx * syy);
        Double priority = importance == null ? null : Math.max(importance, 0) * (2 - mx);
        return new Driver(name, n, mx, sd, low, high, importance, priority);
    }

    /** The drivers by priority, then importance, then declaration order; no importance last. */
    static List<String> keyDrivers(List<Raw> responses) {
        List<Driver> drivers = new ArrayList<>();
        DRIVERS.forEach(name -> drivers.add(driver(responses, name)));
        drivers.sort(Comparator.<Driver, Boolean>comparing(d -> d.importance() == null)
                .thenComparing(Driver::priority, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Driver::importance, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(d -> DRIVERS.indexOf(d.name())));
        return drivers.stream().map(Driver::name).toList();
    }

    static Map<String, Integer> counts(List<Raw> responses) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        IMPACT.keySet().forEach(outcome -> counts.put(outcome, 0));
        responses.forEach(r -> counts.merge(r.relationship(), 1, Integer::sum));
        return counts;
    }

    static double nri(List<Raw> responses) {
        Map<String, Integer> c = counts(responses);
        return 100.0 * (c.get("STRENGTHENED") - c.get("WEAKENED") - c.get("BROKEN")) / responses.size();
    }

    /** [rii, low, high]. */
    static double[] rii(List<Raw> responses) {
        double mean = responses.stream().mapToDouble(r -> IMPACT.get(r.relationship())).average().orElseThrow();
        double squares = responses.stream().mapToDouble(r -> Math.pow(IMPACT.get(r.relationship()) - mean, 2)).sum();
        double half = 1.96 * Math.sqrt(squares / (responses.size() - 1)) / Math.sqrt(responses.size());
        return new double[] {mean, mean - half, mean + half};
    }

    static String indicator(double rii) {
        return rii >= 0.5 ? "STRENGTHENED" : rii > -0.5 ? "FLATTENED" : rii > -1.5 ? "WEAKENED" : "BROKEN";
    }

    /** [n, mean] of brand effect scores. */
    static double[] brandEffect(List<Raw> responses) {
        List<Integer> scores = responses.stream().map(Raw::brandEffect).filter(b -> b != null).map(b -> b - 3).toList();
        return new double[] {scores.size(), scores.stream().mapToInt(Integer::intValue).average().orElseThrow()};
    }
}
