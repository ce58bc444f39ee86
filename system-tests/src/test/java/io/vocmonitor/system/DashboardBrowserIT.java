package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web dashboard in a real browser against the packaged services: signed in by deep link, it shows exactly the
 * API's numbers for a known data set and for a filtered selection, marks a change against the previous period as
 * the API judges it, points the gauge's needle at the RII, changes within 2 s when a response arrives, acknowledges
 * alerts, reads in Dutch, is used by keyboard, prints without its controls, exports the API's numbers as CSV, has no serious
 * accessibility violation in any view, and answers a wrong key with the API's reason. Each view's screenshot is
 * saved under target/screenshots.
 */
@SystemTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final double EPS = 1e-12;
    private static final List<String> VIEWS = List.of("overview", "serviceproof", "recovery", "scan", "trends", "segments",
            "alerts", "webhooks");

    private Platform platform;
    private Api api;
    private Browser browser;
    private Api.Org org;

    @BeforeAll
    void openBrowserOnAKnownDataSet() {
        browser = Browser.open(1300, 2000);
        org = api.register("browser");
        Instant answered = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> responses = new ArrayList<>();
        int[][] serviceProof = {{5, 4, 4, 3, 5, 4, 5}, {4, 4, 3, 2, 4, 5, 4}, {5, 5, 4, 4, 5, 5, 5}, {2, 3, 3, 1, 2, 3, 2},
            {4, 3, 4, 3, 4, 4, 3}, {3, 4, 5, 2, 4, 3, 4}, {5, 4, 4, 3, 4, 5, 5}, {1, 2, 2, 1, 3, 2, 2}};
        String[] aspects = {"SENSING", "EMPATHY", "RESONANCE", "VALUE", "INDIVIDUALIZE", "COMMITMENT", "ENGAGEMENT"};
        for (int r = 0; r < serviceProof.length; r++) {
            Map<String, Object> answers = new java.util.LinkedHashMap<>();
            for (int a = 0; a < aspects.length; a++) {
                answers.put(aspects[a], serviceProof[r][a]);
            }
            responses.add(Map.of("instrument", "SERVICEPROOF", "answeredAt", answered.toString(),
                    "channel", r < 6 ? "PHONE" : "EMAIL", "answers", answers,
                    "recommend", new int[] {10, 9, 7, 3, 8, 6, 9, 0}[r], "effort", 1 + r % 7, "satisfaction", 1 + r % 5));
        }
        // the week before: six unhappy customers on the web, for the comparison with the previous period
        String weekBefore = answered.minus(10, ChronoUnit.DAYS).toString();
        for (int r = 0; r < 6; r++) {
            responses.add(Map.of("instrument", "SERVICEPROOF", "answeredAt", weekBefore, "channel", "WEB",
                    "answers", Map.of("VALUE", 1 + r % 2, "EMPATHY", 2), "recommend", r % 3, "effort", 7, "satisfaction", 1 + r % 2));
        }
        String[] outcomes = {"STRENGTHENED", "FLATTENED", "WEAKENED", "BROKEN", "STRENGTHENED", "STRENGTHENED", "FLATTENED", "WEAKENED"};
        for (int r = 0; r < outcomes.length; r++) {
            responses.add(Map.of("instrument", "SERVICE_RECOVERY", "answeredAt", answered.toString(),
                    "channel", r % 3 == 0 ? "CHAT" : "PHONE", "touchpoint", "billing",
                    "answers", Map.of("RECEPTIVENESS", 1 + (r * 3) % 5, "RESOLUTION", 5 - r % 5, "RELIANCE", 2 + r % 4,
                            "LEARNING", 1 + r % 3),
                    "brandEffect", 1 + r % 5, "relationship", outcomes[r],
                    "comment", "case " + r + (outcomes[r].equals("BROKEN") ? ": nobody called back" : "")));
        }
        // a scan round of seven: four in the contact centre, three managers elsewhere
        String[][] scans = {{"SYSTEMATIC", "STARTED", "TOP"}, {"STARTED", "STARTED", "AVERAGE"}, {"SYSTEMATIC", "NO", "TOP"},
            {"NO", "NA", "BELOW_AVERAGE"}, {"SYSTEMATIC", "SYSTEMATIC", "ABOVE_AVERAGE"}, {"STARTED", "NO", "AVERAGE"},
            {"SYSTEMATIC", "STARTED", "ABOVE_AVERAGE"}};
        for (int r = 0; r < scans.length; r++) {
            responses.add(Map.of("instrument", "SERVICE_EXCELLENCE_SCAN", "answeredAt", answered.toString(),
                    "role", r < 4 ? "EMPLOYEE" : "MANAGER", "unit", r < 4 ? "KCC" : "MarCom",
                    "answers", Map.of("DESIGN_1", scans[r][0], "CULTURE_2", scans[r][1], "LOYAL_CUSTOMERS_1", scans[r][2],
                            "STRATEGY_3", scans[r][r % 2])));
        }
        JsonPath posted = api.batch(org, responses);
        assertThat(posted.getInt("accepted")).isEqualTo(responses.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> api.scores(org, "summary").getInt("serviceproof.responses")
                + api.scores(org, "summary").getInt("recovery.responses")
                + api.scores(org, "summary").getInt("scan.responses") == responses.size());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aDeepLinkSignsInAndLeavesNoKeyInTheAddressBar() {
        open("/?view=overview&range=all");

        assertThat(browser.driver.getCurrentUrl()).doesNotContain(org.readKey()).doesNotContain("#");
        JsonPath serviceProof = api.scores(org, "serviceproof");
        JsonPath recovery = api.scores(org, "recovery");
        assertThat(Integer.parseInt(value("responses")))
                .isEqualTo(serviceProof.getInt("responses") + recovery.getInt("responses"));
        assertNumber("serviceproof-overall", serviceProof.getDouble("overall"));
        assertNumber("nps", serviceProof.getDouble("nps.nps"));
        assertNumber("ces", serviceProof.getDouble("ces.mean"));
        assertNumber("csat", serviceProof.getDouble("csat.csat"));
        assertThat(value("recovery-indicator")).isEqualTo(recovery.getString("relationship.indicator"));
        assertNumber("recovery-nri", recovery.getDouble("relationship.nri"));
        assertNumber("recovery-rii", recovery.getDouble("relationship.rii"));
    }

    @Test
    @Order(2)
    void everyFigureOfAFilteredSelectionIsTheApis() {
        open("/?view=serviceproof&range=all&channel=PHONE");
        JsonPath phone = api.scores(org, "serviceproof?channel=PHONE");
        assertThat(phone.getInt("responses")).isEqualTo(6);
        assertNumber("serviceproof-overall", phone.getDouble("overall"));
        for (String construct : List.of("SER", "V", "ICE")) {
            assertNumber("construct-" + construct, phone.getDouble("constructs." + construct));
        }
        for (String aspect : List.of("SENSING", "EMPATHY", "RESONANCE", "VALUE", "INDIVIDUALIZE", "COMMITMENT", "ENGAGEMENT")) {
            assertNumber("aspect-" + aspect + "-mean", phone.getDouble("aspects." + aspect + ".mean"));
        }
        open("/?view=serviceproof&range=all&channel=EMAIL&touchpoint=nowhere");
        await().atMost(Duration.ofSeconds(10)).until(() -> "".equals(value("serviceproof-overall")));
        assertThat(browser.text("serviceproof-overall")).contains("fewer than 5 responses");
    }

    @Test
    @Order(2)
    void theScanViewShowsTheApisScoresBandsAndBlocks() {
        open("/?view=scan&range=all");
        JsonPath scan = api.scores(org, "scan");
        assertThat(scan.getInt("responses")).isEqualTo(7);
        assertNumber("scan-overall", scan.getDouble("overall.score"));
        assertThat(value("scan-band")).isEqualTo(scan.getString("overall.band"));
        for (String block : List.of("DESIGN", "STRATEGY", "CULTURE")) {
            assertNumber("block-" + block + "-score", scan.getDouble("blocks." + block + ".score"));
        }
        // a block nobody answered has no score
        assertThat(value("block-PEOPLE-score")).isEmpty();
        assertNumber("area-LOYAL_CUSTOMERS-score", scan.getDouble("results.areas.LOYAL_CUSTOMERS.score"));
        // one organisation in its sector: no benchmark yet, and the page says so
        assertThat(scan.getString("benchmark.sectorMean")).isNull();
        assertThat(browser.text("benchmark-none")).contains("fewer than 3 organisations");

        open("/?view=scan&range=all&role=EMPLOYEE");
        JsonPath employees = api.scores(org, "scan?role=EMPLOYEE");
        assertThat(employees.getBoolean("sufficient")).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> "".equals(value("scan-overall")));
        assertThat(browser.text("scan-overall")).contains("fewer than 5 responses");
    }

    @Test
    @Order(3)
    void theGaugesNeedlePointsAtTheRii() {
        open("/?view=recovery&range=all");
        JsonPath recovery = api.scores(org, "recovery");
        double rii = recovery.getDouble("relationship.rii");
        assertNumber("recovery-rii", rii);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.attribute("gauge", "data-needle-angle") != null
                && !browser.attribute("gauge", "data-needle-angle").isEmpty());
        // −2 at the left (180°), +1 at the right (0°): a positive RII points up and to the right
        assertThat(Double.parseDouble(browser.attribute("gauge", "data-needle-angle")))
                .isCloseTo(180 - 180 * (rii + 2) / 3, within(1e-9));
        for (String driver : List.of("RECEPTIVENESS", "RESOLUTION", "RELIANCE", "LEARNING")) {
            assertNumber("driver-" + driver + "-mean", recovery.getDouble("drivers." + driver + ".mean"));
        }
        assertThat(value("driver-RESPONSIVENESS-mean")).as("not answered in this data set").isEmpty();
    }

    @Test
    @Order(4)
    void aChangeIsMarkedUpOrDownOnlyWhenTheApiFindsItReal() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String selection = "from=" + today.minusDays(6) + "&to=" + today;
        open("/?view=overview&" + selection + "&compare=previous");
        JsonPath compared = api.scores(org, "serviceproof?" + selection + "&compare=previous");
        assertThat(compared.getBoolean("comparison.changes.ces.significant")).as("the data set's effort fell a lot").isTrue();
        for (String score : List.of("ces", "nps", "csat", "overall")) {
            String testid = score.equals("overall") ? "serviceproof-overall" : score;
            Map<String, Object> delta = compared.getMap("comparison.changes." + score);
            String expected = delta.get("significant") == null ? "untested"
                    : !(Boolean) delta.get("significant") ? "noise"
                    : ((Number) delta.get("difference")).doubleValue() > 0 ? "up" : "down";
            assertThat(browser.attribute(testid + "-change", "data-change")).as(score).isEqualTo(expected);
            assertThat(Double.parseDouble(browser.attribute(testid + "-change", "data-value"))).as(score)
                    .isCloseTo(((Number) delta.get("difference")).doubleValue(), within(EPS));
        }
        assertThat(browser.attribute("ces-change", "data-change")).isEqualTo("down");
    }

    @Test
    @Order(5)
    void aNewResponseShowsWithinTwoSecondsWithoutAReload() {
        open("/?view=overview&range=all");
        String before = value("responses");
        browser.script("window.vocMarker = 'no reload';");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.findElement(By.id("status")).getText().contains("live"));

        api.post(org, Map.of("instrument", "SERVICEPROOF", "answers", Map.of("VALUE", 5)), 202);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> String.valueOf(Integer.parseInt(before) + 1).equals(value("responses")));
        assertThat(browser.script("return window.vocMarker;")).isEqualTo("no reload");
    }

    @Test
    @Order(6)
    void anAlertIsAcknowledgedFromTheInbox() {
        open("/?view=alerts");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.driver.findElements(By.cssSelector("[data-testid=alert]")).isEmpty());
        WebElement first = browser.driver.findElement(By.cssSelector("[data-testid=alert]"));
        String id = first.getAttribute("data-alert-id");
        browser.driver.findElement(By.cssSelector("[data-testid='acknowledge-" + id + "']")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> api.scores(org, "alerts?status=acknowledged")
                .getList("alerts.id").contains(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver
                .findElements(By.cssSelector("[data-alert-id='" + id + "']")).isEmpty());
    }

    @Test
    @Order(7)
    void theDashboardReadsInDutch() {
        open("/?view=recovery&range=all");
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("language"))).selectByValue("nl");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.findElement(By.cssSelector("[data-view=overview]"))
                .getText().equals("Overzicht"));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        assertThat(browser.text("recovery-indicator")).isIn("Versterkt", "Vervlakt", "Verzwakt", "Verbroken");
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("language"))).selectByValue("en");
    }

    @Test
    @Order(8)
    void theKeyboardReachesEveryViewAndEveryChartsTable() {
        open("/?view=overview&range=all");
        browser.driver.findElement(By.cssSelector("[data-view=recovery]")).sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl().contains("view=recovery")
                && browser.attribute("gauge", "data-needle-angle") != null);
        WebElement tableButton = browser.driver.findElement(By.xpath("//section[.//h2[text()='Drivers']]//button[text()='Table']"));
        tableButton.sendKeys(Keys.SPACE);
        assertThat(tableButton.getAttribute("aria-pressed")).isEqualTo("true");
        WebElement drivers = browser.driver.findElement(By.xpath("//section[.//h2[text()='Drivers']]//table"));
        assertThat(drivers.isDisplayed()).isTrue();
        assertThat(drivers.getText()).contains("Receptiveness");
    }

    @Test
    @Order(9)
    void noViewHasASeriousAccessibilityViolationAndEachIsPhotographed() throws Exception {
        String axe = Browser.axeScript(Path.of(System.getProperty("voc.repository.root", "..")));
        List<String> problems = new ArrayList<>();
        for (String view : VIEWS) {
            open("/?view=" + view + "&range=all");
            browser.screenshot("dashboard-" + view);
            browser.seriousViolations(axe).forEach(v -> problems.add(view + " " + v));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(10)
    void aViewPrintsWithoutItsControlsAndItsTablesExportAsCsv() throws Exception {
        open("/?view=serviceproof&range=all&channel=PHONE");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.driver.findElement(By.id("filters")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.id("views")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.cssSelector(".print-selection")).getText()).contains("PHONE");
            assertThat(browser.driver.findElement(By.cssSelector("[data-testid='serviceproof-overall']")).isDisplayed()).isTrue();
            browser.screenshot("dashboard-print-serviceproof");
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        Path downloads = Files.createTempDirectory("voc-csv");
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.driver.findElement(By.xpath("//section[.//h2[text()='Aspects']]//button[text()='CSV']")).click();
        Path csv = downloads.resolve("serviceproof-aspects.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("\uFEFFAspects,Mean,");
        JsonPath phone = api.scores(org, "serviceproof?channel=PHONE");
        String value = lines.stream().filter(line -> line.startsWith("ICE · Commitment,")).findFirst().orElseThrow().split(",")[1];
        assertThat(Double.parseDouble(value)).isCloseTo(phone.getDouble("aspects.COMMITMENT.mean"), within(EPS));
    }

    @Test
    @Order(11)
    void aWrongKeyShowsTheApisReasonAndSignsOut() throws Exception {
        String detail = api.withKey("voc_read_wrong").get(api.dashboard(org) + "/summary")
                .then().statusCode(401).extract().jsonPath().getString("detail");
        browser.driver.get(platform.url("dashboard") + "/?view=recovery#org=" + org.id() + "&key=voc_read_wrong");

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.findElement(By.id("sign-in-problem")).isDisplayed());
        assertThat(browser.driver.findElement(By.id("sign-in-problem")).getText()).isEqualTo(detail);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("voc_read_wrong");
        assertThat(browser.script("return sessionStorage.getItem('voc.key');")).isNull();
        assertThat(browser.driver.findElements(By.cssSelector("#view > *"))).isEmpty();
        browser.screenshot("dashboard-sign-in");
        assertThat(browser.seriousViolations(Browser.axeScript(Path.of(System.getProperty("voc.repository.root", "..")))))
                .as("the sign-in dialog").isEmpty();
    }

    @Test
    @Order(12)
    void aWebhookIsAddedTestedPausedAndDeletedFromItsPage() throws Exception {
        open("/?view=webhooks");
        // this platform takes plain http (VOC_WEBHOOK_ALLOW_HTTP), and the page says so
        assertThat(browser.driver.findElement(By.cssSelector("#view p.note")).getText())
                .endsWith("at most 10, https or http.");
        // an address the rules refuse: the API's reason on the page, nothing stored
        WebElement url = browser.driver.findElement(By.cssSelector("[data-testid=webhook-form] input[name=url]"));
        url.sendKeys("http://127.0.0.2:9/hook");
        browser.driver.findElement(By.cssSelector("[data-testid=webhook-form] button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.driver
                .findElements(By.cssSelector("[data-testid=webhook-form] .problem")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=webhook-form] .problem")).getText())
                .contains("loopback");
        assertThat(api.scores(org, "webhooks").getList("webhooks")).isEmpty();

        // the one loopback address this platform allows (the discard port: nothing listens there)
        url = browser.driver.findElement(By.cssSelector("[data-testid=webhook-form] input[name=url]"));
        url.clear();
        url.sendKeys("http://127.0.0.1:9/hook");
        browser.driver.findElement(By.cssSelector("[data-testid=webhook-form] input[name='scores.changed']")).click();
        browser.driver.findElement(By.cssSelector("[data-testid=webhook-form] button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.driver
                .findElements(By.cssSelector("[data-testid=webhook-secret]")).isEmpty()
                && !browser.driver.findElements(By.cssSelector("[data-testid=webhook]")).isEmpty());
        String firstSecret = browser.driver.findElement(By.cssSelector("[data-testid=webhook-secret] code")).getText();
        assertThat(firstSecret).startsWith("whsec_");
        JsonPath stored = api.scores(org, "webhooks");
        assertThat(stored.getList("webhooks.events[0]")).containsExactly("alert.raised", "scores.changed");
        String id = stored.getString("webhooks[0].id");

        // a test event: nothing answers on port 9, so the log says why it was not delivered
        browser.driver.findElement(By.cssSelector("[data-testid='test-" + id + "']")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.driver.findElements(By.cssSelector("[data-testid=delivery]"))
                .stream().anyMatch(row -> row.getText().contains("could not connect")));
        assertThat(browser.seriousViolations(Browser.axeScript(Path.of(System.getProperty("voc.repository.root", "..")))))
                .as("the webhooks page with a webhook, its secret and its log").isEmpty();
        // seen again, the webhook is marked failing, and its log says why
        open("/?view=webhooks");
        assertThat(browser.driver.findElement(By.cssSelector("[data-webhook-id='" + id + "']")).getAttribute("data-state"))
                .isEqualTo("failing");
        browser.driver.findElement(By.cssSelector("[data-testid='deliveries-" + id + "']")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.findElements(By.cssSelector("[data-testid=delivery]"))
                .stream().anyMatch(row -> row.getText()
                        .contains("could not connect or send: ConnectException: refused or unreachable")));
        browser.screenshot("dashboard-webhooks");

        // sent again on request: one more attempt at once, in the log
        WebElement row = browser.driver.findElement(By.cssSelector("[data-testid=delivery]"));
        int before = Integer.parseInt(row.findElements(By.tagName("td")).get(3).getText());
        row.findElement(By.cssSelector("button[data-testid^='retry-']")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> Integer.parseInt(browser.driver
                .findElement(By.cssSelector("[data-testid=delivery]")).findElements(By.tagName("td")).get(3).getText())
                > before);

        // a new secret: shown once, with how long the replaced one signs beside it
        browser.driver.findElement(By.cssSelector("[data-testid='rotate-" + id + "']")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.driver
                .findElements(By.cssSelector("[data-testid=previous-secret]")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=webhook-secret] code")).getText())
                .startsWith("whsec_").isNotEqualTo(firstSecret);
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=previous-secret]")).getText())
                .startsWith("The previous secret signs too, beside this one, until ");
        browser.screenshot("dashboard-webhooks-new-secret");

        browser.driver.findElement(By.cssSelector("[data-testid='pause-" + id + "']")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> "paused".equals(browser.driver
                .findElement(By.cssSelector("[data-webhook-id='" + id + "']")).getAttribute("data-state")));
        assertThat(api.scores(org, "webhooks/" + id).getString("pausedReason")).isEqualTo("paused by its owner");

        browser.driver.findElement(By.cssSelector("[data-testid='delete-" + id + "']")).click();
        browser.driver.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.findElements(By.cssSelector("[data-testid=webhook]")).isEmpty());
        assertThat(api.scores(org, "webhooks").getList("webhooks")).isEmpty();
    }

    /** Opens a page of the dashboard signed in by deep link, and waits until its figures are there. */
    private void open(String pathAndQuery) {
        browser.driver.get(platform.url("dashboard") + pathAndQuery + "#org=" + org.id() + "&key=" + org.readKey());
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !browser.driver.findElements(By.cssSelector("#view > *")).isEmpty()
                    && browser.driver.findElement(By.id("view")).getAttribute("aria-busy") == null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            try {
                browser.screenshot("failed-" + pathAndQuery.replaceAll("[^a-z]+", "-"));
            } catch (java.io.IOException ignored) {
                // the assertion below says what matters
            }
            throw new AssertionError(pathAndQuery + " did not show its figures; the page says: "
                    + browser.driver.findElement(By.tagName("body")).getText() + "\nconsole:\n" + browser.consoleLog(), e);
        }
        List<WebElement> problems = browser.driver.findElements(By.cssSelector("#view .problem"));
        assertThat(problems).as(pathAndQuery + " shows a problem: "
                + problems.stream().map(WebElement::getText).toList() + "\nconsole:\n" + browser.consoleLog()).isEmpty();
    }

    /** A figure's exact value, read in one step: a live update may replace the element at any moment. */
    private String value(String testid) {
        return browser.attribute(testid, "data-value");
    }


    private void assertNumber(String testid, double expected) {
        assertThat(Double.parseDouble(value(testid))).as(testid).isCloseTo(expected, within(EPS));
    }
}
