package io.vocmonitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseRetracted;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.Topics;
import io.vocmonitor.testing.TopicProbe;
import io.vocmonitor.testing.VocInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Touchpoints (and a scan's units, in the same place) are normalised bucket labels, at most a configured number per
 * organisation.
 */
@QuarkusTest
@TestProfile(TouchpointCapTest.TwoTouchpoints.class)
@WithTestResource(value = VocInfrastructure.class, initArgs = @ResourceArg(name = "role", value = "voc_scoring"))
class TouchpointCapTest {

    /** Room for two touchpoints per organisation. */
    public static class TwoTouchpoints implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("voc.touchpoints.max-per-organisation", "2");
        }
    }

    @ConfigProperty(name = "test.kafka")
    String kafka;

    @ConfigProperty(name = "test.jdbc-url")
    String jdbcUrl;

    @Test
    void labelsPastTheLimitAreCountedAsOtherAndRetractionsFindThem() throws Exception {
        String org = "touch-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseSubmitted returns = response(org, "Returns");
        for (ResponseSubmitted response : new ResponseSubmitted[] {response(org, " Billing "), response(org, "billing"),
                response(org, "Home  Delivery"), returns, response(org, "Support"), response(org, null)}) {
            TopicProbe.produce(kafka, Topics.RESPONSES, org, EventCodec.encode(response));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> responsesByTouchpoint(org).values().stream()
                .mapToLong(Long::longValue).sum() == 6);

        assertThat(responsesByTouchpoint(org)).containsExactly(Map.entry("", 1L), Map.entry("billing", 2L),
                Map.entry("home delivery", 1L), Map.entry("other", 2L));

        TopicProbe.produce(kafka, Topics.RESPONSES, org,
                EventCodec.encode(ResponseRetracted.of(returns.responseId(), org, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> responsesByTouchpoint(org).get("other") == 1L);
        assertThat(responsesByTouchpoint(org)).containsEntry("billing", 2L).containsEntry("home delivery", 1L);
    }

    @Test
    void aScansUnitsAreBoundedTheSameWay() throws Exception {
        String org = "units-" + UUID.randomUUID().toString().substring(0, 8);
        for (String unit : new String[] {"KCC", " kcc", "MarCom", "Operations", null}) {
            ResponseSubmitted scan = ResponseSubmitted.builder().responseId(UUID.randomUUID()).organisationId(org)
                    .instrument(Instrument.SERVICE_EXCELLENCE_SCAN).answeredAt(Instant.parse("2026-11-20T10:15:00Z"))
                    .receivedAt(Instant.now()).unit(unit).answer("DESIGN_1", 3).build();
            TopicProbe.produce(kafka, Topics.RESPONSES, org, EventCodec.encode(scan));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> responsesByTouchpoint(org).values().stream()
                .mapToLong(Long::longValue).sum() == 5);
        assertThat(responsesByTouchpoint(org)).containsExactly(Map.entry("", 1L), Map.entry("kcc", 2L),
                Map.entry("marcom", 1L), Map.entry("other", 1L));
    }

    private Map<String, Long> responsesByTouchpoint(String org) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "voc_scoring", "");
             PreparedStatement s = c.prepareStatement("SELECT touchpoint, sum(sums[1]) FROM scoring.bucket "
                     + "WHERE organisation_id = ? GROUP BY touchpoint")) {
            s.setString(1, org);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static ResponseSubmitted response(String org, String touchpoint) {
        return ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId(org)
                .instrument(Instrument.SERVICEPROOF)
                .answeredAt(Instant.parse("2026-11-20T10:15:00Z"))
                .receivedAt(Instant.now())
                .channel(Channel.WEB)
                .touchpoint(touchpoint)
                .answer("VALUE", 4)
                .build();
    }
}
