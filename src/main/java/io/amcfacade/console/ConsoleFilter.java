package io.amcfacade.console;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.query.AuditCriteria;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.regions.Region;
import io.quarkus.qute.TemplateData;

/**
 * The Activity filter as it travels in the page's URL: the same parameters as {@code GET /v1/audit/events},
 * so a link can be shared and the API call is the page's own query. {@code from}/{@code to} take an
 * ISO instant or a date (a whole UTC day; {@code to} then includes that day).
 */
@TemplateData
public record ConsoleFilter(String actor, String onBehalfOf, String action, String accountId, String targetId,
        AuditOutcome outcome, Region region, TimeField from, TimeField to) {

    /** No filter: the whole trail. */
    static final ConsoleFilter NONE = new ConsoleFilter(null, null, null, null, null, null, null, null, null);

    private static final String OUTCOME_RULE = "must be one of " + Arrays.toString(AuditOutcome.values());
    private static final String REGION_RULE = "must be one of " + Arrays.toString(Region.values());

    /** Reads the filter by name; a malformed outcome or time is an error of that field. */
    static Parsed<ConsoleFilter> parse(MultivaluedMap<String, String> query) {
        QueryFields fields = new QueryFields(query);
        ConsoleFilter filter = new ConsoleFilter(fields.text("actor"), fields.text("onBehalfOf"), fields.text("action"),
                fields.text("accountId"), fields.text("targetId"), fields.oneOf("outcome", AuditOutcome::fromValue, OUTCOME_RULE),
                fields.oneOf("region", ConsoleFilter::region, REGION_RULE), fields.time("from", ZoneOffset.UTC, false), fields.time("to", ZoneOffset.UTC, true));
        return fields.parsed(filter);
    }

    ConsoleFilter withAction(String value) {
        return new ConsoleFilter(actor, onBehalfOf, value, accountId, targetId, outcome, region, from, to);
    }

    ConsoleFilter withAccountId(String value) {
        return new ConsoleFilter(actor, onBehalfOf, action, value, targetId, outcome, region, from, to);
    }

    ConsoleFilter withTargetId(String value) {
        return new ConsoleFilter(actor, onBehalfOf, action, accountId, value, outcome, region, from, to);
    }

    ConsoleFilter withFrom(TimeField value) {
        return new ConsoleFilter(actor, onBehalfOf, action, accountId, targetId, outcome, region, value, to);
    }

    /** The same actions as {@code GET /v1/audit/events} with these parameters selects. */
    AuditCriteria toCriteria() {
        return AuditCriteria.all().actor(actor).onBehalfOf(onBehalfOf).action(action).accountId(accountId)
                .targetId(targetId).outcome(outcome).region(region == null ? null : region.id()).from(TimeField.utc(from))
                .to(TimeField.utc(to));
    }

    /** The chart's range: the filter's own, or the last {@code fallback} days up to now. */
    AuditCriteria forChart(Duration fallback) {
        if (hasRange()) {
            return toCriteria();
        }
        OffsetDateTime start = LocalDate.now(ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC)
                .minusDays(Math.max(1, fallback.toDays()) - 1);
        return withFrom(new TimeField(start.toString(), start.toInstant())).toCriteria();
    }

    boolean hasRange() {
        return from != null || to != null;
    }

    /** The {@code from} field as typed, for the form. */
    public String fromText() {
        return TimeField.text(from);
    }

    public String toText() {
        return TimeField.text(to);
    }

    public boolean isEmpty() {
        return values().values().stream().allMatch(value -> value == null);
    }

    /** {@code actor=…&outcome=…} for the set fields, URL-encoded; empty when nothing is set. */
    public String query() {
        return UrlQuery.of(values());
    }

    /** The set fields in words for a page: {@code targetId dora@example.com, outcome FAILED}. */
    public String described() {
        return values().entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** {@link #query()} after {@code ?} or {@code &}, as a link needs it. */
    public String and() {
        String query = query();
        return query.isEmpty() ? "" : "&" + query;
    }

    /** The fields by their names in the URL, in the form's order. */
    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("actor", actor);
        values.put("onBehalfOf", onBehalfOf);
        values.put("action", action);
        values.put("accountId", accountId);
        values.put("targetId", targetId);
        values.put("outcome", outcome == null ? null : outcome.toString());
        values.put("region", region == null ? null : region.id());
        values.put("from", fromText());
        values.put("to", toText());
        return values;
    }

    /** Whether a download's {@code format} asks for CSV (else NDJSON); anything else is refused, naming it. */
    static boolean csv(String format) {
        if (!"csv".equals(format) && !"ndjson".equals(format)) {
            throw invalid("format", "must be csv or ndjson");
        }
        return "csv".equals(format);
    }

    private static Region region(String id) {
        return Region.of(id).orElseThrow(() -> new IllegalArgumentException(id));
    }

    static ProblemException invalid(String field, String rule) {
        return new ProblemException(Problems.invalidField(field, rule));
    }
}
