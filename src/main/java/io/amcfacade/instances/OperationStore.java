package io.amcfacade.instances;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.db.Statements;

/**
 * {@code instance_operations} and {@code instant_access_instances}: the long-running operations every replica
 * follows, and the instances AMC refused writes to as instant self-service ones. A replica takes due operations
 * with a lease ({@code FOR UPDATE SKIP LOCKED}, so two replicas never take the same one; a lease that is not
 * given back lapses), and gives each back with what it saw.
 */
@ApplicationScoped
class OperationStore {

    private static final String COLUMNS = "operation_id, kind, state, account_id, instance_id, update_id, request, "
            + "idempotency_token, amc_status, progress, result, problem, started_event_id, started_by, on_behalf_of, "
            + "created_at, updated_at, finished_at, deadline, checks";

    private final AgroalDataSource dataSource;

    OperationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(OperationRecord operation, Instant firstCheck) {
        run("INSERT INTO instance_operations (" + COLUMNS + ", next_check_at) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                    int i = bind(statement, operation);
                    statement.setTimestamp(i, Timestamp.from(firstCheck));
                    statement.executeUpdate();
                    return null;
                });
    }

    Optional<OperationRecord> find(UUID operationId) {
        return run("SELECT " + COLUMNS + " FROM instance_operations WHERE operation_id = ?", statement -> {
            statement.setObject(1, operationId);
            return first(statement);
        });
    }

    /** The open operation on an instance, if any (a create names its instance once AMC has). */
    Optional<OperationRecord> openOn(String accountId, String instanceId) {
        return run("SELECT " + COLUMNS + " FROM instance_operations WHERE state = 'RUNNING' AND account_id = ? "
                + "AND instance_id = ? ORDER BY created_at LIMIT 1", statement -> {
                    statement.setString(1, accountId);
                    statement.setString(2, instanceId);
                    return first(statement);
                });
    }

    /**
     * An account's operations, newest first, at most {@code limit}: all of them, or those on one instance
     * ({@code instanceId} not {@code null}).
     */
    List<OperationRecord> newestOn(String accountId, String instanceId, int limit) {
        return run("SELECT " + COLUMNS + " FROM instance_operations WHERE account_id = ? "
                + (instanceId == null ? "" : "AND instance_id = ? ") + "ORDER BY created_at DESC LIMIT ?", statement -> {
                    int i = 1;
                    statement.setString(i++, accountId);
                    if (instanceId != null) {
                        statement.setString(i++, instanceId);
                    }
                    statement.setInt(i, limit);
                    return all(statement);
                });
    }

    /**
     * Takes up to {@code batch} due operations for {@code owner} until {@code leaseUntil}: running, due, and not
     * held by a live lease of another replica.
     */
    List<OperationRecord> lease(String owner, Instant now, Instant leaseUntil, int batch) {
        return run("UPDATE instance_operations SET lease_owner = ?, lease_until = ? WHERE operation_id IN ("
                + "SELECT operation_id FROM instance_operations WHERE state = 'RUNNING' AND next_check_at <= ? "
                + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "RETURNING " + COLUMNS, statement -> {
                    statement.setString(1, owner);
                    statement.setTimestamp(2, Timestamp.from(leaseUntil));
                    statement.setTimestamp(3, Timestamp.from(now));
                    statement.setTimestamp(4, Timestamp.from(now));
                    statement.setInt(5, batch);
                    return all(statement);
                });
    }

    /** Writes what the owner saw and gives the lease back; {@code false} when the lease was lost meanwhile. */
    boolean release(String owner, OperationRecord operation, Instant nextCheck) {
        return run("UPDATE instance_operations SET state = ?, instance_id = ?, update_id = ?, amc_status = ?, "
                + "progress = ?, result = ?, problem = ?, updated_at = ?, finished_at = ?, checks = ?, next_check_at = ?, "
                + "lease_owner = NULL, lease_until = NULL WHERE operation_id = ? AND lease_owner = ?", statement -> {
                    bindProgress(statement, operation);
                    statement.setInt(10, operation.checks());
                    statement.setTimestamp(11, Timestamp.from(nextCheck));
                    statement.setObject(12, operation.operationId());
                    statement.setString(13, owner);
                    return statement.executeUpdate() == 1;
                });
    }

    /** Binds the nine columns both updates write, {@code state} to {@code finished_at}, as parameters 1 to 9. */
    private static void bindProgress(PreparedStatement statement, OperationRecord operation) throws SQLException {
        statement.setString(1, operation.state().name());
        statement.setString(2, operation.instanceId());
        statement.setObject(3, operation.updateId());
        statement.setString(4, operation.amcStatus());
        statement.setInt(5, operation.progress());
        statement.setString(6, operation.result());
        statement.setString(7, operation.problem());
        statement.setTimestamp(8, Timestamp.from(operation.updatedAt()));
        statement.setTimestamp(9, operation.finishedAt() == null ? null : Timestamp.from(operation.finishedAt()));
    }

    /** Writes what the request that started the operation learnt from AMC's first answer. */
    void started(OperationRecord operation) {
        run("UPDATE instance_operations SET state = ?, instance_id = ?, update_id = ?, amc_status = ?, progress = ?, "
                + "result = ?, problem = ?, updated_at = ?, finished_at = ? WHERE operation_id = ?", statement -> {
                    bindProgress(statement, operation);
                    statement.setObject(10, operation.operationId());
                    statement.executeUpdate();
                    return null;
                });
    }

    /** Whether an operation of the facade's already follows AMC's update {@code updateId} of this instance. */
    boolean followsUpdate(String accountId, String instanceId, long updateId) {
        return run("SELECT 1 FROM instance_operations WHERE account_id = ? AND instance_id = ? AND update_id = ?",
                statement -> {
                    statement.setString(1, accountId);
                    statement.setString(2, instanceId);
                    statement.setLong(3, updateId);
                    return Statements.first(statement, row -> true).isPresent();
                });
    }

    void markInstantAccess(String accountId, String instanceId) {
        run("INSERT INTO instant_access_instances (account_id, instance_id, learned_at) VALUES (?, ?, now()) "
                + "ON CONFLICT DO NOTHING", statement -> {
                    statement.setString(1, accountId);
                    statement.setString(2, instanceId);
                    statement.executeUpdate();
                    return null;
                });
    }

    boolean isInstantAccess(String accountId, String instanceId) {
        return run("SELECT 1 FROM instant_access_instances WHERE account_id = ? AND instance_id = ?", statement -> {
            statement.setString(1, accountId);
            statement.setString(2, instanceId);
            return Statements.first(statement, row -> true).isPresent();
        });
    }

    /** Which of these instances are known instant self-service ones: one query for a page. */
    java.util.Set<String> instantAccessAmong(String accountId, List<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return java.util.Set.of();
        }
        return run("SELECT instance_id FROM instant_access_instances WHERE account_id = ? AND instance_id = ANY (?)",
                statement -> {
                    statement.setString(1, accountId);
                    statement.setArray(2, statement.getConnection().createArrayOf("text", instanceIds.toArray()));
                    return java.util.Set.copyOf(Statements.rows(statement, row -> row.getString(1)));
                });
    }

    private <T> T run(String sql, Statements.Work<T> work) {
        return Statements.run(dataSource, sql, work, "The operations store could not be reached; nothing was sent to AMC.");
    }

    private static List<OperationRecord> all(PreparedStatement statement) throws SQLException {
        return Statements.rows(statement, OperationStore::read);
    }

    private static Optional<OperationRecord> first(PreparedStatement statement) throws SQLException {
        return Statements.first(statement, OperationStore::read);
    }

    private static int bind(PreparedStatement s, OperationRecord o) throws SQLException {
        s.setObject(1, o.operationId());
        s.setString(2, o.kind().name());
        s.setString(3, o.state().name());
        s.setString(4, o.accountId());
        s.setString(5, o.instanceId());
        s.setObject(6, o.updateId());
        s.setString(7, o.request());
        s.setString(8, o.idempotencyToken());
        s.setString(9, o.amcStatus());
        s.setInt(10, o.progress());
        s.setString(11, o.result());
        s.setString(12, o.problem());
        s.setObject(13, o.startedEventId());
        s.setString(14, o.startedBy());
        s.setString(15, o.onBehalfOf());
        s.setTimestamp(16, Timestamp.from(o.createdAt()));
        s.setTimestamp(17, Timestamp.from(o.updatedAt()));
        s.setTimestamp(18, o.finishedAt() == null ? null : Timestamp.from(o.finishedAt()));
        s.setTimestamp(19, Timestamp.from(o.deadline()));
        s.setInt(20, o.checks());
        return 21;
    }

    private static OperationRecord read(ResultSet r) throws SQLException {
        Timestamp finished = r.getTimestamp("finished_at");
        long update = r.getLong("update_id");
        Long updateId = r.wasNull() ? null : update;
        return new OperationRecord(r.getObject("operation_id", UUID.class), OperationKind.valueOf(r.getString("kind")),
                OperationState.valueOf(r.getString("state")), r.getString("account_id"), r.getString("instance_id"),
                updateId, r.getString("request"), r.getString("idempotency_token"),
                r.getString("amc_status"), r.getInt("progress"), r.getString("result"), r.getString("problem"),
                r.getObject("started_event_id", UUID.class), r.getString("started_by"), r.getString("on_behalf_of"),
                r.getTimestamp("created_at").toInstant(), r.getTimestamp("updated_at").toInstant(),
                finished == null ? null : finished.toInstant(), r.getTimestamp("deadline").toInstant(), r.getInt("checks"));
    }
}
