package io.amcfacade.audit.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.amcfacade.api.model.AuditOutcome;

/**
 * The filters of the audit API as SQL over intent records ({@code i}), shared by the paged list and the
 * export so both always select the same actions.
 */
public record AuditFilterSql(String action, AuditOutcome outcome, String actor, String accountId, String targetId,
        String onBehalfOf, OffsetDateTime from, OffsetDateTime to) {

    /**
     * Times are compared in UTC: Java reads offsets up to ±18:00, PostgreSQL only up to ±15:59, and an
     * instant is the same instant whatever offset the caller wrote it in.
     */
    public AuditFilterSql {
        from = from == null ? null : from.withOffsetSameInstant(ZoneOffset.UTC);
        to = to == null ? null : to.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static final String HAS_OUTCOME = "EXISTS (SELECT 1 FROM audit_records o WHERE o.event_id = i.event_id "
            + "AND o.kind = 'OUTCOME' AND o.recorded_at >= i.recorded_at";

    /** The WHERE clause (after {@code i.kind = 'INTENT'}) and its parameters, in order. */
    public Where where(Instant pendingSince) {
        StringBuilder sql = new StringBuilder("i.kind = 'INTENT'");
        List<Object> params = new ArrayList<>();
        equal(sql, params, "i.action", action);
        equal(sql, params, "i.actor_subject", actor);
        equal(sql, params, "i.account_id", accountId);
        equal(sql, params, "i.on_behalf_of", onBehalfOf);
        if (from != null) {
            sql.append(" AND i.recorded_at >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND i.recorded_at < ?");
            params.add(to);
        }
        if (targetId != null) {
            // Driven from the target index: the few actions that touched it, not every action probing for it.
            sql.append(" AND i.event_id IN (SELECT t.event_id FROM audit_records t WHERE t.kind = 'TARGET' AND t.target_id = ?)");
            params.add(targetId.contains("@") ? targetId.toLowerCase(Locale.ROOT) : targetId);
        }
        if (outcome == AuditOutcome.PENDING) {
            sql.append(" AND NOT ").append(HAS_OUTCOME).append(") AND i.recorded_at > ?");
            params.add(pendingSince.atOffset(java.time.ZoneOffset.UTC));
        } else if (outcome == AuditOutcome.UNKNOWN) {
            sql.append(" AND ((NOT ").append(HAS_OUTCOME).append(") AND i.recorded_at <= ?) OR ").append(HAS_OUTCOME)
                    .append(" AND o.outcome = 'UNKNOWN'))");
            params.add(pendingSince.atOffset(java.time.ZoneOffset.UTC));
        } else if (outcome == AuditOutcome.SUCCEEDED) {
            sql.append(" AND ").append(HAS_OUTCOME).append(" AND o.outcome = ?)");
            params.add(outcome.toString());
        } else if (outcome != null) {
            // Driven from the index of outcomes that are not successes (V31): the few actions that ended so,
            // not every intent probing for its outcome. The repeated literal lets PostgreSQL use the partial index.
            sql.append(" AND i.event_id IN (SELECT o.event_id FROM audit_records o WHERE o.kind = 'OUTCOME'"
                    + " AND o.outcome <> 'SUCCEEDED' AND o.outcome = ?");
            params.add(outcome.toString());
            if (from != null) {
                sql.append(" AND o.recorded_at >= ?"); // an outcome is recorded after its intent
                params.add(from);
            }
            sql.append(")");
        }
        return new Where(sql.toString(), params);
    }

    private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    /** A WHERE clause with its parameters. */
    public record Where(String sql, List<Object> params) {
        public int bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (Object param : params) {
                statement.setObject(index++, param);
            }
            return index;
        }
    }
}
