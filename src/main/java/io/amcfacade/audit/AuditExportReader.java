package io.amcfacade.audit;

import io.amcfacade.audit.storage.AuditPartitions;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.sql.DataSource;

/**
 * Reads an export's lines on its own thread, at most two batches ahead of the writer, so PostgreSQL and
 * the response work at the same time while memory stays bounded.
 *
 * <p>The trail is read one monthly partition at a time, so PostgreSQL never plans a sort over all of
 * it before the first line, and in one repeatable-read snapshot, so the months add up to one consistent
 * export. Intents arrive from a cursor; each batch of them fetches its outcomes and targets in one or
 * two statements (see {@link #related}). An action's other records follow its intent within its
 * request, so a day after the batch's last intent bounds any look-up to one or two partitions.
 */
final class AuditExportReader implements AutoCloseable {

    private static final int BATCH = 5000;
    private static final String INTENTS = "SELECT i.event_id, i.occurred_at, i.action, i.actor_subject, i.actor_name, "
            + "i.actor_roles, i.on_behalf_of, i.client_ip, i.correlation_id, i.account_id, i.target_id, "
            + "i.idempotency_key, i.recorded_at FROM audit_records i WHERE ";
    private static final String RELATED_COLUMNS = "SELECT event_id, kind, outcome, http_status, error_code, "
            + "upstream_status, upstream_request_id, latency_ms, target_id, position FROM audit_records WHERE ";
    /** Other records of the given actions, up to a day after the last of them: one index probe per action. */
    private static final String RELATED_BY_ID = RELATED_COLUMNS + "event_id = ANY (?) "
            + "AND kind IN ('OUTCOME', 'TARGET') AND recorded_at >= ? AND recorded_at < ? + interval '1 day'";
    /** Every outcome and target recorded in a time range: one ordered range read, for dense batches. */
    private static final String RELATED_IN_RANGE = RELATED_COLUMNS + "recorded_at >= ? AND recorded_at < ? "
            + "AND kind IN ('OUTCOME', 'TARGET')";
    /** A range read pays when it reads at most this many records per action of the batch. */
    private static final int RANGE_RECORDS_PER_ACTION = 8;
    private static final List<ExportLine> END = List.of();

    /** Batches of lines, {@link #END}, or the failure that stopped the reading. */
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    private final DataSource dataSource;
    private final AuditFilterSql filter;
    private final AuditFilterSql.Where where;
    private final Instant pendingSince;
    private final Duration pendingTimeout;
    private final Thread thread;

    private AuditExportReader(DataSource dataSource, AuditFilterSql filter, Duration pendingTimeout) {
        this.dataSource = dataSource;
        this.filter = filter;
        this.pendingTimeout = pendingTimeout;
        this.pendingSince = Instant.now().minus(pendingTimeout);
        this.where = filter.where(pendingSince);
        this.thread = new Thread(this::read, "audit-export");
        this.thread.setDaemon(true);
    }

    /** @param pendingTimeout an intent older than this with no outcome reads UNKNOWN, younger PENDING */
    static AuditExportReader start(DataSource dataSource, AuditFilterSql filter, Duration pendingTimeout) {
        AuditExportReader reader = new AuditExportReader(dataSource, filter, pendingTimeout);
        reader.thread.start();
        return reader;
    }

    /** @param written lines written so far, for the failure message; @return the next lines, or null at the end */
    @SuppressWarnings("unchecked")
    List<ExportLine> next(long written) throws IOException {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The audit export was interrupted after " + written + " rows", e);
        }
        if (item instanceof Exception failure) {
            throw new IOException("The audit export failed after " + written + " rows", failure);
        }
        return item == END ? null : (List<ExportLine>) item;
    }

    /** Stops the reading when the writer gives up early (the caller went away); its transaction rolls back. */
    @Override
    public void close() {
        thread.interrupt();
    }

    private void read() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                for (LocalDate month : AuditPartitions.months(connection)) {
                    OffsetDateTime start = latest(month.atStartOfDay().atOffset(ZoneOffset.UTC), filter.from());
                    OffsetDateTime end = earliest(month.plusMonths(1).atStartOfDay().atOffset(ZoneOffset.UTC), filter.to());
                    if (start.isBefore(end)) {
                        month(connection, month, start, end);
                    }
                }
            } finally {
                connection.rollback();
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the writer stopped; nobody waits for more
        } catch (SQLException | RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Exception failure) {
        try {
            queue.put(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One month's matching actions, oldest first, a batch of intents at a time. */
    private void month(Connection connection, LocalDate month, OffsetDateTime start, OffsetDateTime end)
            throws SQLException, InterruptedException {
        double recordsPerSecond = recordsPerSecond(connection, month);
        try (PreparedStatement intents = connection.prepareStatement(INTENTS + where.sql()
                + " AND i.recorded_at >= ? AND i.recorded_at < ? ORDER BY i.recorded_at, i.seq")) {
            intents.setFetchSize(BATCH); // a server-side cursor: rows arrive a batch at a time
            int next = where.bind(intents, 1);
            intents.setObject(next++, start);
            intents.setObject(next, end);
            try (ResultSet rs = intents.executeQuery()) {
                List<ExportLine.Intent> batch = new ArrayList<>(BATCH);
                while (rs.next()) {
                    batch.add(intent(rs));
                    if (batch.size() == BATCH) {
                        queue.put(complete(connection, batch, recordsPerSecond));
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    queue.put(complete(connection, batch, recordsPerSecond));
                }
            }
        }
    }

    private static ExportLine.Intent intent(ResultSet rs) throws SQLException {
        return new ExportLine.Intent(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant().toString(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getObject(13, OffsetDateTime.class));
    }

    /** Adds each action's outcome (or PENDING/UNKNOWN) and intended targets: the batch's lines. */
    private List<ExportLine> complete(Connection connection, List<ExportLine.Intent> batch, double recordsPerSecond)
            throws SQLException {
        Map<UUID, Related> related = related(connection, batch, recordsPerSecond);
        List<ExportLine> lines = new ArrayList<>(batch.size());
        for (ExportLine.Intent intent : batch) {
            Related other = related.get(intent.eventId());
            ExportLine.Outcome outcome = other != null && other.outcome != null ? other.outcome
                    : new ExportLine.Outcome(intent.recordedAt().toInstant().isAfter(pendingSince) ? "PENDING" : "UNKNOWN",
                            null, null, null, null, null);
            lines.add(ExportLine.of(intent, outcome, other == null ? null : other.targets()));
        }
        return lines;
    }

    /**
     * The outcomes and intended targets of a batch of actions, by event id. A batch whose actions are
     * dense in time (a broad filter) reads every outcome and target from its first intent to
     * {@code amc.audit.pending-timeout} after its last, in one range read; a sparse batch (a narrow
     * filter over months) probes the event index per action instead, as does every action whose outcome
     * the range did not hold (still running, died, or answered very late).
     */
    private Map<UUID, Related> related(Connection connection, List<ExportLine.Intent> batch, double recordsPerSecond)
            throws SQLException {
        Map<UUID, Related> related = new HashMap<>(batch.size() * 2);
        batch.forEach(intent -> related.put(intent.eventId(), new Related()));
        OffsetDateTime first = batch.get(0).recordedAt();
        OffsetDateTime last = batch.get(batch.size() - 1).recordedAt();
        OffsetDateTime rangeEnd = last.plus(pendingTimeout);
        double seconds = Duration.between(first, rangeEnd).toMillis() / 1000.0;
        List<ExportLine.Intent> unresolved = batch;
        if (recordsPerSecond > 0 && recordsPerSecond * seconds <= RANGE_RECORDS_PER_ACTION * batch.size()) {
            try (PreparedStatement statement = connection.prepareStatement(RELATED_IN_RANGE)) {
                statement.setObject(1, first);
                statement.setObject(2, rangeEnd);
                read(statement, related);
            }
            unresolved = batch.stream().filter(intent -> related.get(intent.eventId()).outcome == null).toList();
        }
        if (!unresolved.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(RELATED_BY_ID)) {
                statement.setArray(1, connection.createArrayOf("uuid", unresolved.stream().map(ExportLine.Intent::eventId).toArray()));
                statement.setObject(2, unresolved.get(0).recordedAt());
                statement.setObject(3, unresolved.get(unresolved.size() - 1).recordedAt());
                read(statement, related);
            }
        }
        return related;
    }

    /** Adds the outcome and targets the statement finds to the actions of the batch; ignores other actions. */
    private static void read(PreparedStatement statement, Map<UUID, Related> related) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Related other = related.get(rs.getObject(1, UUID.class));
                if (other == null) {
                    continue;
                }
                if ("OUTCOME".equals(rs.getString(2))) {
                    if (other.outcome == null) {
                        other.outcome = new ExportLine.Outcome(rs.getString(3), rs.getObject(4, Integer.class), rs.getString(5),
                                rs.getObject(6, Integer.class), rs.getString(7), rs.getObject(8, Long.class));
                    }
                } else if (rs.getString(3) == null) { // named up front; per-item results carry an outcome
                    other.target(rs.getInt(10), rs.getString(9));
                }
            }
        }
    }

    /** How many records a second the month's partition holds on average, by PostgreSQL's statistics (0: unknown). */
    private static double recordsPerSecond(Connection connection, LocalDate month) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
            statement.setString(1, AuditPartitions.name(month));
            try (ResultSet rs = statement.executeQuery()) {
                double records = rs.next() ? rs.getDouble(1) : 0;
                return Math.max(0, records) / Duration.between(month.atStartOfDay(), month.plusMonths(1).atStartOfDay()).toSeconds();
            }
        }
    }

    /** What an action's other records add to its line: the outcome's columns and the intended targets. */
    private static final class Related {
        ExportLine.Outcome outcome;
        /** By position; most actions have none, so it is made on the first. */
        SortedMap<Integer, String> targets;

        void target(int position, String id) {
            if (targets == null) {
                targets = new TreeMap<>();
            }
            targets.put(position, id);
        }

        String targets() {
            return targets == null ? null : String.join(" ", targets.values());
        }
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
