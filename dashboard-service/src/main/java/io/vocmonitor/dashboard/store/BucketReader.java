package io.vocmonitor.dashboard.store;

import io.vocmonitor.aggregates.BucketLayout;
import io.vocmonitor.aggregates.BucketSegments;
import io.vocmonitor.aggregates.ScanBenchmark;
import io.vocmonitor.aggregates.ScoreSums;
import io.vocmonitor.dashboard.service.Granularity;
import io.vocmonitor.dashboard.service.Selection;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.InstrumentDefinition;
import io.vocmonitor.events.InstrumentDefinition.Respondents;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
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

    private final Reads reads;

    public BucketReader(Reads reads) {
        this.reads = reads;
    }

    /** One bucket row's place: its day and its two segment columns (see {@link BucketSegments}). */
    public record Row(LocalDate day, String channel, String touchpoint) {
    }

    /** The sums of the whole selection. */
    public ScoreSums sums(String organisationId, Instrument instrument, Selection selection) {
        Map<String, ScoreSums> one = query(organisationId, instrument, selection, row -> "");
        return one.isEmpty() ? new ScoreSums() : one.values().iterator().next();
    }

    /** The sums of each period of the selection that has buckets, oldest first. */
    public Map<String, ScoreSums> sumsByPeriod(String organisationId, Instrument instrument, Selection selection,
            Granularity granularity) {
        return query(organisationId, instrument, selection, row -> granularity.label(row.day()));
    }

    /**
     * The sums of each group of the selection's buckets, in the groups' order: e.g. by a scan bucket's role (its
     * {@code channel} column) or unit ({@code touchpoint}).
     */
    public Map<String, ScoreSums> sumsBy(String organisationId, Instrument instrument, Selection selection,
            Function<Row, String> group) {
        return query(organisationId, instrument, selection, group);
    }

    /**
     * Every active organisation's sums of the instrument, all time, with its sector: the bucket rows of one
     * instrument, added up per organisation — never raw responses. An instrument of occasional rounds (the scan) has
     * few of them.
     */
    public List<ScanBenchmark.Participant> sumsPerOrganisation(Instrument instrument) {
        String sql = """
                SELECT b.organisation_id, o.sector, b.sums
                FROM scoring.bucket_view b JOIN survey.organisation_view o ON o.id = b.organisation_id AND o.active
                WHERE b.instrument = ?""";
        List<Object> parameters = List.of(instrument.name());
        Map<String, String> sectors = new TreeMap<>();
        Map<String, long[]> totals = new TreeMap<>();
        try (Connection c = reads.connection(); PreparedStatement s = prepare(c, sql, parameters);
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                sectors.put(rows.getString(1), rows.getString(2));
                totals.merge(rows.getString(1), longs(rows.getArray(3)), BucketLayout::add);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the " + instrument + " buckets of every organisation failed", e);
        }
        BucketLayout layout = BucketLayout.of(instrument);
        List<ScanBenchmark.Participant> organisations = new ArrayList<>();
        totals.forEach((id, sums) -> organisations.add(new ScanBenchmark.Participant(id, sectors.get(id),
                layout.decode(sums))));
        return organisations;
    }

    /**
     * A tag that changes whenever any organisation's sums of the instrument change (score versions only grow) or an
     * organisation's sector or state does: what answers that compare organisations are cached and tagged by.
     */
    public String versionOfAll(Instrument instrument) {
        try (Connection c = reads.connection(); PreparedStatement s = c.prepareStatement("""
                SELECT count(*), coalesce(sum(v.version), 0),
                       coalesce(sum(hashtext(o.id || ':' || o.sector || ':' || o.active::text)::bigint), 0)
                FROM scoring.score_version_view v JOIN survey.organisation_view o ON o.id = v.organisation_id
                WHERE v.instrument = ?
                """)) {
            s.setString(1, instrument.name());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1) + "-" + rows.getLong(2) + "-" + Long.toHexString(rows.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the score versions of " + instrument + " failed", e);
        }
    }

    /** The score versions of each of the organisations that has scores: organisation id → instrument → version. */
    public Map<String, Map<Instrument, Long>> versions(Collection<String> organisationIds) {
        Map<String, Map<Instrument, Long>> versions = new TreeMap<>();
        try (Connection c = reads.connection(); PreparedStatement s = prepare(c,
                "SELECT organisation_id, instrument, version FROM scoring.score_version_view WHERE organisation_id = ANY (?)",
                List.of((Object) organisationIds.toArray(String[]::new))); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                versions.computeIfAbsent(rows.getString(1), id -> new EnumMap<>(Instrument.class))
                        .put(Instrument.valueOf(rows.getString(2)), rows.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the score versions failed", e);
        }
        return versions;
    }

    private Map<String, ScoreSums> query(String organisationId, Instrument instrument, Selection selection,
            Function<Row, String> group) {
        StringBuilder sql = new StringBuilder(
                "SELECT day, channel, touchpoint, sums FROM scoring.bucket_view WHERE organisation_id = ? AND instrument = ?");
        List<Object> parameters = new ArrayList<>(List.of(organisationId, instrument.name()));
        days(sql, parameters, selection);
        // a selection's segments are those of the instrument's respondents: channels and touchpoint for customers,
        // roles and unit for staff (the scan), kept in the same two columns
        boolean staff = InstrumentDefinition.of(instrument).respondents() == Respondents.STAFF;
        List<String> firstSegment = staff ? selection.roles().stream().map(Enum::name).toList()
                : selection.channels().stream().map(Enum::name).toList();
        String secondSegment = staff ? selection.unit() : selection.touchpoint();
        if (!firstSegment.isEmpty()) {
            sql.append(" AND channel = ANY (?)");
            parameters.add(firstSegment.stream().sorted().toArray(String[]::new));
        }
        if (secondSegment != null) {
            sql.append(" AND touchpoint = ?");
            parameters.add(secondSegment);
        }

        Map<String, long[]> totals = new TreeMap<>();
        try (Connection c = reads.connection(); PreparedStatement s = prepare(c, sql, parameters);
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                long[] sums = longs(rows.getArray(4));
                Row row = new Row(rows.getObject(1, LocalDate.class), rows.getString(2), rows.getString(3));
                totals.merge(group.apply(row), sums, BucketLayout::add);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the buckets of " + organisationId + " failed", e);
        }
        BucketLayout layout = BucketLayout.of(instrument);
        Map<String, ScoreSums> periods = new LinkedHashMap<>();
        totals.forEach((label, sums) -> periods.put(label, layout.decode(sums)));
        return periods;
    }

    private static void days(StringBuilder sql, List<Object> parameters, Selection selection) {
        if (selection.from() != null) {
            sql.append(" AND day >= ?");
            parameters.add(Date.valueOf(selection.from()));
        }
        if (selection.to() != null) {
            sql.append(" AND day <= ?");
            parameters.add(Date.valueOf(selection.to()));
        }
    }

    private static PreparedStatement prepare(Connection c, CharSequence sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement s = c.prepareStatement(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            Object parameter = parameters.get(i);
            if (parameter instanceof String[] array) {
                s.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                s.setObject(i + 1, parameter);
            }
        }
        return s;
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
