package io.vocmonitor.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web dashboard's page load in Debian's headless chromium, against {@code ./voc up} with the demo organisation:
 * the time from navigation start to the frame that paints the first figures (the page's {@code voc:first-figures}
 * mark), cold (a new browser profile each run) and warm (the same browser again), the bytes a cold load transfers,
 * the requests that reach the dashboard-service for one view and for one live update, and that no figure is fetched
 * twice. Prints a Markdown table for BENCHMARKS.md.
 *
 * <pre>PageLoad DASHBOARD_URL SURVEY_URL ORG READ_KEY INGEST_KEY RUNS</pre>
 */
public final class PageLoad {

    private static final String VIEWS_QUERY = "&range=all";
    private static final List<String> VIEWS = List.of("overview", "serviceproof", "recovery", "trends", "segments", "alerts");

    /** What one navigation cost, read from the page's navigation and resource timing. */
    private static final String TIMING = """
            const nav = performance.getEntriesByType('navigation')[0];
            const mark = performance.getEntriesByName('voc:first-figures')[0];
            const resources = performance.getEntriesByType('resource');
            const fromServer = resources.filter((r) => r.transferSize > 0);
            return {
              figures: mark ? mark.startTime : -1,
              domContentLoaded: nav.domContentLoadedEventEnd,
              transferred: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
              requests: (nav.transferSize > 0 ? 1 : 0) + fromServer.length,
              sinceCleared: fromServer.length,
              api: resources.filter((r) => new URL(r.name).pathname.startsWith('/api/')).map((r) => r.name),
              other: fromServer.filter((r) => !new URL(r.name).pathname.startsWith('/api/')).map((r) => new URL(r.name).pathname),
            };
            """;

    private final String dashboard;
    private final String survey;
    private final String org;
    private final String readKey;
    private final String ingestKey;
    private final HttpClient http = HttpClient.newHttpClient();

    private PageLoad(String[] args) {
        dashboard = args[0];
        survey = args[1];
        org = args[2];
        readKey = args[3];
        ingestKey = args[4];
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: PageLoad DASHBOARD_URL SURVEY_URL ORG READ_KEY INGEST_KEY RUNS");
            System.exit(2);
        }
        new PageLoad(args).run(Integer.parseInt(args[5]));
    }

    private void run(int runs) throws Exception {
        String overview = dashboard + "/?view=overview" + VIEWS_QUERY;
        String deepLink = "#org=" + org + "&key=" + readKey;

        List<Map<String, Object>> cold = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            try (Chromium browser = new Chromium()) {
                Map<String, Object> timing = browser.load(overview + deepLink);
                if (run > 0) { // the first run warms the services' JIT, not the browser
                    cold.add(timing);
                }
                progress("cold", run, runs, timing);
            }
        }

        List<Map<String, Object>> warm = new ArrayList<>();
        Map<String, Map<String, Object>> views = new LinkedHashMap<>();
        Map<String, Object> live;
        try (Chromium browser = new Chromium()) {
            browser.load(overview + deepLink);
            for (int run = 1; run <= runs; run++) {
                Map<String, Object> timing = browser.load(overview);
                warm.add(timing);
                progress("warm", run, runs, timing);
            }
            for (String view : VIEWS) {
                views.put(view, browser.load(dashboard + "/?view=" + view + VIEWS_QUERY));
            }
            browser.load(overview);
            live = liveUpdate(browser);
        }

        System.out.println(table(cold, warm, views, live));
    }

    /** Posts one response and reads what the open overview asked the dashboard-service for to show it. */
    private Map<String, Object> liveUpdate(Chromium browser) throws Exception {
        waitFor(() -> String.valueOf(browser.script("return document.getElementById('status').textContent;"))
                .contains("live"), "the stream to be live");
        Thread.sleep(500);
        browser.script("performance.clearResourceTimings();");
        String before = String.valueOf(browser.script("return document.getElementById('status').dataset.updatedAt;"));
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(
                        URI.create(survey + "/api/v1/organisations/" + org + "/responses"))
                .header("Content-Type", "application/json").header("X-Api-Key", ingestKey)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"instrument":"SERVICEPROOF","channel":"WEB","answers":{"VALUE":5,"EMPATHY":4},"recommend":9}
                        """)).build(), HttpResponse.BodyHandlers.ofString());
        Instant accepted = Instant.now();
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("posting a response answered " + posted.statusCode() + ": " + posted.body());
        }
        waitFor(() -> !before.equals(String.valueOf(
                browser.script("return document.getElementById('status').dataset.updatedAt;"))), "the page to update");
        long shownAfter = Duration.between(accepted, Instant.now()).toMillis();
        Thread.sleep(1500); // anything asked for late is counted too
        Map<String, Object> timing = browser.timing();
        timing.put("shownAfter", shownAfter);
        return timing;
    }

    private String table(List<Map<String, Object>> cold, List<Map<String, Object>> warm,
                         Map<String, Map<String, Object>> views, Map<String, Object> live) {
        StringBuilder out = new StringBuilder();
        out.append("| measure | cold (median / p90 of ").append(cold.size()).append(") | warm (median / p90 of ")
                .append(warm.size()).append(") | target |\n|---|---|---|---|\n");
        out.append(row("first figures on screen, ms from navigation start", cold, warm, "figures", "< 1000"));
        out.append(row("DOMContentLoaded, ms", cold, warm, "domContentLoaded", ""));
        out.append(row("bytes transferred", cold, warm, "transferred", ""));
        out.append(row("requests reaching the dashboard-service (+ the stream)", cold, warm, "requests", ""));
        out.append("\n| view (warm) | requests reaching the service | API requests | each figure fetched once |\n|---|---|---|---|\n");
        views.forEach((view, timing) -> out.append("| ").append(view).append(" | ").append(timing.get("requests"))
                .append(" | ").append(apiPaths(timing)).append(" | ").append(once(timing)).append(" |\n"));
        out.append("| one live update (overview) | ").append(live.get("sinceCleared")).append(" | ").append(apiPaths(live))
                .append(" | ").append(once(live)).append(", shown ").append(live.get("shownAfter"))
                .append(" ms after the 202").append(((List<?>) live.get("other")).isEmpty() ? "" : "; also " + live.get("other"))
                .append(" |\n");
        return out.toString();
    }

    private static String row(String name, List<Map<String, Object>> cold, List<Map<String, Object>> warm, String key,
                              String target) {
        return "| " + name + " | " + spread(cold, key) + " | " + spread(warm, key) + " | " + target + " |\n";
    }

    private static String spread(List<Map<String, Object>> runs, String key) {
        List<Double> values = new ArrayList<>(runs.stream().map(r -> ((Number) r.get(key)).doubleValue()).toList());
        Collections.sort(values);
        double median = values.get(values.size() / 2);
        double p90 = values.get(Math.min(values.size() - 1, (int) Math.ceil(0.9 * values.size()) - 1));
        return String.format(Locale.ROOT, "%,.0f / %,.0f", median, p90);
    }

    @SuppressWarnings("unchecked")
    private static List<String> api(Map<String, Object> timing) {
        return (List<String>) timing.get("api");
    }

    private static String apiPaths(Map<String, Object> timing) {
        return api(timing).size() + " (" + String.join(", ", api(timing).stream()
                .map(url -> URI.create(url).getPath().replaceFirst("^/api/v1/organisations/[^/]+/?", "…/"))
                .toList()) + ")";
    }

    private static String once(Map<String, Object> timing) {
        return api(timing).size() == api(timing).stream().distinct().count() ? "yes" : "NO: " + api(timing);
    }

    private static void progress(String kind, int run, int runs, Map<String, Object> timing) {
        System.err.printf(Locale.ROOT, "page: %s %d/%d first figures %.0f ms, %s bytes%n", kind, run, runs,
                ((Number) timing.get("figures")).doubleValue(), timing.get("transferred"));
    }

    private static void waitFor(Supplier<Boolean> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("waited 20 s for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A headless chromium with a profile of its own: a new one is a cold cache. */
    private static final class Chromium implements AutoCloseable {

        private final ChromeDriver driver;

        Chromium() {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(new File("/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--window-size=1300,1000", "--lang=en-GB");
            driver = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        }

        /** Navigates and waits for the first figures; answers the navigation's timing. */
        Map<String, Object> load(String url) throws InterruptedException {
            driver.get(url);
            waitFor(() -> (Boolean) script("return performance.getEntriesByName('voc:first-figures').length > 0;"),
                    "the first figures of " + url.replaceFirst("#.*", ""));
            return timing();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> timing() {
            return new LinkedHashMap<>((Map<String, Object>) script(TIMING));
        }

        Object script(String script) {
            return driver.executeScript(script);
        }

        @Override
        public void close() {
            driver.quit();
        }
    }
}
