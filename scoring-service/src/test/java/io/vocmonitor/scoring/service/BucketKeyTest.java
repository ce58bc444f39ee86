package io.vocmonitor.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocmonitor.events.Channel;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
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
