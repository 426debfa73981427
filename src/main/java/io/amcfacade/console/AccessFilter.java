package io.amcfacade.console;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import io.amcfacade.access.query.AccessInventory.GrantCriteria;
import io.quarkus.qute.TemplateData;

/**
 * The Access page's filter as it travels in the URL: the parameters of {@code GET /v1/access}, held to
 * the same rules (an id {@code ^[A-Za-z0-9._-]{1,120}$}, an email at most 320 characters, a role at most
 * 64), with {@code asOf} as the date picker sends it (read in {@code zone}; a bare date is the end of
 * that day, so "who had access on 31 March" includes what happened that day).
 */
@TemplateData
public record AccessFilter(String accountId, String userId, String emailAddress, String role, String asOf,
        String zone) {

    static final Pattern ID = Pattern.compile("^[A-Za-z0-9._-]{1,120}$");
    private static final String[] NAMES = { "accountId", "userId", "emailAddress", "role", "asOf", "zone" };

    static AccessFilter of(MultivaluedMap<String, String> query) {
        AccessFilter filter = new AccessFilter(value(query, "accountId"), value(query, "userId"),
                value(query, "emailAddress"), value(query, "role"), value(query, "asOf"), value(query, "zone"));
        id("accountId", filter.accountId);
        id("userId", filter.userId);
        length("emailAddress", filter.emailAddress, 320);
        length("role", filter.role, 64);
        filter.instant(); // refuses a malformed time or zone now, naming its field
        return filter;
    }

    /** The instant asked for; {@code null} for the latest snapshot. */
    Instant instant() {
        return ConsoleTime.parse("asOf", asOf, zoneId(), true);
    }

    ZoneId zoneId() {
        return ConsoleTime.zone(zone);
    }

    GrantCriteria criteria(int limit, String cursor) {
        return new GrantCriteria(accountId, userId, emailAddress, role, instant(), limit, cursor);
    }

    /** What the date picker shows: the instant asked for, in the zone it was asked in. */
    public String picker() {
        return ConsoleTime.picker(instant(), zoneId());
    }

    /** The instant asked for, ISO, for console.js to show in the viewer's zone. */
    public String instantIso() {
        Instant at = instant();
        return at == null ? null : at.toString();
    }

    public boolean isEmpty() {
        return values().values().stream().allMatch(v -> v == null);
    }

    /** {@code accountId=…&asOf=…} for the set fields, URL-encoded; empty when nothing is set. */
    public String query() {
        return UrlQuery.of(values());
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        String[] v = { accountId, userId, emailAddress, role, asOf, zone };
        for (int i = 0; i < NAMES.length; i++) {
            values.put(NAMES[i], v[i]);
        }
        return values;
    }

    static void id(String field, String value) {
        if (value != null && !ID.matcher(value).matches()) {
            throw ConsoleFilter.invalid(field, "must match ^[A-Za-z0-9._-]{1,120}$");
        }
    }

    private static void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ConsoleFilter.invalid(field, "must be at most " + max + " characters");
        }
    }

    static String value(MultivaluedMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
