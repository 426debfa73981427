package io.amcfacade.audit;

import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.AuditUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.OwnerDatabase;
import io.amcfacade.audit.recording.AuditRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Concurrent callers share audit transactions (group commit), and still each gets its own answer:
 * every committed caller's records are in the table when its call returns, and a record the database
 * refuses fails only its own caller — a trigger rejects one caller's intents, as in {@link FailClosedAuditTest}.
 */
@QuarkusTest
class GroupCommitTest {

    private static final String REFUSED = "group-commit-refused";
    private static final int CALLERS = 40;

    @Inject
    AuditRecorder recorder;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void refuseOneCaller() throws SQLException {
        OwnerDatabase.execute("""
                CREATE OR REPLACE FUNCTION test_refuse_group_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'refused (test)'; END $$""",
                "DROP TRIGGER IF EXISTS test_refuse_group_commit ON audit_records",
                "CREATE TRIGGER test_refuse_group_commit BEFORE INSERT ON audit_records FOR EACH ROW WHEN (NEW.actor_subject = '"
                        + REFUSED + "') EXECUTE FUNCTION test_refuse_group_commit()");
    }

    @AfterEach
    void repair() throws SQLException {
        OwnerDatabase.execute("DROP TRIGGER IF EXISTS test_refuse_group_commit ON audit_records",
                "DROP FUNCTION IF EXISTS test_refuse_group_commit()");
    }

    @Test
    void concurrentCallersShareTransactions() throws Exception {
        Released released = release(null);
        assertThat(released.refused()).isZero();
        // Forty callers released at once queue behind whoever writes first: fewer transactions than callers.
        assertThat(transactionsOf(released.committed())).isLessThan(released.committed().size());
    }

    /**
     * A caller that finds no batch in flight writes its own records on its own thread (no hand-over to wait
     * for); callers queued behind a batch are written by the writer thread, which goes on from batch to batch,
     * instead of each batch waiting for a queued caller to be woken to lead it.
     */
    @Test
    void anIdleRecorderWritesOnTheCallersThreadAndABusyOneOnTheWriters() throws Exception {
        double callerBefore = batches("caller");
        TrailRecord lone = TrailRecord.of(TrailRecord.Kind.INTENT, UUID.randomUUID());
        lone.actorSubject = "group-commit-lone";
        lone.action = "ACCOUNTS_LIST";
        recorder.commitIntent(List.of(lone));
        assertThat(recordsOf(lone.eventId)).isEqualTo(1);
        assertThat(batches("caller")).isGreaterThan(callerBefore);

        double writerBefore = batches("writer");
        wave("group-commit-busy-");
        assertThat(batches("writer")).isGreaterThan(writerBefore);
    }

    private double batches(String by) {
        return registry.counter("amc.audit.write.batches", "by", by).count();
    }

    @Test
    void oneRefusedRecordFailsOnlyItsCaller() throws Exception {
        // A batch the database refuses is rewritten caller by caller, so this round says nothing about sharing.
        Released released = release(REFUSED);
        assertThat(released.refused()).isEqualTo(1);
        assertThat(released.committed()).hasSize(CALLERS - 1);
    }

    /**
     * Callers that arrive while a batch is in flight wait for a leader to write theirs; none may be left
     * waiting when the leader before them finishes (a lost hand-over would hang a request for good).
     * Staggered arrivals, so callers queue at every moment of a batch: before, during and after its commit.
     */
    @Test
    void callersArrivingDuringABatchAreAllAnswered() throws Exception {
        wave("group-commit-wave-");
    }

    /** {@code 5 × CALLERS} intents from {@code CALLERS} threads, arrivals staggered; each is committed when its call returns. */
    private void wave(String subjectPrefix) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<UUID>> calls = new ArrayList<>();
            for (int i = 0; i < 5 * CALLERS; i++) {
                int arrival = i;
                calls.add(callers.submit(() -> {
                    Thread.sleep(arrival % 7);
                    TrailRecord intent = TrailRecord.of(TrailRecord.Kind.INTENT, UUID.randomUUID());
                    intent.actorSubject = subjectPrefix + arrival;
                    intent.action = "ACCOUNTS_LIST";
                    recorder.commitIntent(List.of(intent));
                    return intent.eventId;
                }));
            }
            for (Future<UUID> call : calls) {
                assertThat(recordsOf(call.get(30, TimeUnit.SECONDS))).isEqualTo(1);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private record Released(List<UUID> committed, int refused) {
    }

    /** Releases {@link #CALLERS} concurrent intents at once; the middle one as {@code refusedSubject} when given. */
    private Released release(String refusedSubject) throws Exception {
        List<UUID> committed = new ArrayList<>();
        List<Future<UUID>> calls = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            for (int i = 0; i < CALLERS; i++) {
                String subject = i == CALLERS / 2 && refusedSubject != null ? refusedSubject : "group-commit-" + i;
                calls.add(callers.submit(() -> {
                    TrailRecord intent = TrailRecord.of(TrailRecord.Kind.INTENT, UUID.randomUUID());
                    intent.actorSubject = subject;
                    intent.action = "ACCOUNTS_LIST";
                    start.await();
                    recorder.commitIntent(List.of(intent, AuditRecords.details(intent.eventId, "{\"n\":1}")));
                    return intent.eventId;
                }));
            }
            start.countDown();
            int refused = 0;
            for (Future<UUID> call : calls) {
                try {
                    UUID eventId = call.get();
                    // Returned means committed: the records are there now, not eventually.
                    assertThat(recordsOf(eventId)).isEqualTo(2);
                    committed.add(eventId);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(AuditUnavailableException.class);
                    refused++;
                }
            }
            return new Released(committed, refused);
        } finally {
            callers.shutdownNow();
        }
    }

    private static int recordsOf(UUID eventId) throws SQLException {
        try (Connection connection = OwnerDatabase.connect();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM audit_records WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static int transactionsOf(List<UUID> eventIds) throws SQLException {
        try (Connection connection = OwnerDatabase.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(DISTINCT txid) FROM audit_records WHERE event_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
