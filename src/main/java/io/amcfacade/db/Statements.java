package io.amcfacade.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/**
 * One statement on a connection of its own, for the facade's small stores (long-running operations, event
 * subscriptions). A database that cannot be reached is the facade's fail-closed 503 with {@code Retry-After}, as the
 * audit trail answers it, never a 500: nothing was changed and the caller may try again.
 */
public final class Statements {

    @FunctionalInterface
    public interface Work<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row of a result set into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Statements() {
    }

    /** Every row {@code statement}'s query answers, each read by {@code row}, in the query's order. */
    public static <T> List<T> rows(PreparedStatement statement, Row<T> row) throws SQLException {
        List<T> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(row.read(rows));
            }
        }
        return found;
    }

    /** The first row {@code statement}'s query answers, read by {@code row}; empty when it answers none. */
    public static <T> Optional<T> first(PreparedStatement statement, Row<T> row) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
        }
    }

    /** Runs {@code work} on {@code sql}; {@code unavailable} says what could not be reached and what that means. */
    public static <T> T run(DataSource dataSource, String sql, Work<T> work, String unavailable) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.on(statement);
        } catch (SQLException e) {
            throw unavailable(unavailable, e);
        }
    }

    /** The problem for a database that could not be reached (or failed a statement) while serving a request. */
    public static ProblemException unavailable(String detail, Throwable cause) {
        return new ProblemException(Problems.of(ProblemCode.DATABASE_UNAVAILABLE, detail), Map.of("Retry-After", "5"), cause);
    }
}
