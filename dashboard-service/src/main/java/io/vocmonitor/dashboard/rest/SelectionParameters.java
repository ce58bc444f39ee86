package io.vocmonitor.dashboard.rest;

import io.vocmonitor.aggregates.Touchpoints;
import io.vocmonitor.dashboard.service.InvalidQuery;
import io.vocmonitor.dashboard.service.Selection;
import io.vocmonitor.events.Channel;
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
 * dates, inclusive, UTC), {@code channel} (repeatable, or comma-separated) and {@code touchpoint}.
 */
final class SelectionParameters {

    private SelectionParameters() {
    }

    static Selection parse(String from, String to, List<String> channels, String touchpoint) {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new InvalidQuery("from (" + fromDate + ") is after to (" + toDate + ")");
        }
        Set<Channel> selected = EnumSet.noneOf(Channel.class);
        if (channels != null) {
            for (String parameter : channels) {
                for (String name : parameter.split(",")) {
                    if (!name.isBlank()) {
                        selected.add(channel(name.strip()));
                    }
                }
            }
        }
        String label = touchpoint == null || touchpoint.isBlank() ? null : Touchpoints.normalise(touchpoint);
        // an EnumSet keeps the channels in their declared order, so equal selections answer identically
        return new Selection(fromDate, toDate, Collections.unmodifiableSet(selected), label);
    }

    /**
     * The period to compare the selection with, for {@code compare=previous}: as many days right before
     * {@code from}, with the same channels and touchpoint; null without {@code compare}.
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
        return new Selection(selection.from().minusDays(days), selection.from().minusDays(1), selection.channels(),
                selection.touchpoint());
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

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("channel: unknown '" + name + "'; one of "
                    + Arrays.toString(Channel.values()));
        }
    }
}
