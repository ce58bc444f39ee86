package io.vocmonitor.dashboard.service;

import io.agroal.api.AgroalDataSource;
import io.vocmonitor.aggregates.ItemSums;
import io.vocmonitor.aggregates.ScoreSums;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.Instrument;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the scoring-service's buckets: the sums of one organisation's instrument over a {@link Selection},
 * added up by PostgreSQL in one query over the bucket index — never a scan of raw responses.
 */
@ApplicationScoped
public class BucketReader {

    private static final String SUMS = "sum(n), sum(sum_x), sum(sum_x2), sum(sum_y), sum(sum_y2), sum(sum_xy), "
            + "sum(count_0), sum(count_1), sum(count_2), sum(count_3), sum(count_4), sum(count_5), sum(count_6), "
            + "sum(count_7), sum(count_8), sum(count_9), sum(count_10)";

    private final AgroalDataSource dataSource;

    public BucketReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The sums of the whole selection. */
    public ScoreSums sums(String organisationId, Instrument instrument, Selection selection) {
        Map<String, ScoreSums> one = query(organisationId, instrument, selection, "''");
        return one.isEmpty() ? new ScoreSums() : one.values().iterator().next();
    }

    /** The sums of each period of the selection that has buckets, oldest first. */
    public Map<String, ScoreSums> sumsByPeriod(String organisationId, Instrument instrument, Selection selection,
            Granularity granularity) {
        return query(organisationId, instrument, selection, granularity.periodSql());
    }

    private Map<String, ScoreSums> query(String organisationId, Instrument instrument, Selection selection,
            String periodSql) {
        StringBuilder sql = new StringBuilder("SELECT " + periodSql + " AS period, item, " + SUMS
                + " FROM scoring.bucket WHERE organisation_id = ? AND instrument = ?");
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
        sql.append(" GROUP BY period, item ORDER BY period");

        Map<String, ScoreSums> periods = new LinkedHashMap<>();
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
                    long[] counts = new long[ItemSums.COUNT_SLOTS];
                    for (int slot = 0; slot < ItemSums.COUNT_SLOTS; slot++) {
                        counts[slot] = rows.getLong(9 + slot);
                    }
                    periods.computeIfAbsent(rows.getString(1), p -> new ScoreSums()).plus(rows.getString(2),
                            ItemSums.of(rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6),
                                    rows.getLong(7), rows.getLong(8), counts));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the buckets of " + organisationId + " failed", e);
        }
        return periods;
    }
}
