package io.amcfacade.audit.recording;

import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.TrailRecordSql;
import io.amcfacade.audit.storage.AuditUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.RecordMac;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes audit records in committed transactions of their own, so that neither the action's own work
 * nor its failure can take an audit record with it. Every record gets its content hash and its MAC
 * here (the key never reaches the database); its time is the database clock's.
 * <p>
 * Group commit: callers queue their records and wait for their own answer; a writer thread takes
 * everything queued so far, inserts it and commits once, then wakes exactly the callers whose records
 * went with it ({@code amc.audit.writers} threads, one by default: with more, several batches are in
 * flight, which pays only where flushes are slow and the database has cores to spare). An idle service
 * writes each caller's records at once, alone; a busy one pays one round trip and one flush per
 * batch instead of per request. A batch the database refuses for its content (not for being
 * unreachable) is written again caller by caller, so one bad record fails only its own request.
 * <p>
 * Durability (docs/decisions/0021): a transaction that carries an intent (committed before the action,
 * or a whole action) is committed with {@code synchronous_commit} on — the caller goes on only after
 * the WAL flush. An outcome appended after the action is committed without waiting for the flush: a
 * crash within the next fraction of a second can lose it, which leaves the action reading UNKNOWN, as
 * a crash just before the append would. A batch holding any durable record is durable.
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);
    /** Records in one transaction at most; a larger queue is written in several. */
    private static final int MAX_BATCH_RECORDS = 500;

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private final RecordMac mac;
    private final int writerCount;
    private final Counter flushedCommits;
    private final Counter deferredCommits;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean stopping;

    @Inject
    AuditRecorder(AgroalDataSource dataSource, MeterRegistry registry, RecordMac mac,
            @ConfigProperty(name = "amc.audit.writers", defaultValue = "1") int writerCount) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.mac = mac;
        this.writerCount = Math.max(1, writerCount);
        this.flushedCommits = registry.counter("amc.audit.commits", "durability", "flushed");
        this.deferredCommits = registry.counter("amc.audit.commits", "durability", "deferred");
    }

    /** One caller's records and, once written, whether they were committed. */
    private static final class Pending {

        final List<TrailRecord> records;
        final boolean durable;
        private final CountDownLatch written = new CountDownLatch(1);
        private Exception failure;

        Pending(List<TrailRecord> records, boolean durable) {
            this.records = records;
            this.durable = durable;
        }

        void finish(Exception e) {
            failure = e;
            written.countDown();
        }

        /** Waits for the writer's answer; the latch orders the writer's {@code failure} before this read. */
        void await() throws SQLException {
            boolean interrupted = false;
            while (true) {
                try {
                    written.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof SQLException sql) {
                throw sql;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
        }
    }

    @PostConstruct
    void startWriters() {
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::writeWhileRunning, "audit-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /** Writes what is still queued, then lets the writers end. */
    @PreDestroy
    void stopWriters() {
        stopping = true;
        for (Thread writer : writers) {
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Commits records that must exist before the action runs; throws {@link AuditUnavailableException} if it cannot. */
    public void commitIntent(List<TrailRecord> records) {
        try {
            write(records, true);
        } catch (SQLException | RuntimeException e) {
            failed("intent");
            LOG.errorf(e, "Could not record the intent of %s; refusing the action", records.get(0).eventId);
            throw new AuditUnavailableException(e);
        }
    }

    /**
     * Appends records after the answer is decided. A failure leaves the action without outcome (read as
     * UNKNOWN). Records that carry their action's intent (a denial recorded whole) are flushed before
     * this returns; an outcome alone is not waited for (decision 0021).
     */
    public void append(List<TrailRecord> records) {
        try {
            write(records, records.stream().anyMatch(record -> record.kind == TrailRecord.Kind.INTENT));
        } catch (SQLException | RuntimeException e) {
            failed("outcome");
            LOG.errorf(e, "Could not record the outcome of audit event %s", records.get(0).eventId);
        }
    }

    /** Returns once {@code records} are committed, with whatever else was queued meanwhile. */
    private void write(List<TrailRecord> records, boolean durable) throws SQLException {
        for (TrailRecord record : records) {
            record.escapeControlCharacters();
            record.contentHash = CanonicalRecord.hashV2(record);
            record.recordMac = mac.of(record.contentHash);
        }
        Pending mine = new Pending(records, durable);
        queue.add(mine);
        mine.await();
    }

    private void writeWhileRunning() {
        while (true) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (stopping) {
                    return;
                }
                continue;
            }
            List<Pending> batch = drainAfter(first);
            try {
                writeBatch(batch);
            } catch (Throwable unexpected) {
                // Never leave a caller waiting: whatever went wrong is its answer.
                RuntimeException failure = unexpected instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(unexpected);
                batch.forEach(pending -> pending.finish(failure));
            }
        }
    }

    private List<Pending> drainAfter(Pending first) {
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        int size = first.records.size();
        Pending next;
        while (size < MAX_BATCH_RECORDS && (next = queue.poll()) != null) {
            batch.add(next);
            size += next.records.size();
        }
        return batch;
    }

    private void writeBatch(List<Pending> batch) {
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
            boolean durable = batch.stream().anyMatch(pending -> pending.durable);
            try (PreparedStatement insert = connection.prepareStatement(TrailRecordSql.INSERT)) {
                if (!durable) {
                    try (Statement lazy = connection.createStatement()) {
                        lazy.execute("SET LOCAL synchronous_commit = off");
                    }
                }
                for (Pending pending : batch) {
                    for (TrailRecord record : pending.records) {
                        TrailRecordSql.bind(insert, record);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
                connection.commit();
                (durable ? flushedCommits : deferredCommits).increment();
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
