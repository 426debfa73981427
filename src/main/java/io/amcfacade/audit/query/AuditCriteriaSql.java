package io.amcfacade.audit.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.amcfacade.api.model.AuditOutcome;

/**
 * {@link AuditCriteria} as SQL over intent records ({@code i}): one WHERE clause with bound parameters only,
 * shared by the paged list, the counts and the export so all three always select the same actions.
 */
public final class AuditCriteriaSql {

    private static final String HAS_OUTCOME = "EXISTS (SELECT 1 FROM audit_records o WHERE o.event_id = i.event_id "
            + "AND o.kind = 'OUTCOME' AND o.recorded_at >= i.recorded_at";

    private AuditCriteriaSql() {
    }

    /**
     * The WHERE clause (from {@code i.kind = 'INTENT'} on) and its parameters, in order.
     *
     * @param pendingSince an intent recorded after it with no outcome is PENDING, before it UNKNOWN
     */
    public static Where where(AuditCriteria criteria, Instant pendingSince) {
        StringBuilder sql = new StringBuilder("i.kind = 'INTENT'");
        List<Object> params = new ArrayList<>();
        equal(sql, params, "i.action", criteria.action());
        equal(sql, params, "i.actor_subject", criteria.actor());
        equal(sql, params, "i.account_id", criteria.accountId());
        equal(sql, params, "i.on_behalf_of", criteria.onBehalfOf());
        if (criteria.from() != null) {
            sql.append(" AND i.recorded_at >= ?");
            params.add(criteria.from());
        }
        if (criteria.to() != null) {
            sql.append(" AND i.recorded_at < ?");
            params.add(criteria.to());
        }
        String targetId = criteria.targetId();
        if (targetId != null) {
            // Driven from the target index: the few actions that touched it, not every action probing for it.
            sql.append(" AND i.event_id IN (SELECT t.event_id FROM audit_records t WHERE t.kind = 'TARGET' AND t.target_id = ?)");
            params.add(targetId.contains("@") ? targetId.toLowerCase(Locale.ROOT) : targetId);
        }
        if (criteria.region() != null) {
            // The region is on the outcome: an action that has none yet called no host the trail can name.
            sql.append(" AND ").append(HAS_OUTCOME).append(" AND o.upstream_region = ?)");
            params.add(criteria.region());
        }
        AuditOutcome outcome = criteria.outcome();
        if (outcome == AuditOutcome.PENDING) {
            sql.append(" AND NOT ").append(HAS_OUTCOME).append(") AND i.recorded_at > ?");
            params.add(pendingSince.atOffset(ZoneOffset.UTC));
        } else if (outcome == AuditOutcome.UNKNOWN) {
            sql.append(" AND ((NOT ").append(HAS_OUTCOME).append(") AND i.recorded_at <= ?) OR ").append(HAS_OUTCOME)
                    .append(" AND o.outcome = 'UNKNOWN'))");
            params.add(pendingSince.atOffset(ZoneOffset.UTC));
        } else if (outcome == AuditOutcome.SUCCEEDED) {
            sql.append(" AND ").append(HAS_OUTCOME).append(" AND o.outcome = ?)");
            params.add(outcome.toString());
        } else if (outcome != null) {
            // Driven from the index of outcomes that are not successes (V31): the few actions that ended so,
            // not every intent probing for its outcome. The repeated literal lets PostgreSQL use the partial index.
            sql.append(" AND i.event_id IN (SELECT o.event_id FROM audit_records o WHERE o.kind = 'OUTCOME'"
                    + " AND o.outcome <> 'SUCCEEDED' AND o.outcome = ?");
            params.add(outcome.toString());
            if (criteria.from() != null) {
                sql.append(" AND o.recorded_at >= ?"); // an outcome is recorded after its intent
                params.add(criteria.from());
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

        /** Binds the parameters from index {@code first} on; returns the next free index. */
        public int bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (Object param : params) {
                statement.setObject(index++, param);
            }
            return index;
        }
    }
}
