package io.vocmonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.RecoveryDriver;
import io.vocmonitor.events.ScanCatalogue;
import io.vocmonitor.events.ScanScale;
import io.vocmonitor.events.ServiceProofAspect;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Registers a demo organisation (once; its keys are kept in the state directory) and posts realistic
 * responses through the public batch API, as a customer's survey tool would: three months of ServiceProof
 * and Service Recovery Proof feedback over every channel, with channels and touchpoints that differ in
 * quality, some questions left unanswered, comments, and problems that strengthened or broke relationships. Once, it
 * adds a Service Excellence Scan round of {@value #SCAN_RESPONDENTS} employees and managers in three units, near the
 * figures of the method's example organisation, and peer organisations across sectors with scans of their own, so
 * that the sector benchmark has sectors to show.
 */
final class DemoFeeder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TOUCHPOINTS = {"billing", "delivery", "onboarding", "support", "returns"};
    private static final Map<Channel, Double> CHANNEL_QUALITY = Map.of(
            Channel.STORE, 0.7, Channel.PHONE, 0.3, Channel.EMAIL, 0.1, Channel.CHAT, -0.2, Channel.WEB, 0.2,
            Channel.SOCIAL, -0.4, Channel.OTHER, 0.0);
    private static final Channel[] CHANNELS = {Channel.PHONE, Channel.PHONE, Channel.PHONE, Channel.EMAIL,
            Channel.EMAIL, Channel.CHAT, Channel.CHAT, Channel.WEB, Channel.WEB, Channel.STORE, Channel.SOCIAL};
    private static final String[] PRAISE = {"Quickly sorted out, thank you.", "Friendly and to the point.",
            "They knew my history without me repeating it.", "Better than I expected.",
            "The advisor really listened."};
    private static final String[] COMPLAINTS = {"I had to explain everything three times.",
            "Nobody called me back as promised.", "Took far too long.", "Felt like a number, not a customer.",
            "The invoice was still wrong afterwards."};
    private static final int BATCH = 200;
    private static final int DAYS = 90;
    /** How well each recovery driver is handled, besides the handling of the case as a whole. */
    private static final Map<RecoveryDriver, Double> DRIVER_QUALITY = Map.of(
            RecoveryDriver.RECEPTIVENESS, 0.5, RecoveryDriver.RESPONSIVENESS, -0.6, RecoveryDriver.RESONANCE, 0.2,
            RecoveryDriver.RESOLUTION, -0.3, RecoveryDriver.RELIANCE, 0.0, RecoveryDriver.LEARNING, -0.7);
    /** How much each driver weighs in how the relationship comes out: resolution and reliance most. */
    private static final Map<RecoveryDriver, Double> DRIVER_WEIGHT = Map.of(
            RecoveryDriver.RECEPTIVENESS, 0.08, RecoveryDriver.RESPONSIVENESS, 0.2, RecoveryDriver.RESONANCE, 0.1,
            RecoveryDriver.RESOLUTION, 0.4, RecoveryDriver.RELIANCE, 0.3, RecoveryDriver.LEARNING, 0.03);

    private static final int SCAN_RESPONDENTS = 36;
    /** A peer's scan round: enough that its overall stays within a few points of its sector's level. */
    private static final int PEER_RESPONDENTS = 16;
    /** The share of the maximum points each building block and result area scores, near the deck's example. */
    private static final Map<String, Double> SCAN_TARGETS = Map.ofEntries(
            Map.entry("DESIGN", 0.38), Map.entry("STRATEGY", 0.47), Map.entry("LEADERSHIP", 0.47),
            Map.entry("PEOPLE", 0.39), Map.entry("CULTURE", 0.48), Map.entry("CUSTOMER_INSIGHT", 0.31),
            Map.entry("INNOVATION", 0.40), Map.entry("PROCESSES", 0.37), Map.entry("MONITORING", 0.38),
            Map.entry("SERVICE_PERFORMANCE", 0.24), Map.entry("LOYAL_CUSTOMERS", 0.29),
            Map.entry("ENGAGED_EMPLOYEES", 0.28), Map.entry("REPUTATION_AND_FINANCE", 0.25));
    /** Units differ, as they do in the deck's example ("a lot of difference between KCC and MarCom and the rest"). */
    private static final Map<String, Double> UNIT_EFFECT = Map.of("KCC", 0.09, "MarCom", 0.05, "Operations", -0.1);
    /**
     * Peer organisations' sectors and the deck's sector means (overall %): three peers in most sectors, two in
     * FINANCIALS (with the demo organisation, three), and two in TRADE, too few for TRADE's mean to show.
     */
    private static final Map<String, Double> SECTOR_MEANS = Map.of("FINANCIALS", 0.42, "CONSULTANCY", 0.40,
            "SERVICES", 0.37, "INDUSTRY", 0.30, "LOCAL_GOVERNMENT", 0.26, "TRADE", 0.30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String surveyUrl;
    private final String dashboardUrl;
    private final String adminToken;
    private final Random random = new Random();

    private DemoFeeder(String surveyUrl, String dashboardUrl, String adminToken) {
        this.surveyUrl = surveyUrl;
        this.dashboardUrl = dashboardUrl;
        this.adminToken = adminToken;
    }

    static int run(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: demo SURVEY_URL DASHBOARD_URL ADMIN_TOKEN STATE_DIR [COUNT]");
            return 2;
        }
        Integer count = args.length > 4 && !args[4].isBlank() ? Integer.valueOf(args[4]) : null;
        return new DemoFeeder(args[0], args[1], args[2]).feed(Path.of(args[3]), count);
    }

    /** Posts count ServiceProof responses and 0.6·count recovery responses; without a count, 400 the first time only. */
    private int feed(Path stateDir, Integer asked) throws Exception {
        JsonNode organisation = organisation(stateDir.resolve("demo-organisation.json"));
        String id = organisation.get("id").asText();
        String ingestKey = organisation.get("ingestKey").asText();
        String readKey = organisation.get("readKey").asText();
        long before = responses(id, readKey);
        int count = asked != null ? asked : before > 0 ? 0 : 400;
        if (count == 0) {
            System.out.printf("The demo organisation '%s' already holds %d responses: nothing posted (./voc demo N posts N more).%n",
                    id, before);
        }

        int recoveryCount = count * 3 / 5;
        List<Map<String, Object>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(serviceProofResponse());
        }
        for (int i = 0; i < recoveryCount; i++) {
            responses.add(recoveryResponse());
        }
        if (count > 0) {
            System.out.printf("Posting %d ServiceProof and %d Service Recovery Proof responses for '%s', %d per batch%n",
                    count, recoveryCount, id, BATCH);
        }
        int accepted = 0;
        int failed = 0;
        for (int from = 0; from < responses.size(); from += BATCH) {
            List<Map<String, Object>> batch = responses.subList(from, Math.min(from + BATCH, responses.size()));
            int refused = postBatch(id, ingestKey, batch);
            accepted += batch.size() - refused;
            failed += refused;
            System.out.printf("  %d/%d accepted%n", accepted, responses.size());
        }

        if (accepted > 0) {
            awaitScores(id, readKey, before + accepted);
        }
        if (scanResponses(id, readKey) == 0) {
            failed += scanRound(id, ingestKey, readKey);
            peers();
        }
        long seen = responses(id, readKey);

        System.out.printf("%nDemo organisation '%s': %d responses scored.%n", id, seen);
        System.out.printf("  read key:   %s%n  ingest key: %s%n  (kept in %s)%n", readKey, ingestKey,
                stateDir.resolve("demo-organisation.json"));
        System.out.printf("%nOpen the dashboard (the key signs you in and leaves the address bar at once):%n  %s/#org=%s&key=%s%n",
                dashboardUrl, id, readKey);
        String form = scanLink(id, ingestKey);
        if (form != null) {
            System.out.printf("%nFill in the scan yourself, as an employee of the contact centre would (a questionnaire link, "
                    + "valid 30 days):%n  %s%n", form);
        }
        System.out.printf("%nOr ask the API:%n");
        for (String resource : List.of("summary", "serviceproof", "recovery", "scan", "alerts?status=open")) {
            System.out.printf("  curl -s -H 'X-Api-Key: %s' '%s/api/v1/organisations/%s/%s'%n", readKey, dashboardUrl,
                    id, resource);
        }
        return failed == 0 ? 0 : 1;
    }

    /** Posts the demo organisation's scan round; answers how many were refused. */
    private int scanRound(String id, String ingestKey, String readKey) throws Exception {
        System.out.printf("Posting a Service Excellence Scan round: %d respondents in %s%n", SCAN_RESPONDENTS,
                String.join(", ", UNIT_EFFECT.keySet().stream().sorted().toList()));
        List<String> units = UNIT_EFFECT.keySet().stream().sorted().toList();
        List<Map<String, Object>> round = new ArrayList<>();
        for (int i = 0; i < SCAN_RESPONDENTS; i++) {
            String unit = units.get(i % units.size());
            String role = i < 2 ? "EXECUTIVE" : i % 6 == 1 ? "MANAGER" : "EMPLOYEE";
            round.add(scanResponse(role, unit, UNIT_EFFECT.get(unit), SCAN_TARGETS::get));
        }
        int refused = postBatch(id, ingestKey, round);
        Instant deadline = Instant.now().plusSeconds(60);
        while (scanResponses(id, readKey) < SCAN_RESPONDENTS - refused && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        return refused;
    }

    /**
     * Registers the peer organisations that are not there yet and posts a scan round for each, around its
     * sector's mean; peers registered by an earlier run keep what they have.
     */
    private void peers() throws Exception {
        int registered = 0;
        for (Map.Entry<String, Double> sector : new TreeMap<>(SECTOR_MEANS).entrySet()) {
            int count = sector.getKey().equals("TRADE") ? 2 : sector.getKey().equals("FINANCIALS") ? 2 : 3;
            for (int n = 1; n <= count; n++) {
                String id = "demo-peer-" + sector.getKey().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + n;
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(surveyUrl + "/api/v1/organisations"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("id", id,
                                "name", "Peer " + sector.getKey().charAt(0) + sector.getKey().substring(1)
                                        .toLowerCase(Locale.ROOT).replace('_', ' ') + " " + n,
                                "sector", sector.getKey()))))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    continue;
                }
                registered++;
                String ingestKey = JSON.readTree(created.body()).get("ingestKey").asText();
                double level = sector.getValue() + (n - 2) * 0.04;
                List<Map<String, Object>> round = new ArrayList<>();
                for (int i = 0; i < PEER_RESPONDENTS; i++) {
                    round.add(scanResponse(i == 0 ? "MANAGER" : "EMPLOYEE", null, 0, group -> level));
                }
                postBatch(id, ingestKey, round);
            }
        }
        if (registered > 0) {
            System.out.printf("Registered %d peer organisations across sectors, each with a scan round of %d, for the "
                    + "sector benchmark%n", registered, PEER_RESPONDENTS);
        }
    }

    /** A new questionnaire link to the organisation's scan for the contact centre, asking the role; null on failure. */
    private String scanLink(String id, String ingestKey) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                        URI.create(surveyUrl + "/api/v1/organisations/" + id + "/links"))
                .header("X-Api-Key", ingestKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "instrument", "SERVICE_EXCELLENCE_SCAN", "unit", "KCC", "askRole", true))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return created.statusCode() == 201 ? JSON.readTree(created.body()).get("url").asText() : null;
    }

    /** Posts responses in batches; answers how many were refused. */
    private int postBatch(String id, String ingestKey, List<Map<String, Object>> responses) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create(surveyUrl + "/api/v1/organisations/" + id + "/responses/batch"))
                .header("X-Api-Key", ingestKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(responses)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            System.err.println("  batch refused: " + answer.statusCode() + " " + answer.body());
            return responses.size();
        }
        return JSON.readTree(answer.body()).get("rejected").asInt();
    }

    /**
     * One respondent's scan: per statement a word drawn so that its expected points are about the group's target
     * share of the maximum, moved by the unit and the respondent's own view; NA now and then.
     */
    private Map<String, Object> scanResponse(String role, String unit, double unitEffect,
            Function<String, Double> target) {
        double own = random.nextGaussian() * 0.07;
        Map<String, Object> answers = new LinkedHashMap<>();
        for (ScanCatalogue.Statement statement : ScanCatalogue.STATEMENTS) {
            if (random.nextDouble() < 0.05) {
                answers.put(statement.id(), ScanScale.NOT_APPLICABLE);
                continue;
            }
            double share = Math.max(0.02, Math.min(0.95, target.apply(statement.group().name()) + unitEffect + own));
            answers.put(statement.id(), word(statement.scale(), share * statement.scale().maxPoints()));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("responseId", UUID.randomUUID().toString());
        response.put("instrument", "SERVICE_EXCELLENCE_SCAN");
        response.put("answeredAt", Instant.now().minus(random.nextInt(10 * 24 * 60), ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS).toString());
        response.put("role", role);
        if (unit != null) {
            response.put("unit", unit);
        }
        response.put("answers", answers);
        return response;
    }

    /**
     * A word whose expected points are {@code mean}: the second-lowest word (1 point) a third of the time, the top
     * words as often as the mean asks, the lowest otherwise.
     */
    private String word(ScanScale scale, double mean) {
        List<ScanScale.Word> words = scale.words();
        double low = 1.0 / 3;
        // the words above 1 point share what remains of the mean equally: element SYSTEMATIC (3), result 3 and 5
        List<ScanScale.Word> high = words.subList(2, words.size());
        double highPoints = high.stream().mapToInt(ScanScale.Word::points).average().orElseThrow();
        double pHigh = Math.max(0, Math.min(1 - low, (mean - low) / highPoints));
        double draw = random.nextDouble();
        if (draw < pHigh) {
            return high.get(random.nextInt(high.size())).word();
        }
        return draw < pHigh + low ? words.get(1).word() : words.get(0).word();
    }

    private long scanResponses(String id, String readKey) throws Exception {
        HttpResponse<String> summary = http.send(HttpRequest.newBuilder(
                        URI.create(dashboardUrl + "/api/v1/organisations/" + id + "/summary"))
                .header("X-Api-Key", readKey).GET().build(), HttpResponse.BodyHandlers.ofString());
        return summary.statusCode() != 200 ? 0 : JSON.readTree(summary.body()).path("scan").path("responses").asLong();
    }

    private void awaitScores(String id, String readKey, long expected) throws Exception {
        System.out.print("Waiting for the scores to include them");
        long seen = 0;
        Instant deadline = Instant.now().plusSeconds(60);
        while (seen < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            seen = responses(id, readKey);
            System.out.print(".");
        }
        System.out.println(seen >= expected ? " done." : " still catching up (" + seen + "/" + expected + ").");
    }

    /** The demo organisation's keys: from the state directory, or a newly registered organisation. */
    private JsonNode organisation(Path keysFile) throws Exception {
        if (Files.exists(keysFile)) {
            JsonNode known = JSON.readTree(keysFile.toFile());
            if (responsesOrNegative(known.get("id").asText(), known.get("readKey").asText()) >= 0) {
                return known;
            }
            System.out.println("The demo organisation in " + keysFile + " is not known here; registering a new one.");
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            String id = attempt == 0 ? "demo" : "demo-" + (attempt + 1);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(surveyUrl + "/api/v1/organisations"))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("id", id, "name", "Demo Insurance " + id.substring(4).replace("-", "#"),
                                    "sector", "FINANCIALS"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() == 201) {
                Files.writeString(keysFile, created.body());
                Files.setPosixFilePermissions(keysFile, PosixFilePermissions.fromString("rw-------"));
                System.out.println("Registered demo organisation '" + id + "'.");
                return JSON.readTree(created.body());
            }
            if (created.statusCode() != 409) {
                throw new IOException("registering the demo organisation failed: " + created.statusCode() + " " + created.body());
            }
        }
        throw new IOException("every demo organisation id is taken");
    }

    private long responses(String id, String readKey) throws Exception {
        return Math.max(responsesOrNegative(id, readKey), 0);
    }

    /** Responses of both instruments in the organisation's scores, or −1 when its read key does not work here. */
    private long responsesOrNegative(String id, String readKey) throws Exception {
        HttpResponse<String> summary = http.send(HttpRequest.newBuilder(
                        URI.create(dashboardUrl + "/api/v1/organisations/" + id + "/summary"))
                .header("X-Api-Key", readKey).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (summary.statusCode() != 200) {
            return -1;
        }
        JsonNode headline = JSON.readTree(summary.body());
        return headline.path("serviceproof").path("responses").asLong() + headline.path("recovery").path("responses").asLong();
    }

    /** The service got better over the three months: 0.6 lower 90 days ago than today. */
    private static double improvement(int daysAgo) {
        return -0.6 * daysAgo / DAYS;
    }

    /** One customer's answers: a latent attitude shaped by channel, touchpoint and time, expressed with noise. */
    private Map<String, Object> serviceProofResponse() {
        Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
        String touchpoint = TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)];
        int daysAgo = random.nextInt(DAYS);
        double attitude = CHANNEL_QUALITY.get(channel) + (touchpoint.equals("billing") ? -0.4 : 0.1)
                + improvement(daysAgo) + 0.2 + random.nextGaussian() * 0.9;
        Map<String, Object> answers = new LinkedHashMap<>();
        for (ServiceProofAspect aspect : ServiceProofAspect.values()) {
            if (random.nextDouble() < 0.08) {
                answers.put(aspect.name(), null);
            } else {
                double bias = aspect == ServiceProofAspect.VALUE ? -0.3 : aspect == ServiceProofAspect.COMMITMENT ? 0.2 : 0;
                answers.put(aspect.name(), clamp(Math.round(3.4 + attitude + bias + random.nextGaussian() * 0.6), 1, 5));
            }
        }
        if (answers.values().stream().allMatch(v -> v == null)) {
            answers.put(ServiceProofAspect.VALUE.name(), 3);
        }
        Map<String, Object> response = response("SERVICEPROOF", daysAgo, channel, touchpoint, answers);
        if (random.nextDouble() < 0.85) {
            response.put("recommend", clamp(Math.round(7.2 + attitude * 2.2 + random.nextGaussian()), 0, 10));
        }
        if (random.nextDouble() < 0.7) {
            response.put("effort", clamp(Math.round(5 + attitude * 1.5 + random.nextGaussian()), 1, 7));
        }
        if (random.nextDouble() < 0.7) {
            response.put("satisfaction", clamp(Math.round(3.6 + attitude + random.nextGaussian() * 0.5), 1, 5));
        }
        if (random.nextDouble() < 0.3) {
            String[] pool = attitude >= 0 ? PRAISE : COMPLAINTS;
            response.put("comment", pool[random.nextInt(pool.length)]);
        }
        return response;
    }

    /** What every response has: an id, a time on that day, where it was given, who gave it, its answers. */
    private Map<String, Object> response(String instrument, int daysAgo, Channel channel, String touchpoint,
            Map<String, Object> answers) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("responseId", UUID.randomUUID().toString());
        response.put("instrument", instrument);
        response.put("answeredAt", Instant.now().minus(daysAgo * 24L * 60 + random.nextInt(24 * 60), ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS).toString());
        response.put("channel", channel.name());
        response.put("touchpoint", touchpoint);
        response.put("respondentRef", "c-" + (10000 + random.nextInt(90000)));
        response.put("answers", answers);
        return response;
    }

    /** A customer whose problem was handled: the outcome follows from how well the drivers went. */
    private Map<String, Object> recoveryResponse() {
        Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
        String touchpoint = TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)];
        int daysAgo = random.nextInt(DAYS);
        double handling = CHANNEL_QUALITY.get(channel) * 0.8 + improvement(daysAgo) + 0.3 + random.nextGaussian() * 0.6;
        Map<String, Object> answers = new LinkedHashMap<>();
        double weighted = 0;
        for (RecoveryDriver driver : RecoveryDriver.values()) {
            if (random.nextDouble() < 0.1) {
                answers.put(driver.name(), null);
                continue;
            }
            int answer = clamp(Math.round(3.2 + DRIVER_QUALITY.get(driver) + handling + random.nextGaussian() * 0.8), 1, 5);
            answers.put(driver.name(), answer);
            weighted += (answer - 3) * DRIVER_WEIGHT.get(driver);
        }
        double outcome = weighted + random.nextGaussian() * 0.35;
        String relationship = outcome > 0.5 ? "STRENGTHENED" : outcome > -0.3 ? "FLATTENED" : outcome > -0.9 ? "WEAKENED" : "BROKEN";
        Map<String, Object> response = response("SERVICE_RECOVERY", daysAgo, channel, touchpoint, answers);
        response.put("brandEffect", clamp(Math.round(3 + outcome * 1.5 + random.nextGaussian() * 0.5), 1, 5));
        response.put("relationship", relationship);
        if (random.nextDouble() < 0.8) {
            response.put("recommend", clamp(Math.round(6.5 + outcome * 3 + random.nextGaussian()), 0, 10));
        }
        if (random.nextDouble() < 0.5 || relationship.equals("BROKEN")) {
            String[] pool = outcome >= 0 ? PRAISE : COMPLAINTS;
            response.put("comment", pool[random.nextInt(pool.length)]);
        }
        return response;
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
