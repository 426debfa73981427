package io.amcfacade.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Idempotency keys in PostgreSQL, so every replica sees the same keys. A key is claimed with one
 * {@code INSERT … ON CONFLICT DO NOTHING}: exactly one of several concurrent requests wins it.
 */
@ApplicationScoped
class IdempotencyStore {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    IdempotencyConfig config;

    Claim claim(String caller, String key, String operation, String requestHash) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (insert(connection, caller, key, operation, requestHash)) {
                    return new Claim.Owned();
                }
                try (PreparedStatement select = connection.prepareStatement("SELECT operation, request_hash, state, "
                        + "response_status, response_body, created_at, expires_at, original_event_id FROM idempotency_keys "
                        + "WHERE caller = ? AND idempotency_key = ?")) {
                    select.setString(1, caller);
                    select.setString(2, key);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            continue; // released or expired meanwhile: try to claim it again
                        }
                        Instant now = Instant.now();
                        if (row.getTimestamp("expires_at").toInstant().isBefore(now)) {
                            deleteExpired(connection, caller, key);
                            continue;
                        }
                        if (!row.getString("operation").equals(operation) || !row.getString("request_hash").equals(requestHash)) {
                            return new Claim.Reused();
                        }
                        if (row.getString("state").equals("IN_FLIGHT")) {
                            Instant started = row.getTimestamp("created_at").toInstant();
                            return new Claim.InFlight(started.plus(config.inFlightTimeout()).isBefore(now));
                        }
                        return new Claim.Replay(row.getInt("response_status"), row.getString("response_body"),
                                row.getObject("original_event_id", UUID.class));
                    }
                }
            }
            throw new SQLException("Could not claim idempotency key after 3 attempts");
        }
    }

    void complete(String caller, String key, int status, String body, UUID eventId) throws SQLException {
        update("UPDATE idempotency_keys SET state = 'COMPLETED', response_status = ?, response_body = ?, "
                + "original_event_id = ? WHERE caller = ? AND idempotency_key = ? AND state = 'IN_FLIGHT'",
                status, body, eventId, caller, key);
    }

    void release(String caller, String key) throws SQLException {
        update("DELETE FROM idempotency_keys WHERE caller = ? AND idempotency_key = ? AND state = 'IN_FLIGHT'",
                caller, key);
    }

    private boolean insert(Connection connection, String caller, String key, String operation, String hash)
            throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_keys "
                + "(caller, idempotency_key, operation, request_hash, state, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, 'IN_FLIGHT', ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, caller);
            insert.setString(2, key);
            insert.setString(3, operation);
            insert.setString(4, hash);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now.plus(config.ttl())));
            return insert.executeUpdate() == 1;
        }
    }

    private static void deleteExpired(Connection connection, String caller, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM idempotency_keys WHERE caller = ? AND idempotency_key = ? AND expires_at < now()")) {
            delete.setString(1, caller);
            delete.setString(2, key);
            delete.executeUpdate();
        }
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
