package io.amcfacade.console;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * A console page's query string read field by field, by name. Each reader answers the field's value
 * (blank means absent, surrounding spaces are dropped), or {@code null} when it is malformed, and keeps a
 * {@link FieldError} naming it: a filter is parsed into a {@link Parsed} value with every mistake at once,
 * never into a positional array, and never by throwing at the first bad field.
 */
final class QueryFields {

    /** An AMC id, as {@code GET /v1/access} takes it. */
    static final Pattern ID = Pattern.compile("^[A-Za-z0-9._-]{1,120}$");
    static final String ID_RULE = "must match ^[A-Za-z0-9._-]{1,120}$";

    private final MultivaluedMap<String, String> query;
    private final List<FieldError> errors = new ArrayList<>();

    QueryFields(MultivaluedMap<String, String> query) {
        this.query = query;
    }

    /** The field's text; {@code null} when absent or blank. */
    String text(String name) {
        String value = query.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    String text(String name, int maxLength) {
        String value = text(name);
        return value != null && value.length() > maxLength ? error(name, "must be at most " + maxLength + " characters") : value;
    }

    String id(String name) {
        String value = text(name);
        return value != null && !ID.matcher(value).matches() ? error(name, ID_RULE) : value;
    }

    /** An id the page cannot do without. */
    String requiredId(String name) {
        return text(name) == null ? error(name, "is required") : id(name);
    }

    /** One of a closed set of values, read by {@code parse} (which throws {@link IllegalArgumentException} for others). */
    <T> T oneOf(String name, Function<String, T> parse, String rule) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            return error(name, rule);
        }
    }

    /** The viewer's zone as console.js puts it in the form; UTC without it. */
    ZoneId zone(String name) {
        String value = text(name);
        if (value == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            error(name, "must be a time zone such as Europe/Berlin or UTC");
            return ZoneOffset.UTC;
        }
    }

    /** A time read in {@code zone} ({@link ConsoleTime}); a bare date is the end of that day when {@code endOfDay}. */
    TimeField time(String name, ZoneId zone, boolean endOfDay) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return new TimeField(value, ConsoleTime.parse(value, zone, endOfDay));
        } catch (DateTimeException e) {
            return error(name, ConsoleTime.RULE);
        }
    }

    /** The value read, with what was wrong on the way. */
    <T> Parsed<T> parsed(T value) {
        return new Parsed<>(value, errors);
    }

    private <T> T error(String name, String rule) {
        errors.add(new FieldError(name, rule));
        return null;
    }
}
