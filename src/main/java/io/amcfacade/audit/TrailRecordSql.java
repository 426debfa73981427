package io.amcfacade.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** How an {@link TrailRecord} maps to the columns of {@code audit_records}, both ways. */
public final class TrailRecordSql {

    /** Every content column, in binding order; {@code seq} and {@code txid} are set by the database. */
    public static final String CONTENT_COLUMNS = "recorded_at, event_id, kind, occurred_at, actor_subject, actor_name, "
            + "actor_roles, on_behalf_of, client_ip, user_agent, correlation_id, action, http_method, path, account_id, "
            + "idempotency_key, target_kind, target_id, position, role, outcome, error_code, request_summary, "
            + "http_status, detail, upstream_status, upstream_request_id, upstream_attempts, latency_ms, content_hash";
    public static final String ALL_COLUMNS = "seq, txid, " + CONTENT_COLUMNS;
    static final String INSERT = "INSERT INTO audit_records (" + CONTENT_COLUMNS + ") VALUES ("
            + "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private TrailRecordSql() {
    }

    static void bind(PreparedStatement s, TrailRecord r) throws SQLException {
        int i = 1;
        s.setObject(i++, r.recordedAt.atOffset(java.time.ZoneOffset.UTC));
        s.setObject(i++, r.eventId);
        s.setString(i++, r.kind.name());
        s.setObject(i++, r.occurredAt == null ? null : r.occurredAt.atOffset(java.time.ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        for (String text : new String[] { r.actorSubject, r.actorName, r.actorRoles, r.onBehalfOf, r.clientIp, r.userAgent,
                r.correlationId, r.action, r.httpMethod, r.path, r.accountId, r.idempotencyKey, r.targetKind, r.targetId }) {
            s.setString(i++, text);
        }
        s.setObject(i++, r.position, Types.INTEGER);
        for (String text : new String[] { r.role, r.outcome, r.errorCode, r.requestSummary }) {
            s.setString(i++, text);
        }
        s.setObject(i++, r.httpStatus, Types.INTEGER);
        s.setString(i++, r.detail);
        s.setObject(i++, r.upstreamStatus, Types.INTEGER);
        s.setString(i++, r.upstreamRequestId);
        s.setObject(i++, r.upstreamAttempts, Types.INTEGER);
        s.setObject(i++, r.latencyMs, Types.BIGINT);
        s.setString(i, r.contentHash);
    }

    /** Reads a row selected with {@link #ALL_COLUMNS}. */
    public static TrailRecord read(ResultSet rs) throws SQLException {
        TrailRecord r = new TrailRecord();
        r.seq = rs.getLong("seq");
        r.txid = rs.getLong("txid");
        r.recordedAt = instant(rs, "recorded_at");
        r.eventId = rs.getObject("event_id", UUID.class);
        r.kind = TrailRecord.Kind.valueOf(rs.getString("kind"));
        r.occurredAt = instant(rs, "occurred_at");
        r.actorSubject = rs.getString("actor_subject");
        r.actorName = rs.getString("actor_name");
        r.actorRoles = rs.getString("actor_roles");
        r.onBehalfOf = rs.getString("on_behalf_of");
        r.clientIp = rs.getString("client_ip");
        r.userAgent = rs.getString("user_agent");
        r.correlationId = rs.getString("correlation_id");
        r.action = rs.getString("action");
        r.httpMethod = rs.getString("http_method");
        r.path = rs.getString("path");
        r.accountId = rs.getString("account_id");
        r.idempotencyKey = rs.getString("idempotency_key");
        r.targetKind = rs.getString("target_kind");
        r.targetId = rs.getString("target_id");
        r.position = rs.getObject("position", Integer.class);
        r.role = rs.getString("role");
        r.outcome = rs.getString("outcome");
        r.errorCode = rs.getString("error_code");
        r.requestSummary = rs.getString("request_summary");
        r.httpStatus = rs.getObject("http_status", Integer.class);
        r.detail = rs.getString("detail");
        r.upstreamStatus = rs.getObject("upstream_status", Integer.class);
        r.upstreamRequestId = rs.getString("upstream_request_id");
        r.upstreamAttempts = rs.getObject("upstream_attempts", Integer.class);
        r.latencyMs = rs.getObject("latency_ms", Long.class);
        r.contentHash = rs.getString("content_hash");
        return r;
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
