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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.RecordMac;
import io.amcfacade.ops.Tracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;

/**
 * Writes audit records in committed transactions of their own, so that neither the action's own work
 * nor its failure can take an audit record with it. Every record gets its content hash and its MAC
 * here (the key never reaches the database); its time is the database clock's.
 * <p>
 * Group commit: a caller queues its records; if no batch is being written, it writes, on its own thread,
 * everything queued so far (its own records among them) in one transaction — an idle service so writes each
 * caller's records at once, without a hand-over to another thread. Callers that arrive while a batch is in
 * flight wait on their own {@link Pending}; when that batch is done, the writer thread ({@code audit-writer})
 * writes what they queued, batch after batch while more arrive, and wakes exactly the callers of each batch.
 * Under load the batches so follow each other on one thread that is already running, instead of each waiting
 * for a queued caller to be woken to lead it (leader and followers, measured in docs/benchmarks.md: one more
 * thread wake-up per batch in the path of every queued caller, which on busy cores doubled the writes' p99 at
 * 200 requests/s). A busy service pays one round trip and one flush per batch instead of per request. A batch
 * the database refuses for its content (not for being unreachable) is written again caller by caller, so one
 * bad record fails only its own request.
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
    private final RecordMac mac;
    private final MeterRegistry registry;
    private final Counter flushedCommits;
    private final Counter deferredCommits;
    private final DistributionSummary batchCallers;

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    /** Held by whoever writes, a caller or the writer thread: one batch in flight at a time. */
    private final ReentrantLock leading = new ReentrantLock();
    private final Counter callerBatches;
    private final Counter writerBatches;
    private final Thread writer = new Thread(this::writeWhileRunning, "audit-writer");
    private volatile boolean stopping;

    private final Tracing tracing;

    @Inject
    AuditRecorder(AgroalDataSource dataSource, MeterRegistry registry, RecordMac mac, Tracing tracing) {
        this.dataSource = dataSource;
        this.tracing = tracing;
        this.registry = registry;
        this.mac = mac;
        this.flushedCommits = registry.counter("amc.audit.commits", "durability", "flushed");
        this.deferredCommits = registry.counter("amc.audit.commits", "durability", "deferred");
        this.batchCallers = registry.summary("amc.audit.write.batch.callers");
        this.callerBatches = registry.counter("amc.audit.write.batches", "by", "caller");
        this.writerBatches = registry.counter("amc.audit.write.batches", "by", "writer");
        writer.setDaemon(true);
    }

    @PostConstruct
    void startWriter() {
        writer.start();
    }

    /** Writes what is still queued, then lets the writer end; callers after that write their own. */
    @PreDestroy
    void stopWriter() {
        stopping = true;
        LockSupport.unpark(writer);
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One caller's records and, once written, whether they were committed. */
    private static final class Pending {

        final List<TrailRecord> records;
        final boolean durable;
        final Thread caller = Thread.currentThread();
        private volatile boolean written;
        private Exception failure;

        Pending(List<TrailRecord> records, boolean durable) {
            this.records = records;
            this.durable = durable;
        }

        /** The volatile {@code written} orders {@code failure} before the caller's read of it. */
        void finish(Exception e) {
            failure = e;
            written = true;
            if (caller != Thread.currentThread()) {
                LockSupport.unpark(caller);
            }
        }

        boolean written() {
            return written;
        }

        void rethrow() throws SQLException {
            if (failure instanceof SQLException sql) {
                throw sql;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
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
        Span span = tracing.start("audit commit", SpanKind.INTERNAL);
        if (span.isRecording()) {
            span.setAttribute("audit.event_id", String.valueOf(records.get(0).eventId));
            span.setAttribute("audit.records", records.size());
            span.setAttribute("audit.durable", durable);
        }
        try {
            writeAndWait(records, durable);
        } catch (SQLException | RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private void writeAndWait(List<TrailRecord> records, boolean durable) throws SQLException {
        for (TrailRecord record : records) {
            record.escapeControlCharacters();
            record.contentHash = CanonicalRecord.hashV2(record);
            record.recordMac = mac.of(record.contentHash);
        }
        Pending mine = new Pending(records, durable);
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.written()) {
            if (leading.tryLock()) {
                try {
                    // No batch is in flight while this thread writes: its records are written or still queued.
                    while (!mine.written()) {
                        List<Pending> batch = drain();
                        if (batch.isEmpty()) {
                            mine.finish(new IllegalStateException("audit records queued but not found by their own writer"));
                            break;
                        }
                        callerBatches.increment();
                        writeBatch(batch);
                    }
                } finally {
                    leading.unlock();
                }
                handOver();
            } else {
                // Whoever holds the lock writes these records, or hands them over when it lets go.
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        mine.rethrow();
    }

    /**
     * Records queued while a caller wrote go to the writer thread. Checked after the lock is released, so a
     * caller that queued meanwhile (and found the lock taken) is seen here. Once the writer has ended (the
     * service is stopping), the oldest queued caller is woken to write them itself.
     */
    private void handOver() {
        Pending next = queue.peek();
        if (next == null) {
            return;
        }
        if (writer.isAlive() && !stopping) {
            LockSupport.unpark(writer);
        } else {
            LockSupport.unpark(next.caller);
        }
    }

    /**
     * The writer thread: while anything is queued and no caller is writing, writes batch after batch. It
     * sleeps when the queue is empty or a caller holds the lock (that caller wakes it when done); the bounded
     * sleep only guards against a wake-up lost to a bug.
     */
    private void writeWhileRunning() {
        while (!stopping || !queue.isEmpty()) {
            if (queue.isEmpty() || !leading.tryLock()) {
                LockSupport.parkNanos(this, 200_000_000L);
                continue;
            }
            try {
                List<Pending> batch;
                while (!(batch = drain()).isEmpty()) {
                    writerBatches.increment();
                    writeBatch(batch);
                }
            } catch (Throwable unexpected) {
                LOG.errorf(unexpected, "The audit writer failed; callers write their own records until it is back");
            } finally {
                leading.unlock();
            }
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

    /** Never throws: every caller in the batch gets its answer, whatever went wrong. */
    private void writeBatch(List<Pending> batch) {
        try {
            writeOrSplit(batch);
        } catch (Throwable unexpected) {
            RuntimeException failure = unexpected instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(unexpected);
            batch.stream().filter(pending -> !pending.written()).forEach(pending -> pending.finish(failure));
        }
    }

    private void writeOrSplit(List<Pending> batch) {
        batchCallers.record(batch.size());
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
