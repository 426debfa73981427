package io.amcfacade.audit.export;

import io.amcfacade.audit.integrity.TrailVerdicts;
import io.amcfacade.audit.storage.AuditPartitions;
import io.amcfacade.audit.query.AuditCriteria;
import io.amcfacade.audit.query.AuditCriteriaSql;

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
import java.util.List;
import java.util.Optional;
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
 * two statements ({@link ExportBatches}). An action's other records follow its intent within its
 * request, so a day after the batch's last intent bounds any look-up to one or two partitions.
 */
final class AuditExportReader implements AutoCloseable {

    private static final int BATCH = 5000;
    private static final String INTENTS = "SELECT i.event_id, i.recorded_at, i.action, i.actor_subject, i.actor_name, "
            + "i.actor_roles, i.on_behalf_of, i.client_ip, i.correlation_id, i.account_id, i.target_id, "
            + "i.idempotency_key, i.recorded_at, i.seq, i.txid, i.occurred_at FROM audit_records i WHERE ";
    private static final List<ExportLine> END = List.of();

    /** Batches of lines, {@link #END}, or the failure that stopped the reading. */
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    private final DataSource dataSource;
    private final AuditCriteria criteria;
    private final AuditCriteriaSql.Where where;
    private final ExportBatches batches;
    private final Thread thread;

    private AuditExportReader(DataSource dataSource, AuditCriteria criteria, Duration pendingTimeout, TrailVerdicts verdicts) {
        this.dataSource = dataSource;
        this.criteria = criteria;
        Instant pendingSince = Instant.now().minus(pendingTimeout);
        this.batches = new ExportBatches(pendingSince, pendingTimeout, verdicts);
        this.where = AuditCriteriaSql.where(criteria, pendingSince);
        this.thread = new Thread(this::read, "audit-export");
        this.thread.setDaemon(true);
    }

    /** @param pendingTimeout an intent older than this with no outcome reads UNKNOWN, younger PENDING */
    static AuditExportReader start(DataSource dataSource, AuditCriteria criteria, Duration pendingTimeout,
            TrailVerdicts verdicts) {
        AuditExportReader reader = new AuditExportReader(dataSource, criteria, pendingTimeout, verdicts);
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
                    OffsetDateTime start = latest(month.atStartOfDay().atOffset(ZoneOffset.UTC), criteria.from());
                    OffsetDateTime end = earliest(month.plusMonths(1).atStartOfDay().atOffset(ZoneOffset.UTC), criteria.to());
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
        double recordsPerSecond = ExportBatches.recordsPerSecond(connection, month);
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
                        queue.put(batches.complete(connection, batch, recordsPerSecond));
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    queue.put(batches.complete(connection, batch, recordsPerSecond));
                }
            }
        }
    }

    private static ExportLine.Intent intent(ResultSet rs) throws SQLException {
        return new ExportLine.Intent(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant().toString(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getObject(13, OffsetDateTime.class),
                rs.getLong(14), rs.getLong(15), Optional.ofNullable(rs.getObject(16, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant).orElse(null));
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
