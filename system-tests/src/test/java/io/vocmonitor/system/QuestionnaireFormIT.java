package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hosted questionnaire in a real browser: an employee opens a scan link, picks a role, answers page by page (a
 * reload keeps what was answered), submits, and the scan is counted with the link's unit; a revoked link's form says
 * so. No serious accessibility violation; screenshots under target/screenshots.
 */
@SystemTest
class QuestionnaireFormIT {

    private Platform platform;
    private Api api;
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(1000, 1400);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anEmployeeFillsInAScanThroughTheFormAndItIsCounted() throws Exception {
        Api.Org org = api.register("form");
        JsonPath link = api.withKey(org.ingestKey()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SERVICE_EXCELLENCE_SCAN", "unit", "KCC", "askRole", true, "language", "en"))
                .when().post(api.survey(org) + "/links")
                .then().statusCode(201).extract().jsonPath();
        String url = link.getString("url");
        assertThat(url).startsWith(platform.url("survey") + "/r/");

        browser.driver.get(url);
        awaitHook("questionnaire-title");
        assertThat(browser.seriousViolations(Browser.axeScript(repository()))).as("the form's first page").isEmpty();
        browser.screenshot("form-intro");
        click("role", "MANAGER");

        // every statement gets a word: SYSTEMATIC on an element statement, AVERAGE on a result statement; but DESIGN_1
        // NO and CULTURE_2 NA
        Map<String, String> answered = new LinkedHashMap<>();
        boolean reloaded = false;
        int pages = Integer.parseInt(browser.attribute("progress", "data-pages"));
        for (int page = 1; page <= pages; page++) {
            awaitPage(page);
            List<String> names = names();
            for (String name : names) {
                List<String> values = values(name);
                String word = name.equals("DESIGN_1") ? "NO" : name.equals("CULTURE_2") ? "NA"
                        : values.contains("SYSTEMATIC") ? "SYSTEMATIC" : "AVERAGE";
                click(name, word);
                answered.put(name, word);
            }
            if (!reloaded && names.contains("DESIGN_1")) {
                // a reload keeps the page and what was answered on it
                browser.driver.navigate().refresh();
                awaitPage(page);
                assertThat(checked("DESIGN_1")).isEqualTo("NO");
                assertThat(checked("DESIGN_2")).isEqualTo("SYSTEMATIC");
                reloaded = true;
                if (page == 2) {
                    browser.screenshot("form-block");
                }
            }
            if (page < pages) {
                clickHook("next");
            }
        }
        assertThat(reloaded).isTrue();
        assertThat(answered).hasSize(44);
        clickHook("submit");
        awaitHook("thanks");
        browser.screenshot("form-thanks");
        // reopened on the same device, the link says the answers were sent instead of inviting a second response
        browser.driver.navigate().refresh();
        awaitHook("again");
        assertThat(browser.text("thanks")).contains("You sent your answers from this device");
        clickHook("again");
        awaitPage(1);

        // four colleagues answer through the API otherwise, so that the answers' distribution is shown (5 responses)
        for (int i = 0; i < 4; i++) {
            api.post(org, Map.of("instrument", "SERVICE_EXCELLENCE_SCAN", "role", "EMPLOYEE", "unit", "KCC",
                    "answers", Map.of("DESIGN_1", "STARTED", "DESIGN_2", "NO", "CULTURE_2", "STARTED",
                            "LOYAL_CUSTOMERS_1", "TOP")), 202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> api.scores(org, "summary").getInt("scan.responses") == 5);
        JsonPath scan = api.scores(org, "scan");
        assertThat(scan.getInt("blocks.DESIGN.items.DESIGN_1.distribution.NO")).isEqualTo(1);
        assertThat(scan.getInt("blocks.DESIGN.items.DESIGN_2.distribution.SYSTEMATIC")).isEqualTo(1);
        assertThat(scan.getInt("blocks.CULTURE.items.CULTURE_2.naCount")).isEqualTo(1);
        assertThat(scan.getInt("results.areas.LOYAL_CUSTOMERS.items.LOYAL_CUSTOMERS_1.distribution.AVERAGE")).isEqualTo(1);
        assertThat(scan.getInt("blocks.MONITORING.items.MONITORING_4.distribution.SYSTEMATIC")).isEqualTo(1);
        assertThat(scan.getList("byRole.role")).containsExactly("EMPLOYEE", "MANAGER");
        assertThat(scan.getInt("byRole.find { it.role == 'MANAGER' }.responses")).isEqualTo(1);
        assertThat(scan.getList("byUnit.unit")).containsExactly("kcc");
        assertThat(scan.getInt("byUnit[0].responses")).isEqualTo(5);

        // the organisation withdraws the link: the form says so instead of asking again
        api.withKey(org.ingestKey()).when().delete(api.survey(org) + "/links/" + link.getString("id"))
                .then().statusCode(200);
        browser.driver.get(url);
        awaitHook("problem");
        assertThat(browser.text("problem")).contains("withdrawn");
    }

    @Test
    void aCustomerAnswersServiceProofOnTheSameForm() throws Exception {
        Api.Org org = api.register("form-customers");
        String url = api.withKey(org.ingestKey()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SERVICEPROOF", "touchpoint", "checkout", "language", "nl"))
                .when().post(api.survey(org) + "/links")
                .then().statusCode(201).extract().jsonPath().getString("url");
        browser.driver.get(url);
        awaitHook("questionnaire-title");
        int pages = Integer.parseInt(browser.attribute("progress", "data-pages"));
        for (int page = 1; page <= pages; page++) {
            awaitPage(page);
            for (String name : names()) {
                List<String> values = values(name);
                if (name.equals("SENSING")) {
                    click(name, ""); // not applicable
                } else if (values.contains("4")) {
                    click(name, "4");
                } else if (values.contains("9")) {
                    click(name, "9");
                }
            }
            if (page < pages) {
                clickHook("next");
            }
        }
        assertThat(browser.seriousViolations(Browser.axeScript(repository()))).as("the form's last page").isEmpty();
        browser.screenshot("form-serviceproof-nl");
        clickHook("submit");
        awaitHook("thanks");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.scores(org, "summary").getInt("serviceproof.responses") == 1);
        JsonPath proof = api.scores(org, "serviceproof?channel=WEB&touchpoint=checkout");
        assertThat(proof.getInt("responses")).isEqualTo(1);
        assertThat(proof.getInt("aspects.SENSING.n")).isZero();
        assertThat(proof.getInt("aspects.VALUE.distribution.4")).isEqualTo(1);
    }

    private static Path repository() {
        return Path.of(System.getProperty("voc.repository.root", ".."));
    }

    private void awaitHook(String testid) {
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.attribute(testid, "data-testid") != null);
    }

    private void awaitPage(int page) {
        await().atMost(Duration.ofSeconds(15)).until(() -> String.valueOf(page).equals(browser.attribute("progress", "data-page")));
    }

    /** The names of the radio groups on the page, in order, the role's left out. */
    @SuppressWarnings("unchecked")
    private List<String> names() {
        return (List<String>) browser.script("return [...new Set([...document.querySelectorAll('input[type=radio]')]"
                + ".map(i => i.name))].filter(n => n !== 'role');");
    }

    @SuppressWarnings("unchecked")
    private List<String> values(String name) {
        return (List<String>) browser.script("return [...document.querySelectorAll(`input[type=radio][name='${arguments[0]}']`)]"
                + ".map(i => i.value);", name);
    }

    private void click(String name, String value) {
        Object found = browser.script("const i = document.querySelector(`input[type=radio][name='${arguments[0]}']"
                + "[value='${arguments[1]}']`); if (i) { i.click(); } return !!i;", name, value);
        assertThat(found).as(name + "=" + value + " on the page").isEqualTo(true);
    }

    private String checked(String name) {
        return (String) browser.script("return document.querySelector(`input[type=radio][name='${arguments[0]}']:checked`)"
                + "?.value ?? null;", name);
    }

    private void clickHook(String testid) {
        browser.script("document.querySelector(arguments[0]).click();", "[data-testid='" + testid + "']");
    }

}
