package io.vocmonitor.scoring.store;

import io.vocmonitor.aggregates.Touchpoints;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.scoring.config.ScoringConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides the touchpoint label a response is bucketed under: its normalised touchpoint (a scan's: its unit) while the
 * organisation has room for it (registered in {@code scoring.touchpoint}), {@link #OVERFLOW} after that.
 * Labels are never removed, so a response and its later retraction land on the same bucket. Known labels
 * are cached once the transaction that saw them has committed.
 */
@ApplicationScoped
public class TouchpointLabels {

    /** Where touchpoints past an organisation's limit are counted. */
    public static final String OVERFLOW = "other";

    private static final String TRANSACTION_KEY = TouchpointLabels.class.getName();

    private final ScoringConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    public TouchpointLabels(ScoringConfig config, TransactionSynchronizationRegistry transactions) {
        this.config = config;
        this.transactions = transactions;
    }

    /**
     * The bucket label of each response, in the caller's transaction. With {@code mayRegister}, new labels
     * are registered while their organisation has room; without it (retractions), unregistered labels are
     * {@link #OVERFLOW}, as they were when the response was counted.
     */
    public Map<ResponseSubmitted, String> labelsFor(Connection connection, Collection<ResponseSubmitted> responses,
            boolean mayRegister) throws SQLException {
        Set<String> known = knownInThisTransaction();
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        for (ResponseSubmitted response : responses) {
            String label = Touchpoints.of(response);
            String key = key(response.organisationId(), label);
            if (!label.equals(Touchpoints.NONE) && !registered.contains(key) && !known.contains(key)) {
                unknown.computeIfAbsent(response.organisationId(), org -> new LinkedHashSet<>()).add(label);
            }
        }
        if (!unknown.isEmpty()) {
            resolve(connection, unknown, mayRegister, known);
        }
        Map<ResponseSubmitted, String> labels = new IdentityHashMap<>(); // records hash every field
        for (ResponseSubmitted response : responses) {
            String label = Touchpoints.of(response);
            String key = key(response.organisationId(), label);
            boolean bucketed = label.equals(Touchpoints.NONE) || registered.contains(key) || known.contains(key);
            labels.put(response, bucketed ? label : OVERFLOW);
        }
        return labels;
    }

    private void resolve(Connection connection, Map<String, Set<String>> unknown, boolean mayRegister, Set<String> known)
            throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT organisation_id, label FROM scoring.touchpoint WHERE organisation_id = ANY (?)")) {
            s.setArray(1, connection.createArrayOf("text", unknown.keySet().toArray(String[]::new)));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    known.add(key(rows.getString(1), rows.getString(2)));
                    counts.merge(rows.getString(1), 1, Integer::sum);
                }
            }
        }
        if (!mayRegister) {
            return;
        }
        List<String[]> fresh = new ArrayList<>();
        unknown.forEach((organisation, labels) -> {
            int room = config.touchpoints().maxPerOrganisation() - counts.getOrDefault(organisation, 0);
            for (String label : labels) {
                if (room > 0 && !known.contains(key(organisation, label))) {
                    fresh.add(new String[] {organisation, label});
                    room--;
                }
            }
        });
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO scoring.touchpoint (organisation_id, label)
                SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT DO NOTHING
                """)) {
            s.setArray(1, connection.createArrayOf("text", fresh.stream().map(f -> f[0]).toArray(String[]::new)));
            s.setArray(2, connection.createArrayOf("text", fresh.stream().map(f -> f[1]).toArray(String[]::new)));
            s.executeUpdate();
        }
        fresh.forEach(f -> known.add(key(f[0], f[1])));
    }

    /** Labels seen in the current transaction; they join the shared cache only if it commits. */
    @SuppressWarnings("unchecked")
    private Set<String> knownInThisTransaction() {
        Set<String> known = (Set<String>) transactions.getResource(TRANSACTION_KEY);
        if (known == null) {
            Set<String> created = new HashSet<>();
            transactions.putResource(TRANSACTION_KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        registered.addAll(created);
                    }
                }
            });
            known = created;
        }
        return known;
    }

    private static String key(String organisation, String label) {
        return organisation + '\u0000' + label;
    }
}
