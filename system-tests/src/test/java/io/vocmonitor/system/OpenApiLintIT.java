package io.vocmonitor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API contract for front-ends: Spectral's {@code spectral:oas} ruleset finds no error and no warning in the
 * OpenAPI documents the packaged survey and dashboard services serve (every answer with a schema, every operation
 * with an operationId, a tag and a description). Spectral comes from npm, into {@code .npm-tools/}.
 */
@SystemTest
class OpenApiLintIT {

    private Platform platform;
    private Api api;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"survey", "dashboard"})
    void spectralFindsNothingToReport(String service) throws Exception {
        Path root = Path.of(System.getProperty("voc.repository.root", "..")).toAbsolutePath().normalize();
        Path spectral = root.resolve(".npm-tools/node_modules/.bin/spectral");
        Browser.requireTool(spectral, "spectral", "npm install --prefix .npm-tools @stoplight/spectral-cli@6");
        Path folder = root.resolve("system-tests/target/openapi");
        Files.createDirectories(folder);
        Path ruleset = Files.writeString(folder.resolve(".spectral.yaml"), "extends: [\"spectral:oas\"]\n");
        Path document = folder.resolve(service + ".json");
        Files.writeString(document, api.given().when().get(platform.url(service) + "/q/openapi?format=json")
                .then().statusCode(200).extract().asString());

        Process lint = new ProcessBuilder(spectral.toString(), "lint", "--ruleset", ruleset.toString(),
                "--fail-severity", "warn", document.toString()).redirectErrorStream(true).start();
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as(report).isZero();
    }
}
