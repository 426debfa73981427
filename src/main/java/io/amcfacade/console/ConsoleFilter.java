package io.amcfacade.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.AuditFilterSql;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.quarkus.qute.TemplateData;

/**
 * The Activity filter as it travels in the page's URL: the same parameters as {@code GET /v1/audit/events},
 * so a link can be shared and the API call is the page's own query. {@code from}/{@code to} take an
 * ISO instant or a date (a whole UTC day; {@code to} then includes that day).
 */
@TemplateData
public record ConsoleFilter(String actor, String onBehalfOf, String action, String accountId, String targetId,
        String outcome, String from, String to) {

    static final String[] NAMES = { "actor", "onBehalfOf", "action", "accountId", "targetId", "outcome", "from", "to" };

    static ConsoleFilter of(MultivaluedMap<String, String> query) {
        String[] v = Arrays.stream(NAMES).map(name -> blankToNull(query.getFirst(name))).toArray(String[]::new);
        ConsoleFilter filter = new ConsoleFilter(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        filter.toSql(); // refuses a malformed value now, naming its field
        return filter;
    }

    AuditFilterSql toSql() {
        AuditOutcome parsedOutcome = null;
        if (outcome != null) {
            try {
                parsedOutcome = AuditOutcome.fromValue(outcome);
            } catch (IllegalArgumentException e) {
                throw invalid("outcome", "must be one of " + Arrays.toString(AuditOutcome.values()));
            }
        }
        return new AuditFilterSql(action, parsedOutcome, actor, accountId, targetId, onBehalfOf, time("from", from, false),
                time("to", to, true));
    }

    /** The chart's range: the filter's own, or the last {@code fallback} days up to now. */
    AuditFilterSql forChart(Duration fallback) {
        AuditFilterSql sql = toSql();
        if (sql.from() != null || sql.to() != null) {
            return sql;
        }
        OffsetDateTime start = LocalDate.now(ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC)
                .minusDays(Math.max(1, fallback.toDays()) - 1);
        return new AuditFilterSql(sql.action(), sql.outcome(), sql.actor(), sql.accountId(), sql.targetId(),
                sql.onBehalfOf(), start, null);
    }

    boolean hasRange() {
        return from != null || to != null;
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

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        String[] v = { actor, onBehalfOf, action, accountId, targetId, outcome, from, to };
        for (int i = 0; i < NAMES.length; i++) {
            values.put(NAMES[i], v[i]);
        }
        return values;
    }

    private static OffsetDateTime time(String field, String value, boolean end) {
        Instant at = ConsoleTime.parse(field, value, ZoneOffset.UTC, end);
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    /** Whether a download's {@code format} asks for CSV (else NDJSON); anything else is refused, naming it. */
    static boolean csv(String format) {
        if (!"csv".equals(format) && !"ndjson".equals(format)) {
            throw invalid("format", "must be csv or ndjson");
        }
        return "csv".equals(format);
    }

    static ProblemException invalid(String field, String rule) {
        return new ProblemException(Problems.invalidField(field, rule));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
