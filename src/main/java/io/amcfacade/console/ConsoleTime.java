package io.amcfacade.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as the console's forms send them: an instant with an offset (links, and the API's own form), a
 * date and time from a {@code datetime-local} picker, or a date from a {@code date} picker. The last two
 * are read in the viewer's zone, which console.js puts in the form's {@code zone} field (UTC without it).
 */
final class ConsoleTime {

    static final String RULE = "must be a date (2026-12-01), a date and time (2026-12-01T09:30) or an instant "
            + "(2026-12-01T09:30:00Z)";
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ConsoleTime() {
    }

    /**
     * @param endOfDay whether a bare date means the end of that day (the start of the next), not its start
     * @return the instant
     * @throws DateTimeException when {@code value} is none of the three forms ({@link #RULE})
     */
    static Instant parse(String value, ZoneId zone, boolean endOfDay) {
        if (value.length() == 10) {
            LocalDate day = LocalDate.parse(value);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        if (value.endsWith("Z") || value.endsWith("z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return OffsetDateTime.parse(value.toUpperCase(java.util.Locale.ROOT)).toInstant();
        }
        return LocalDateTime.parse(value).atZone(zone).toInstant();
    }

    /** The value a {@code datetime-local} picker shows for {@code instant} in {@code zone}. */
    static String picker(Instant instant, ZoneId zone) {
        return instant == null ? null : PICKER.format(instant.atZone(zone));
    }
}
