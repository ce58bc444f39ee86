package io.vocmonitor.dashboard.rest;

import io.vocmonitor.aggregates.Touchpoints;
import io.vocmonitor.dashboard.service.InvalidQuery;
import io.vocmonitor.dashboard.service.Selection;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.InstrumentDefinition;
import io.vocmonitor.events.ScanRole;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The selection query parameters of every score and trend endpoint (SPEC §5): {@code from}, {@code to} (ISO
 * dates, inclusive, UTC), {@code channel} (repeatable, or comma-separated) and {@code touchpoint}; on the Service
 * Excellence Scan, which has neither, {@code role} (repeatable, or comma-separated) and {@code unit} instead.
 */
final class SelectionParameters {

    private SelectionParameters() {
    }

    static Selection parse(String from, String to, List<String> channels, String touchpoint) {
        return parse(from, to, channels, touchpoint, null, null);
    }

    static Selection parse(String from, String to, List<String> channels, String touchpoint, List<String> roles,
            String unit) {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new InvalidQuery("from (" + fromDate + ") is after to (" + toDate + ")");
        }
        // an EnumSet keeps the names in their declared order, so equal selections answer identically
        Set<Channel> selected = names("channel", channels, Channel.class);
        Set<ScanRole> selectedRoles = names("role", roles, ScanRole.class);
        return new Selection(fromDate, toDate, selected, label(touchpoint), selectedRoles, label(unit));
    }

    /** Refuses segments the instrument does not have: a scan has no channel or touchpoint, customers no role or unit. */
    static void requireSegmentsOf(Instrument instrument, Selection selection) {
        boolean staff = InstrumentDefinition.of(instrument).respondents() == InstrumentDefinition.Respondents.STAFF;
        if (staff && (!selection.channels().isEmpty() || selection.touchpoint() != null)) {
            throw new InvalidQuery((selection.channels().isEmpty() ? "touchpoint" : "channel") + ": " + instrument
                    + " responses have no channel or touchpoint; select them by role and unit");
        }
        if (!staff && (!selection.roles().isEmpty() || selection.unit() != null)) {
            throw new InvalidQuery((selection.roles().isEmpty() ? "unit" : "role") + ": only "
                    + Instrument.SERVICE_EXCELLENCE_SCAN + " responses have a role and a unit; " + instrument
                    + " is selected by channel and touchpoint");
        }
    }

    private static String label(String value) {
        return value == null || value.isBlank() ? null : Touchpoints.normalise(value);
    }

    private static <E extends Enum<E>> Set<E> names(String parameter, List<String> values, Class<E> type) {
        Set<E> selected = EnumSet.noneOf(type);
        if (values != null) {
            for (String value : values) {
                for (String name : value.split(",")) {
                    if (!name.isBlank()) {
                        selected.add(constant(parameter, name.strip(), type));
                    }
                }
            }
        }
        return Collections.unmodifiableSet(selected);
    }

    /**
     * The period to compare the selection with, for {@code compare=previous}: as many days right before
     * {@code from}, with the same segments; null without {@code compare}.
     */
    static Selection previous(Selection selection, String compare) {
        if (compare == null || compare.isBlank()) {
            return null;
        }
        if (!compare.strip().equalsIgnoreCase("previous")) {
            throw new InvalidQuery("compare: 'previous' (the period of the same length before from), not '" + compare + "'");
        }
        if (selection.from() == null || selection.to() == null) {
            throw new InvalidQuery("compare=previous needs from and to: the previous period has the same length");
        }
        long days = ChronoUnit.DAYS.between(selection.from(), selection.to()) + 1;
        return selection.between(selection.from().minusDays(days), selection.from().minusDays(1));
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQuery(parameter + ": '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static <E extends Enum<E>> E constant(String parameter, String name, Class<E> type) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery(parameter + ": unknown '" + name + "'; one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
