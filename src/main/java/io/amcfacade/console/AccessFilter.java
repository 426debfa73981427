package io.amcfacade.console;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import io.amcfacade.access.query.AccessInventory.GrantCriteria;
import io.amcfacade.regions.Region;
import io.quarkus.qute.TemplateData;

/**
 * The Access page's filter as it travels in the URL: the parameters of {@code GET /v1/access}, held to
 * the same rules (an id {@code ^[A-Za-z0-9._-]{1,120}$}, an email at most 320 characters, a role at most
 * 64), with {@code asOf} as the date picker sends it, read in {@code zone} (a bare date is the end of
 * that day, so "who had access on 31 March" includes what happened that day), and {@code region} one of
 * {@code na}, {@code eu}, {@code fe} (the accounts the facade knows there).
 */
@TemplateData
public record AccessFilter(String accountId, String userId, String emailAddress, String role, TimeField asOf,
        String zone, ZoneId zoneId, Region region) {

    /** Reads the filter by name; each field that breaks its rule is an error naming it. */
    static Parsed<AccessFilter> parse(MultivaluedMap<String, String> query) {
        QueryFields fields = new QueryFields(query);
        ZoneId zoneId = fields.zone("zone");
        AccessFilter filter = new AccessFilter(fields.id("accountId"), fields.id("userId"), fields.text("emailAddress", 320),
                fields.text("role", 64), fields.time("asOf", zoneId, true), fields.text("zone"), zoneId,
                fields.oneOf("region", AccessFilter::region, "must be na, eu or fe"));
        return fields.parsed(filter);
    }

    private static Region region(String id) {
        return Region.of(id).orElseThrow(() -> new IllegalArgumentException(id));
    }

    /** The region asked for, as the URL spells it; null for every region. */
    public String regionId() {
        return region == null ? null : region.id();
    }

    /** The instant asked for; {@code null} for the latest snapshot. */
    Instant instant() {
        return TimeField.instant(asOf);
    }

    GrantCriteria criteria(int limit, String cursor) {
        return new GrantCriteria(accountId, userId, emailAddress, role, instant(), limit, cursor, region);
    }

    /** What the date picker shows: the instant asked for, in the zone it was asked in. */
    public String picker() {
        return ConsoleTime.picker(instant(), zoneId);
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

    /** The fields by their names in the URL, in the form's order. */
    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("accountId", accountId);
        values.put("userId", userId);
        values.put("emailAddress", emailAddress);
        values.put("role", role);
        values.put("region", regionId());
        values.put("asOf", TimeField.text(asOf));
        values.put("zone", zone);
        return values;
    }
}
