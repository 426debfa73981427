package io.amcfacade.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import io.agroal.api.AgroalDataSource;

/**
 * Streams actions oldest first straight from a database cursor to the response: memory stays flat
 * however many rows. The last line is a manifest with the count and the SHA-256 of every byte before it.
 * An action's other records follow its intent within the request's lifetime; the one-day window lets
 * PostgreSQL look them up in at most two monthly partitions instead of all of them.
 */
@ApplicationScoped
public class AuditExport {

    static final String[] COLUMNS = { "eventId", "occurredAt", "action", "outcome", "actorSubject", "actorName",
            "actorRoles", "onBehalfOf", "clientIp", "correlationId", "accountId", "targetId", "targets", "httpStatus",
            "errorCode", "upstreamStatus", "upstreamRequestId", "latencyMs", "idempotencyKey" };
    private static final int FETCH = 2000;
    private static final String SELECT = "SELECT i.event_id, i.occurred_at, i.action, o.outcome, i.actor_subject, "
            + "i.actor_name, i.actor_roles, i.on_behalf_of, i.client_ip, i.correlation_id, i.account_id, i.target_id, "
            + "(SELECT string_agg(t.target_id, ' ' ORDER BY t.position) FROM audit_records t WHERE t.event_id = i.event_id "
            + "AND t.kind = 'TARGET' AND t.outcome IS NULL AND t.recorded_at >= i.recorded_at "
            + "AND t.recorded_at < i.recorded_at + interval '1 day') AS targets, "
            + "o.http_status, o.error_code, o.upstream_status, o.upstream_request_id, o.latency_ms, i.idempotency_key, "
            + "i.recorded_at FROM audit_records i LEFT JOIN LATERAL (SELECT x.outcome, x.http_status, x.error_code, "
            + "x.upstream_status, x.upstream_request_id, x.latency_ms FROM audit_records x WHERE x.event_id = i.event_id "
            + "AND x.kind = 'OUTCOME' AND x.recorded_at >= i.recorded_at AND x.recorded_at < i.recorded_at + interval '1 day' "
            + "LIMIT 1) o ON true WHERE ";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditConfig config;

    StreamingOutput stream(AuditFilterSql filter, boolean csv) {
        Instant pendingSince = Instant.now().minus(config.pendingTimeout());
        AuditFilterSql.Where where = filter.where(pendingSince);
        return output -> {
            MessageDigest sha256 = sha256();
            DigestOutputStream digesting = new DigestOutputStream(output, sha256);
            ExportWriter writer = csv ? new CsvExportWriter(digesting) : new NdjsonExportWriter(digesting);
            long count = 0;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false); // a server-side cursor: rows arrive FETCH at a time
                try (PreparedStatement statement = connection.prepareStatement(
                        SELECT + where.sql() + " ORDER BY i.recorded_at, i.seq")) {
                    statement.setFetchSize(FETCH);
                    where.bind(statement, 1);
                    writer.header(COLUMNS);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            writer.row(values(rs, pendingSince));
                            count++;
                        }
                    }
                } finally {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new IOException("The audit export failed after " + count + " rows", e);
            }
            writer.flush();
            writer.manifest(count, HexFormat.of().formatHex(sha256.digest()), output);
            output.flush();
        };
    }

    private static Object[] values(ResultSet rs, Instant pendingSince) throws SQLException {
        Object[] values = new Object[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            values[i] = rs.getObject(i + 1);
        }
        values[1] = rs.getObject(2, OffsetDateTime.class).toInstant().toString();
        if (values[3] == null) {
            Instant recorded = rs.getObject("recorded_at", OffsetDateTime.class).toInstant();
            values[3] = recorded.isAfter(pendingSince) ? "PENDING" : "UNKNOWN";
        }
        return values;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one export format. */
    interface ExportWriter {
        void header(String[] columns) throws IOException;

        void row(Object[] values) throws IOException;

        void flush() throws IOException;

        /** Written past the digest: the manifest is not part of what it hashes. */
        void manifest(long count, String sha256, OutputStream raw) throws IOException;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
