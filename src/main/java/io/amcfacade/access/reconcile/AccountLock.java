package io.amcfacade.access.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * One replica at a time per account: a PostgreSQL session-level advisory lock, held on a connection of
 * its own for as long as the account is being reconciled. Another replica's attempt fails at once and
 * moves on to the next account; a replica that dies loses its connection and with it the lock, so no
 * lease or clean-up is needed.
 */
@ApplicationScoped
public class AccountLock {

    /** The lock's key space: the account id hashed, beside an application-wide namespace. */
    private static final String TRY = "SELECT pg_try_advisory_lock(hashtextextended('amc-access:' || ?, 0))";
    private static final String RELEASE = "SELECT pg_advisory_unlock(hashtextextended('amc-access:' || ?, 0))";

    private final AgroalDataSource dataSource;

    public AccountLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} holding the account's lock; empty when another replica holds it or {@code work} answers null. */
    public <T> Optional<T> whileHeld(String accountId, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, TRY, accountId)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                call(connection, RELEASE, accountId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the reconciliation lock of " + accountId, e);
        }
    }

    private static boolean call(Connection connection, String sql, String accountId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, accountId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
