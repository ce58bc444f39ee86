package io.vocmonitor.runtime.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocmonitor.events.UnreadableEventException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The consumers' one failure policy, against a dead-letter sink and an applier of the test's own. */
class FailurePolicyTest {

    private record Parked(long offset, String reason, String detail) {
    }

    private final List<Parked> parked = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private final FailurePolicy policy = new FailurePolicy(
            (record, reason, detail) -> parked.add(new Parked(record.offset(), reason, detail)),
            new Patience(waits::add));

    @Test
    void unreadableRecordsAreParkedAndTheOthersAppliedInOneGo() throws Exception {
        List<List<Integer>> applied = new ArrayList<>();
        List<Integer> results = policy.consume(records("1", "x", "3"), FailurePolicyTest::decode, events -> {
            applied.add(events.stream().map(FailurePolicy.Decoded::event).toList());
            return events.size();
        });

        assertThat(applied).containsExactly(List.of(1, 3));
        assertThat(results).containsExactly(2);
        assertThat(parked).containsExactly(new Parked(1, "not-json", "not a number: x"));
    }

    @Test
    void aTransientDatabaseFailureIsWaitedOutWithGrowingPauses() throws Exception {
        int[] attempts = {0};
        List<Integer> results = policy.consume(records("1", "2"), FailurePolicyTest::decode, events -> {
            if (++attempts[0] <= 7) {
                throw new SQLException("connection refused", "08001");
            }
            return events.size();
        });

        assertThat(results).containsExactly(2);
        assertThat(parked).isEmpty();
        assertThat(waits).extracting(Duration::toMillis).containsExactly(200L, 400L, 800L, 1600L, 3200L, 6400L, 10000L);
    }

    @Test
    void aRecordThatFailsOnItsOwnIsParkedAndTheRestOfItsBatchApplied() throws Exception {
        List<List<Integer>> applied = new ArrayList<>();
        List<Integer> results = policy.consume(records("1", "2", "3"), FailurePolicyTest::decode, events -> {
            if (events.stream().anyMatch(e -> e.event() == 2)) {
                throw new SQLIntegrityConstraintViolationException("duplicate key", "23505");
            }
            applied.add(events.stream().map(FailurePolicy.Decoded::event).toList());
            return events.size();
        });

        assertThat(applied).containsExactly(List.of(1), List.of(3));
        assertThat(results).containsExactly(1, 1);
        assertThat(parked).singleElement().satisfies(p -> {
            assertThat(p.offset()).isEqualTo(1);
            assertThat(p.reason()).isEqualTo(FailurePolicy.UNPROCESSABLE);
            assertThat(p.detail()).contains("duplicate key");
        });
        assertThat(waits).as("a constraint violation does not pass by waiting").isEmpty();
    }

    @Test
    void onlyPassingDatabaseFailuresAreTransient() {
        assertThat(Transience.isTransient(new SQLException("gone", "08006"))).isTrue();
        assertThat(Transience.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(Transience.isTransient(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(Transience.isTransient(new SQLException("acquisition timeout"))).isTrue();
        assertThat(Transience.isTransient(new RuntimeException(new SQLException("too many connections", "53300")))).isTrue();
        assertThat(Transience.isTransient(new SQLException("unique violation", "23505"))).isFalse();
        assertThat(Transience.isTransient(new SQLException("syntax", "42601"))).isFalse();
        assertThat(Transience.isTransient(new IllegalStateException("a bug"))).isFalse();
    }

    private static Integer decode(String value) throws UnreadableEventException {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new UnreadableEventException("not-json", "not a number: " + value);
        }
    }

    private static List<ConsumerRecord<String, String>> records(String... values) {
        return IntStream.range(0, values.length)
                .mapToObj(i -> new ConsumerRecord<>("voc.test", 0, i, "org", values[i]))
                .toList();
    }
}
