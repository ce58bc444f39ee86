package io.vocmonitor.dashboard.store;

import io.agroal.api.AgroalDataSource;
import io.vocmonitor.aggregates.BucketLayout;
import io.vocmonitor.dashboard.service.Granularity;
import io.vocmonitor.dashboard.service.Selection;
import io.vocmonitor.aggregates.ScoreSums;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.Instrument;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the buckets the scoring-service publishes ({@code scoring.bucket_view}): the sums of one organisation's instrument over a {@link Selection}, from
 * the bucket rows of one primary-key range (organisation, instrument, days) — never a scan of raw responses.
 * Each row is one array of sums (see {@link BucketLayout}); the arrays are added up here, slot by slot, and
 * decoded once per answer.
 */
@ApplicationScoped
public class BucketReader {

    private final AgroalDataSource dataSource;

    public BucketReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The sums of the whole selection. */
    public ScoreSums sums(String organisationId, Instrument instrument, Selection selection) {
        Map<String, ScoreSums> one = query(organisationId, instrument, selection, day -> "");
        return one.isEmpty() ? new ScoreSums() : one.values().iterator().next();
    }

    /** The sums of each period of the selection that has buckets, oldest first. */
    public Map<String, ScoreSums> sumsByPeriod(String organisationId, Instrument instrument, Selection selection,
            Granularity granularity) {
        return query(organisationId, instrument, selection, granularity::label);
    }

    private Map<String, ScoreSums> query(String organisationId, Instrument instrument, Selection selection,
            Function<LocalDate, String> period) {
        StringBuilder sql = new StringBuilder(
                "SELECT day, sums FROM scoring.bucket_view WHERE organisation_id = ? AND instrument = ?");
        List<Object> parameters = new ArrayList<>(List.of(organisationId, instrument.name()));
        if (selection.from() != null) {
            sql.append(" AND day >= ?");
            parameters.add(Date.valueOf(selection.from()));
        }
        if (selection.to() != null) {
            sql.append(" AND day <= ?");
            parameters.add(Date.valueOf(selection.to()));
        }
        if (!selection.channels().isEmpty()) {
            sql.append(" AND channel = ANY (?)");
            parameters.add(selection.channels().stream().map(Channel::name).sorted().toArray(String[]::new));
        }
        if (selection.touchpoint() != null) {
            sql.append(" AND touchpoint = ?");
            parameters.add(selection.touchpoint());
        }

        Map<String, long[]> totals = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, parameter);
                }
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    long[] sums = longs(rows.getArray(2));
                    totals.merge(period.apply(rows.getObject(1, LocalDate.class)), sums, BucketLayout::add);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the buckets of " + organisationId + " failed", e);
        }
        BucketLayout layout = BucketLayout.of(instrument);
        Map<String, ScoreSums> periods = new LinkedHashMap<>();
        totals.forEach((label, sums) -> periods.put(label, layout.decode(sums)));
        return periods;
    }

    /** A {@code bigint[]} column's values; the driver reads it in binary once the statement is prepared. */
    private static long[] longs(Array array) throws SQLException {
        try {
            Long[] values = (Long[]) array.getArray();
            long[] sums = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                sums[i] = values[i];
            }
            return sums;
        } finally {
            array.free();
        }
    }
}
