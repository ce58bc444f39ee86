package io.vocmonitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vocmonitor.testing.TestDatabase;
import io.vocmonitor.testing.VocInfrastructure;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The views this service publishes for readers keep their contract ({@code views-for-readers.sql}): exactly its
 * columns, and the dashboard's role may read them and nothing else of the schema.
 */
@QuarkusTest
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_scoring"))
class ViewsForReadersTest {

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @Test
    void theViewsHaveExactlyTheContractedColumns() {
        assertThat(TestDatabase.viewColumns(jdbcUrl, "scoring"))
                .isEqualTo(TestDatabase.contractedViewColumns(jdbcUrl, "scoring"))
                .containsOnlyKeys("bucket_view", "score_version_view");
    }

    @Test
    void theDashboardReadsTheViewsAndNoTable() {
        for (String view : List.of("scoring.bucket_view", "scoring.score_version_view")) {
            assertThat(TestDatabase.canSelect(jdbcUrl, "voc_dashboard", view)).as(view).isTrue();
        }
        for (String table : List.of("scoring.bucket", "scoring.score_version", "scoring.response",
                "scoring.alert_outbox", "scoring.touchpoint", "scoring.bucket_item")) {
            assertThat(TestDatabase.canSelect(jdbcUrl, "voc_dashboard", table)).as(table).isFalse();
        }
    }
}
