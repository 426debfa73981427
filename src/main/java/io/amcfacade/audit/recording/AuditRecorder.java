package io.amcfacade.audit.recording;

import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.TrailRecordSql;
import io.amcfacade.audit.storage.AuditUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.RecordMac;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes audit records in committed transactions of their own, so that neither the action's own work
 * nor its failure can take an audit record with it. Every record gets its content hash and its MAC
 * here (the key never reaches the database); its time is the database clock's.
 * <p>
 * Group commit: every caller waits until its own records are committed, but callers that arrive while
 * a transaction is being written share the next one. Whoever holds the writer lock takes everything
 * queued so far, inserts it and commits once; the callers whose records went with it find them done
 * when they get the lock. An idle service writes each caller's records at once, alone; a busy one pays
 * one round trip and one WAL flush per batch instead of per request. A batch the database refuses for
 * its content (not for being unreachable) is written again caller by caller, so one bad record fails
 * only its own request.
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);
    /** Records in one transaction at most; a larger queue is written in several. */
    private static final int MAX_BATCH_RECORDS = 500;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;
    @Inject
    RecordMac mac;

    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    /** One caller's records and, once written, whether they were committed. */
    private static final class Pending {

        final List<TrailRecord> records;
        volatile boolean done;
        SQLException failure;
        RuntimeException bug;

        Pending(List<TrailRecord> records) {
            this.records = records;
        }

        void finish(Exception e) {
            if (e instanceof SQLException sql) {
                failure = sql;
            } else if (e instanceof RuntimeException runtime) {
                bug = runtime;
            }
            done = true;
        }
    }

    /** Commits records that must exist before the action runs; throws {@link AuditUnavailableException} if it cannot. */
    public void commitIntent(List<TrailRecord> records) {
        try {
            write(records);
        } catch (SQLException | RuntimeException e) {
            failed("intent");
            LOG.errorf(e, "Could not record the intent of %s; refusing the action", records.get(0).eventId);
            throw new AuditUnavailableException(e);
        }
    }

    /** Appends records after the answer is decided. A failure leaves the action without outcome (read as UNKNOWN). */
    public void append(List<TrailRecord> records) {
        try {
            write(records);
        } catch (SQLException | RuntimeException e) {
            failed("outcome");
            LOG.errorf(e, "Could not record the outcome of audit event %s", records.get(0).eventId);
        }
    }

    /** Returns once {@code records} are committed, with whatever else was queued meanwhile. */
    private void write(List<TrailRecord> records) throws SQLException {
        for (TrailRecord record : records) {
            record.escapeControlCharacters();
            record.contentHash = CanonicalRecord.hashV2(record);
            record.recordMac = mac.of(record.contentHash);
        }
        Pending mine = new Pending(records);
        queue.add(mine);
        writer.lock();
        try {
            while (!mine.done) {
                writeBatch(drain());
            }
        } finally {
            writer.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        if (mine.bug != null) {
            throw mine.bug;
        }
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>();
        int size = 0;
        Pending next;
        while (size < MAX_BATCH_RECORDS && (next = queue.poll()) != null) {
            batch.add(next);
            size += next.records.size();
        }
        return batch;
    }

    private void writeBatch(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        registry.summary("amc.audit.write.batch.callers").record(batch.size());
        try {
            insert(batch);
            batch.forEach(pending -> pending.finish(null));
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1 || unreachable(e)) {
                batch.forEach(pending -> pending.finish(e));
                return;
            }
            // Something in the batch was refused: give each caller its own transaction and its own answer.
            for (Pending pending : batch) {
                try {
                    insert(List.of(pending));
                    pending.finish(null);
                } catch (SQLException | RuntimeException own) {
                    pending.finish(own);
                }
            }
        }
    }

    private void insert(List<Pending> batch) throws SQLException {
        try {
            insertOnce(batch);
        } catch (SQLException e) {
            if (!noPartition(e) && !noPartition(e.getNextException())) {
                throw e;
            }
            // This month's partition is gone (dropped by hand): make it again rather than refuse every action.
            LOG.errorf("The audit trail has no partition for now; creating it: %s", e.getMessage());
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement ensure = connection.prepareStatement("SELECT audit_ensure_partition((clock_timestamp() AT TIME ZONE 'UTC')::date)")) {
                ensure.execute();
            }
            insertOnce(batch);
        }
    }

    private void insertOnce(List<Pending> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(TrailRecordSql.INSERT)) {
                for (Pending pending : batch) {
                    for (TrailRecord record : pending.records) {
                        TrailRecordSql.bind(insert, record);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static boolean noPartition(SQLException e) {
        return e != null && "23514".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("no partition");
    }

    /**
     * The database could not be reached at all (no connection within the pool's timeout, connection lost):
     * every caller fails alike, at once, instead of each waiting out the same failure again.
     */
    private static boolean unreachable(Exception e) {
        if (!(e instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        return state == null || state.startsWith("08");
    }

    private void failed(String phase) {
        registry.counter("amc.audit.write.failures", "phase", phase).increment();
    }
}
