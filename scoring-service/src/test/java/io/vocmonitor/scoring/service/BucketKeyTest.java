package io.vocmonitor.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocmonitor.aggregates.BucketSegments;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScanRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BucketKeyTest {

    @Test
    void theDayIsTheUtcDayOfAnswering() {
        assertThat(key("2026-11-20T23:59:59Z").day()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(key("2026-11-21T00:00:00Z").day()).isEqualTo(LocalDate.parse("2026-11-21"));
        // 00:30 in Amsterdam is still the previous day in UTC
        assertThat(key("2026-11-21T00:30:00+01:00").day()).isEqualTo(LocalDate.parse("2026-11-20"));
    }

    @Test
    void aScanIsSegmentedByRoleAndUnitACustomerResponseByChannelAndTouchpoint() {
        ResponseSubmitted.Builder scan = ResponseSubmitted.builder().responseId(UUID.randomUUID()).organisationId("acme")
                .instrument(Instrument.SERVICE_EXCELLENCE_SCAN).answeredAt(Instant.parse("2026-11-20T10:00:00Z"))
                .receivedAt(Instant.now()).answer("DESIGN_1", 3);
        assertThat(BucketKey.of(scan.role(ScanRole.EXECUTIVE).build(), "kcc"))
                .isEqualTo(new BucketKey("acme", Instrument.SERVICE_EXCELLENCE_SCAN, LocalDate.parse("2026-11-20"),
                        "EXECUTIVE", "kcc"));
        assertThat(BucketKey.of(scan.role(null).build(), "").channel()).isEqualTo(BucketSegments.NO_ROLE);
        assertThat(key("2026-11-20T10:00:00Z").channel()).isEqualTo("WEB");
    }

    private static BucketKey key(String answeredAt) {
        ResponseSubmitted response = ResponseSubmitted.builder()
                .responseId(UUID.randomUUID())
                .organisationId("acme")
                .instrument(Instrument.SERVICEPROOF)
                .answeredAt(java.time.OffsetDateTime.parse(answeredAt).toInstant())
                .receivedAt(Instant.now())
                .channel(Channel.WEB)
                .answer("VALUE", 3)
                .build();
        return BucketKey.of(response, "");
    }
}
