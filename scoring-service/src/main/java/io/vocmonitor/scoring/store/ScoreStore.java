package io.vocmonitor.scoring.store;

import io.vocmonitor.aggregates.BucketLayout;
import io.vocmonitor.aggregates.ScoreSums;
import io.vocmonitor.events.EventCodec;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseEvent;
import io.vocmonitor.events.ResponseRetracted;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScoreUpdate;
import io.vocmonitor.events.UnreadableEventException;
import io.vocmonitor.scoring.service.BucketKey;
import io.vocmonitor.scoring.service.OrganisationInstrument;
import io.vocmonitor.scoring.service.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The scoring schema in SQL: the response ledger and archive, the buckets and the score versions. Every
 * method works in the caller's transaction and does all its rows in one statement (arrays and {@code unnest}),
 * a retraction in at most two, so a batch costs a few round trips, whatever its size.
 */
@ApplicationScoped
public class ScoreStore {

    private static final String RECORD_NEW = """
            INSERT INTO scoring.response (response_id, organisation_id, instrument, answered_at, received_at, payload)
            SELECT id, org, instrument, answered_at::timestamptz, received_at::timestamptz, payload::jsonb
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 AS t(id, org, instrument, answered_at, received_at, payload)
            ON CONFLICT (response_id) DO NOTHING
            RETURNING response_id
            """;

    private static final String RETRACT = """
            WITH archived AS (
                SELECT response_id, payload FROM scoring.response
                WHERE response_id = ? AND organisation_id = ? AND retracted_at IS NULL
                FOR UPDATE)
            UPDATE scoring.response r
            SET retracted_at = now(), payload = NULL, answered_at = NULL, received_at = NULL
            FROM archived
            WHERE r.response_id = archived.response_id
            RETURNING archived.payload::text
            """;

    private static final String TOMBSTONE = """
            INSERT INTO scoring.response (response_id, organisation_id, retracted_at)
            VALUES (?, ?, now())
            ON CONFLICT (response_id) DO NOTHING
            """;

    private static final String ADD_TO_BUCKETS = """
            INSERT INTO scoring.bucket AS b (organisation_id, instrument, day, channel, touchpoint, sums)
            SELECT t.org, t.instrument, t.day, t.channel, t.touchpoint, p.sums[t.first_slot:t.last_slot]
            FROM unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::int[], ?::int[])
                     AS t(org, instrument, day, channel, touchpoint, first_slot, last_slot),
                 (SELECT ?::bigint[] AS sums) p
            ON CONFLICT (organisation_id, instrument, day, channel, touchpoint)
            DO UPDATE SET sums = scoring.add_sums(b.sums, excluded.sums)
            """;

    private static final String BUMP_VERSIONS = """
            INSERT INTO scoring.score_version AS v (organisation_id, instrument, version, updated_at)
            SELECT org, instrument, 1, now() FROM unnest(?::text[], ?::text[]) AS t(org, instrument)
            ON CONFLICT (organisation_id, instrument) DO UPDATE SET version = v.version + 1, updated_at = excluded.updated_at
            RETURNING organisation_id, instrument, version, updated_at
            """;

    /**
     * Records the submissions in the ledger and archive, each with the JSON it was received as; answers the ids
     * that were not there before.
     */
    public Set<UUID> recordNew(Connection connection, List<ReceivedEvent<ResponseSubmitted>> responses)
            throws SQLException {
        int size = responses.size();
        UUID[] ids = new UUID[size];
        String[] organisations = new String[size];
        String[] instruments = new String[size];
        String[] answeredAt = new String[size];
        String[] receivedAt = new String[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            ResponseSubmitted r = responses.get(i).event();
            ids[i] = r.responseId();
            organisations[i] = r.organisationId();
            instruments[i] = r.instrument().name();
            answeredAt[i] = r.answeredAt().toString();
            receivedAt[i] = r.receivedAt().toString();
            payloads[i] = responses.get(i).json();
        }
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(RECORD_NEW)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            statement.setArray(2, textArray(connection, organisations));
            statement.setArray(3, textArray(connection, instruments));
            statement.setArray(4, textArray(connection, answeredAt));
            statement.setArray(5, textArray(connection, receivedAt));
            statement.setArray(6, textArray(connection, payloads));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    /**
     * Erases a response from the archive and answers what it had contributed, so the caller can subtract it.
     * Empty when the response is unknown or already retracted; an unknown id is recorded as retracted, so the
     * response is not counted when it arrives later.
     */
    public Optional<ResponseSubmitted> retract(Connection connection, ResponseRetracted retraction) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RETRACT)) {
            statement.setObject(1, retraction.responseId());
            statement.setString(2, retraction.organisationId());
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    return Optional.of(decodeArchived(rows.getString(1)));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(TOMBSTONE)) {
            statement.setObject(1, retraction.responseId());
            statement.setString(2, retraction.organisationId());
            statement.executeUpdate();
        }
        return Optional.empty();
    }

    /**
     * Adds the deltas to their buckets, creating the buckets that do not exist yet: one row per bucket. The
     * arrays of sums travel as one binary {@code bigint[]}, each row taking its slice of it.
     */
    public void addToBuckets(Connection connection, Map<BucketKey, ScoreSums> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        int rows = deltas.size();
        String[] organisations = new String[rows];
        String[] instruments = new String[rows];
        String[] days = new String[rows];
        String[] channels = new String[rows];
        String[] touchpoints = new String[rows];
        Integer[] firstSlots = new Integer[rows];
        Integer[] lastSlots = new Integer[rows];
        long[] allSums = new long[deltas.keySet().stream()
                .mapToInt(key -> BucketLayout.of(key.instrument()).width()).sum()];
        int slots = 0;
        int row = 0;
        // in key order, so concurrent batches lock the rows they share in the same order
        for (Map.Entry<BucketKey, ScoreSums> delta : new TreeMap<>(deltas).entrySet()) {
            BucketKey key = delta.getKey();
            long[] sums = BucketLayout.of(key.instrument()).encode(delta.getValue());
            organisations[row] = key.organisationId();
            instruments[row] = key.instrument().name();
            days[row] = key.day().toString();
            channels[row] = key.channel();
            touchpoints[row] = key.touchpoint();
            firstSlots[row] = slots + 1;
            lastSlots[row] = slots + sums.length;
            System.arraycopy(sums, 0, allSums, slots, sums.length);
            slots += sums.length;
            row++;
        }
        try (PreparedStatement statement = connection.prepareStatement(ADD_TO_BUCKETS)) {
            statement.setArray(1, textArray(connection, organisations));
            statement.setArray(2, textArray(connection, instruments));
            statement.setArray(3, textArray(connection, days));
            statement.setArray(4, textArray(connection, channels));
            statement.setArray(5, textArray(connection, touchpoints));
            statement.setArray(6, connection.createArrayOf("int4", firstSlots));
            statement.setArray(7, connection.createArrayOf("int4", lastSlots));
            statement.setObject(8, allSums);
            statement.executeUpdate();
        }
    }

    /** Increments the score version of each (organisation, instrument) and answers the new versions. */
    public List<ScoreUpdate> bumpVersions(Connection connection, Set<OrganisationInstrument> changed) throws SQLException {
        List<ScoreUpdate> updates = new ArrayList<>();
        if (changed.isEmpty()) {
            return updates;
        }
        try (PreparedStatement statement = connection.prepareStatement(BUMP_VERSIONS)) {
            List<OrganisationInstrument> ordered = changed.stream()
                    .sorted(Comparator.comparing(OrganisationInstrument::organisationId)
                            .thenComparing(OrganisationInstrument::instrument))
                    .toList();
            statement.setArray(1, textArray(connection,
                    ordered.stream().map(OrganisationInstrument::organisationId).toArray(String[]::new)));
            statement.setArray(2, textArray(connection,
                    ordered.stream().map(c -> c.instrument().name()).toArray(String[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    updates.add(ScoreUpdate.of(rows.getString(1), Instrument.valueOf(rows.getString(2)),
                            rows.getLong(3), rows.getTimestamp(4).toInstant()));
                }
            }
        }
        return updates;
    }


    private static Array textArray(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    private static ResponseSubmitted decodeArchived(String payload) {
        try {
            ResponseEvent event = EventCodec.decodeResponseEvent(payload);
            return (ResponseSubmitted) event;
        } catch (UnreadableEventException | ClassCastException e) {
            throw new IllegalStateException("the archive holds an unreadable response", e);
        }
    }
}
