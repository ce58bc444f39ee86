package io.vocmonitor.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vocmonitor.runtime.access.ApiKeys;
import io.vocmonitor.testing.TestDatabase;
import io.vocmonitor.testing.VocInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The views this service publishes for readers keep their contract ({@code views-for-readers.sql}): exactly its
 * columns, the dashboard's role may read them and nothing else of the schema, and they show only valid keys.
 */
@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_survey"))
class ViewsForReadersTest {

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @Test
    void theViewsHaveExactlyTheContractedColumns() {
        assertThat(TestDatabase.viewColumns(jdbcUrl, "survey"))
                .isEqualTo(TestDatabase.contractedViewColumns(jdbcUrl, "survey"))
                .containsOnlyKeys("credential_view", "organisation_view");
    }

    @Test
    void theDashboardReadsTheViewsAndNoTable() {
        for (String view : List.of("survey.credential_view", "survey.organisation_view")) {
            assertThat(TestDatabase.canSelect(jdbcUrl, "voc_dashboard", view)).as(view).isTrue();
        }
        for (String table : List.of("survey.api_key", "survey.organisation", "survey.flyway_schema_history")) {
            assertThat(TestDatabase.canSelect(jdbcUrl, "voc_dashboard", table)).as(table).isFalse();
        }
    }

    @Test
    void onlyValidKeysAreCredentials() throws Exception {
        Organisations.Registered org = Organisations.register("views");
        Organisations.Registered gone = Organisations.register("views-gone");
        RestAssured.given().header("Authorization", Organisations.ADMIN)
                .when().post("/api/v1/organisations/{org}/keys/rotate?scope=ingest", org.id()).then().statusCode(200);
        RestAssured.given().header("Authorization", Organisations.ADMIN)
                .when().post("/api/v1/organisations/{org}/deactivate", gone.id()).then().statusCode(200);

        assertThat(credentials(org.id())).hasSize(2).contains("READ " + ApiKeys.hash(org.readKey()))
                .doesNotContain("INGEST " + ApiKeys.hash(org.ingestKey()));
        assertThat(credentials(gone.id())).isEmpty();
    }

    private List<String> credentials(String organisationId) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_dashboard", "");
             PreparedStatement s = c.prepareStatement(
                     "SELECT scope, key_hash FROM survey.credential_view WHERE organisation_id = ?")) {
            s.setString(1, organisationId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        return found;
    }
}
