package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.vocmonitor.events.ScanCatalogue;
import io.vocmonitor.events.ScanCatalogue.Statement;
import io.vocmonitor.events.ScanScale;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Service Excellence Scan end to end (SPEC §2.4): scans in through single posts, a batch and a CSV import, with a
 * repeat and retractions; every number of {@code GET …/scan} for the whole organisation, a role and a unit against
 * the scan computed the naive way from the posted words; the sector benchmark with three organisations of a sector
 * and, after retractions, with two.
 */
@SystemTest
class ScanEndToEndIT {

    private static final double EPS = 1e-9;
    private static final Map<String, Integer> POINTS = Map.of("NO", 0, "STARTED", 1, "SYSTEMATIC", 3,
            "BELOW_AVERAGE", 0, "AVERAGE", 1, "ABOVE_AVERAGE", 3, "TOP", 5);
    private static final List<String> ROLES = List.of("EMPLOYEE", "MANAGER", "EXECUTIVE");
    private static final List<String> UNITS = List.of("KCC", "MarCom", "Operations");

    private Platform platform;
    private Api api;

    /** One posted scan: its id, role and unit (null when none) and statement → word (NA included). */
    record Raw(String responseId, String role, String unit, Map<String, String> answers) {
    }

    @Test
    void scanScoresForAnySelectionAndTheSectorBenchmarkAreExact() {
        Api.Org org = api.register(Map.of("id", "scan-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Scan org", "sector", "IT_TELECOM"));
        Random random = new Random(2026);
        List<Raw> scans = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            scans.add(random(random, i % 7 == 0 ? null : ROLES.get(random.nextInt(3)),
                    i % 9 == 0 ? null : UNITS.get(random.nextInt(3))));
        }
        // 5 posted one by one, 35 in a batch, 20 from a CSV file; one repeated
        scans.subList(0, 5).forEach(raw -> api.post(org, body(raw), 202));
        assertThat(api.batch(org, scans.subList(5, 40).stream().map(ScanEndToEndIT::body).toList())
                .getInt("accepted")).isEqualTo(35);
        assertThat(api.importCsv(org, csv(scans.subList(40, 60))).getInt("accepted")).isEqualTo(20);
        api.post(org, body(scans.get(3)), 202);
        awaitScanResponses(org, 60);
        assertScan(api.scores(org, "scan"), scans);
        for (String role : ROLES) {
            assertScan(api.scores(org, "scan?role=" + role),
                    scans.stream().filter(r -> role.equals(r.role())).toList());
        }
        assertScan(api.scores(org, "scan?unit=" + "marcom"), scans.stream().filter(r -> "MarCom".equals(r.unit())).toList());

        // retractions subtract exactly
        List<Raw> retracted = scans.subList(0, 8);
        retracted.forEach(raw -> api.retract(org, raw.responseId()));
        List<Raw> remaining = scans.subList(8, scans.size());
        awaitScanResponses(org, remaining.size());
        assertScan(api.scores(org, "scan"), remaining);

        // the sector benchmark: two more organisations of the sector with sufficient scans (the minimum sample, 5)
        double own = overall(remaining);
        Api.Org second = api.register(Map.of("id", "scan-b-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Second", "sector", "IT_TELECOM"));
        Api.Org third = api.register(Map.of("id", "scan-c-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Third", "sector", "IT_TELECOM"));
        List<Raw> secondScans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            secondScans.add(random(random, "EMPLOYEE", null));
        }
        api.batch(second, secondScans.stream().map(ScanEndToEndIT::body).toList());
        awaitScanResponses(second, 6);
        assertThat(api.scores(org, "scan").getString("benchmark.sectorMean")).isNull();
        assertThat(api.scores(org, "scan").getInt("benchmark.organisations")).isEqualTo(2);

        List<Raw> thirdScans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            thirdScans.add(random(random, "MANAGER", "Sales"));
        }
        api.batch(third, thirdScans.stream().map(ScanEndToEndIT::body).toList());
        awaitScanResponses(third, 5);
        double mean = (own + overall(secondScans) + overall(thirdScans)) / 3;
        JsonPath withThree = api.scores(org, "scan");
        assertThat(withThree.getDouble("benchmark.sectorMean")).isCloseTo(mean, within(EPS));
        assertThat(withThree.getDouble("benchmark.difference")).isCloseTo(own - mean, within(EPS));
        assertThat(withThree.getInt("benchmark.organisations")).isEqualTo(3);
        JsonPath sectors = api.withKey(third.ingestKey()).when().get(platform.url("dashboard") + "/api/v1/benchmarks/scan")
                .then().statusCode(200).extract().jsonPath();
        assertThat(sectors.getDouble("sectors.find { it.sector == 'IT_TELECOM' }.mean")).isCloseTo(mean, within(EPS));

        // one retraction takes the third organisation below the minimum sample: the sector is no longer shown
        api.retract(third, thirdScans.get(0).responseId());
        awaitScanResponses(third, 4);
        assertThat(api.scores(org, "scan").getString("benchmark.sectorMean")).isNull();
        assertThat(api.withKey(org.readKey()).when().get(platform.url("dashboard") + "/api/v1/benchmarks/scan")
                .then().statusCode(200).extract().jsonPath().getList("sectors.sector")).doesNotContain("IT_TELECOM");
    }

    private void awaitScanResponses(Api.Org org, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.scores(org, "summary").getInt("scan.responses") == count);
    }

    /** A respondent whose view of the organisation shows in every answer, with NA now and then. */
    private static Raw random(Random random, String role, String unit) {
        double view = random.nextDouble();
        Map<String, String> answers = new LinkedHashMap<>();
        for (Statement statement : ScanCatalogue.STATEMENTS) {
            if (random.nextDouble() < 0.1) {
                answers.put(statement.id(), ScanScale.NOT_APPLICABLE);
            } else if (random.nextDouble() < 0.9) {
                List<ScanScale.Word> words = statement.scale().words();
                int index = (int) Math.min(words.size() - 1, Math.floor((view + random.nextDouble()) / 2 * words.size()));
                answers.put(statement.id(), words.get(index).word());
            }
        }
        return new Raw(UUID.randomUUID().toString(), role, unit, answers);
    }

    private static Map<String, Object> body(Raw raw) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseId", raw.responseId());
        body.put("instrument", "SERVICE_EXCELLENCE_SCAN");
        if (raw.role() != null) {
            body.put("role", raw.role());
        }
        if (raw.unit() != null) {
            body.put("unit", raw.unit());
        }
        body.put("answers", raw.answers());
        return body;
    }

    /** The scans as a CSV file: a column per statement id, its word in each row; an empty cell leaves it out. */
    private static String csv(List<Raw> scans) {
        List<String> ids = ScanCatalogue.STATEMENTS.stream().map(Statement::id).toList();
        StringBuilder csv = new StringBuilder("responseId,instrument,role,unit," + String.join(",", ids) + "\n");
        for (Raw raw : scans) {
            csv.append(raw.responseId()).append(",SERVICE_EXCELLENCE_SCAN,")
                    .append(raw.role() == null ? "" : raw.role()).append(',')
                    .append(raw.unit() == null ? "" : raw.unit());
            for (String id : ids) {
                csv.append(',').append(raw.answers().getOrDefault(id, ""));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    // --- the scan the naive way: SPEC §2.4 straight from the words -------------------------------------------

    private static List<Integer> points(List<Raw> scans, Statement statement) {
        return scans.stream().map(r -> r.answers().get(statement.id()))
                .filter(word -> word != null && !word.equals(ScanScale.NOT_APPLICABLE)).map(POINTS::get).toList();
    }

    /** 100 · Σ points / Σ maximum points over the statements; null when none was answered. */
    private static Double percent(List<Raw> scans, List<Statement> statements) {
        double points = 0;
        double maximum = 0;
        for (Statement statement : statements) {
            List<Integer> answered = points(scans, statement);
            points += answered.stream().mapToInt(Integer::intValue).sum();
            maximum += answered.size() * (statement.scale() == ScanScale.ELEMENT ? 3 : 5);
        }
        return maximum == 0 ? null : 100 * points / maximum;
    }

    private static double overall(List<Raw> scans) {
        return percent(scans, ScanCatalogue.STATEMENTS);
    }

    private static Double sd(List<Integer> values) {
        if (values.size() < 2) {
            return null;
        }
        double mean = values.stream().mapToInt(Integer::intValue).average().orElseThrow();
        return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
    }

    private static String band(double score) {
        return score < 20 ? "BEGINNING" : score < 30 ? "STARTED_TO_WORK" : score < 40 ? "WELL_ON_THE_WAY"
                : score < 50 ? "APPLAUSE" : "EXCELLENCE";
    }

    private static void assertScan(JsonPath answer, List<Raw> scans) {
        assertThat(answer.getInt("responses")).isEqualTo(scans.size());
        if (scans.size() < 5) {
            assertThat(answer.getBoolean("sufficient")).isFalse();
            assertThat(answer.getString("overall.score")).isNull();
            return;
        }
        assertThat(answer.getDouble("overall.score")).isCloseTo(overall(scans), within(EPS));
        assertThat(answer.getString("overall.band")).isEqualTo(band(overall(scans)));
        Map<ScanCatalogue.Group, List<Statement>> groups = ScanCatalogue.STATEMENTS.stream()
                .collect(Collectors.groupingBy(Statement::group));
        for (ScanCatalogue.Group group : ScanCatalogue.Group.values()) {
            String path = (group.scale() == ScanScale.ELEMENT ? "blocks." : "results.areas.") + group.name();
            assertThat(answer.getDouble(path + ".score")).as(path)
                    .isCloseTo(percent(scans, groups.get(group)), within(EPS));
            for (Statement statement : groups.get(group)) {
                List<Integer> points = points(scans, statement);
                String item = path + ".items." + statement.id();
                assertThat(answer.getInt(item + ".n")).as(item).isEqualTo(points.size());
                assertThat(answer.getInt(item + ".naCount")).as(item).isEqualTo(scans.stream()
                        .filter(r -> ScanScale.NOT_APPLICABLE.equals(r.answers().get(statement.id()))).count());
                assertThat(answer.getDouble(item + ".mean")).as(item)
                        .isCloseTo(points.stream().mapToInt(Integer::intValue).average().orElseThrow(), within(EPS));
                assertThat(answer.getDouble(item + ".sd")).as(item).isCloseTo(sd(points), within(EPS));
            }
        }
        List<Statement> results = ScanCatalogue.STATEMENTS.stream().filter(s -> s.scale() == ScanScale.RESULT).toList();
        assertThat(answer.getDouble("results.score")).isCloseTo(percent(scans, results), within(EPS));
        // the five largest relative spreads among statements answered by at least the minimum sample
        List<String> disagreements = ScanCatalogue.STATEMENTS.stream()
                .filter(s -> points(scans, s).size() >= 5)
                .sorted(Comparator.comparingDouble((Statement s) -> -sd(points(scans, s)) / s.scale().maxPoints())
                        .thenComparing(Statement::id))
                .limit(5).map(Statement::id).toList();
        assertThat(answer.getList("disagreements.item")).isEqualTo(disagreements);
        Map<String, List<Raw>> byUnit = scans.stream().filter(r -> r.unit() != null)
                .collect(Collectors.groupingBy(r -> r.unit().toLowerCase()));
        byUnit.forEach((unit, group) -> {
            String path = "byUnit.find { it.unit == '" + unit + "' }";
            assertThat(answer.getInt(path + ".responses")).isEqualTo(group.size());
            if (group.size() >= 5) {
                assertThat(answer.getDouble(path + ".score")).isCloseTo(overall(group), within(EPS));
            } else {
                assertThat(answer.getString(path + ".score")).isNull();
            }
        });
        for (String role : ROLES) {
            List<Raw> group = scans.stream().filter(r -> role.equals(r.role())).toList();
            if (group.size() >= 5) {
                assertThat(answer.getDouble("byRole.find { it.role == '" + role + "' }.score"))
                        .isCloseTo(overall(group), within(EPS));
            }
        }
    }
}
