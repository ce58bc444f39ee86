package io.vocmonitor.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vocmonitor.testing.VocInfrastructure;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Each read key has a request budget; the admin token has none. */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimit.class)
@WithTestResource(value = VocInfrastructure.class, initArgs = {
        @ResourceArg(name = "role", value = "voc_dashboard"),
        @ResourceArg(name = "views-for-readers", value = "true")})
class RateLimitTest {

    /** Two requests at once, then one every ten seconds. */
    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("voc.rate-limit.burst", "2", "voc.rate-limit.per-second", "0.1");
        }
    }

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @Test
    void aReadKeyOverItsRateIsToldWhenToComeBack() throws Exception {
        Fixtures.Keys org = new Fixtures(jdbcUrl).organisation("rate");
        String path = "/api/v1/organisations/" + org.id() + "/summary";

        given().header("X-Api-Key", org.readKey()).when().get(path).then().statusCode(200);
        given().header("X-Api-Key", org.readKey()).when().get(path).then().statusCode(200);
        String retryAfter = given().header("X-Api-Key", org.readKey()).when().get(path)
                .then().statusCode(429).contentType("application/problem+json").extract().header("Retry-After");

        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 10);
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", "Bearer " + VocInfrastructure.ADMIN_TOKEN).when().get(path).then().statusCode(200);
        }
    }
}
