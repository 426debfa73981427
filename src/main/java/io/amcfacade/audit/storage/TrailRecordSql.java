package io.amcfacade.audit.storage;

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
            + "http_status, detail, upstream_status, upstream_request_id, upstream_attempts, latency_ms, content_hash, record_mac";
    /**
     * Every column a read maps: the content, the trace id, which is outside the content hash and MAC (V60), and the
     * upstream region, inside them when set (V81).
     */
    public static final String ALL_COLUMNS = "seq, txid, " + CONTENT_COLUMNS + ", trace_id, upstream_region";
    /** The service's insert: {@code recorded_at} comes from the database clock (its role may not set it). */
    public static final String INSERT = "INSERT INTO audit_records (" + CONTENT_COLUMNS.substring("recorded_at, ".length())
            + ", trace_id, upstream_region) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    /** An insert with the time given, which only the database owner may make (test fixtures, benchmarks). */
    public static final String INSERT_WITH_TIME = "INSERT INTO audit_records (" + CONTENT_COLUMNS
            + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private TrailRecordSql() {
    }

    /** Binds for {@link #INSERT}. */
    public static void bind(PreparedStatement s, TrailRecord r) throws SQLException {
        int last = bind(s, r, 1);
        s.setString(last + 1, r.traceId);
        s.setString(last + 2, r.upstreamRegion);
    }

    /** Binds for {@link #INSERT_WITH_TIME}. */
    public static void bindWithTime(PreparedStatement s, TrailRecord r) throws SQLException {
        s.setObject(1, r.recordedAt.atOffset(java.time.ZoneOffset.UTC));
        bind(s, r, 2);
    }

    /** Binds the content columns from {@code first} on; answers the last index bound. */
    private static int bind(PreparedStatement s, TrailRecord r, int first) throws SQLException {
        int i = first;
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
        s.setString(i++, r.contentHash);
        s.setString(i, r.recordMac);
        return i;
    }

    /** Reads a row selected with {@link #ALL_COLUMNS}, by position (the verifier reads millions). */
    public static TrailRecord read(ResultSet rs) throws SQLException {
        TrailRecord r = new TrailRecord();
        r.seq = rs.getLong(1);
        r.txid = rs.getLong(2);
        r.recordedAt = instant(rs, 3);
        r.eventId = rs.getObject(4, UUID.class);
        r.kind = TrailRecord.Kind.valueOf(rs.getString(5));
        r.occurredAt = instant(rs, 6);
        r.actorSubject = rs.getString(7);
        r.actorName = rs.getString(8);
        r.actorRoles = rs.getString(9);
        r.onBehalfOf = rs.getString(10);
        r.clientIp = rs.getString(11);
        r.userAgent = rs.getString(12);
        r.correlationId = rs.getString(13);
        r.action = rs.getString(14);
        r.httpMethod = rs.getString(15);
        r.path = rs.getString(16);
        r.accountId = rs.getString(17);
        r.idempotencyKey = rs.getString(18);
        r.targetKind = rs.getString(19);
        r.targetId = rs.getString(20);
        r.position = rs.getObject(21, Integer.class);
        r.role = rs.getString(22);
        r.outcome = rs.getString(23);
        r.errorCode = rs.getString(24);
        r.requestSummary = rs.getString(25);
        r.httpStatus = rs.getObject(26, Integer.class);
        r.detail = rs.getString(27);
        r.upstreamStatus = rs.getObject(28, Integer.class);
        r.upstreamRequestId = rs.getString(29);
        r.upstreamAttempts = rs.getObject(30, Integer.class);
        r.latencyMs = rs.getObject(31, Long.class);
        r.contentHash = rs.getString(32);
        r.recordMac = rs.getString(33);
        r.traceId = rs.getString(34);
        r.upstreamRegion = rs.getString(35);
        return r;
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
