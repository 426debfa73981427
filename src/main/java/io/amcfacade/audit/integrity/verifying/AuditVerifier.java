package io.amcfacade.audit.integrity.verifying;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.amcfacade.audit.integrity.VerifyReport.Kind;
import io.amcfacade.audit.integrity.VerifyReport.Problem;
import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.integrity.AcknowledgedTruncation;
import io.amcfacade.audit.integrity.Anchor;
import io.amcfacade.audit.integrity.LegalHoldChange;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealKey;
import io.amcfacade.audit.integrity.SealPublicKey;
import io.amcfacade.audit.integrity.TailChecks;
import io.amcfacade.audit.integrity.TrailVerdicts;
import io.amcfacade.audit.integrity.VerifyReport;
import io.amcfacade.audit.integrity.sealing.Sealing;

/**
 * Proves the trail with the seal public key alone: every seal's chain link, digest and signature, and
 * for every month not purged by a sealed purge, that the records are exactly the sealed ones,
 * unchanged, written by the service (MAC, as the seal attests) and on time; that the legal-hold changes
 * are exactly the sealed ones, unchanged and bound to their intents; then the purges and the tail. Plain
 * JDBC, so the service and the command line run the same check. Stops at the first problem, and always
 * lists the cut tails operators acknowledged. The checks themselves are {@link SealChecks},
 * {@link RecordChecks}, {@link HoldChecks}, {@link PurgedMonths} and {@link TailChecks}; this class reads,
 * and hashes on one thread per processor while the next seal's records are read.
 */
public final class AuditVerifier {

    /** Threads that hash records while the next seal's records are read. */
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private final Connection connection;
    private final SealPublicKey publicKey;
    private final SealKey legacyKey;

    /** @param legacyKey the previous version's HMAC key, to check its seals' own signatures too; may be null */
    public AuditVerifier(Connection connection, SealPublicKey publicKey, SealKey legacyKey) {
        this.connection = connection;
        this.publicKey = publicKey;
        this.legacyKey = legacyKey;
    }

    /**
     * @param from seals made at or after this (null: from the first)
     * @param to seals made before this (null: to the last, including the tail checks)
     * @param anchor the latest seal known from outside, or null
     * @param maxSealAge when checking to the end, the newest seal must be younger than this (null: skip)
     */
    public VerifyReport verify(Instant from, Instant to, Anchor anchor, Duration maxSealAge) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // one snapshot; seals arrive from a cursor, a few at a time
        ExecutorService hashing = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "audit-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            PurgedMonths purged = new PurgedMonths(TrailReads.sealedPurges(connection));
            List<LegalHoldChange> holds = TrailReads.holdChanges(connection);
            Progress progress = new Progress(from == null ? null : TrailReads.sealBefore(connection, from).orElse(null), purged,
                    HoldChecks.byTxid(holds), TrailReads.acknowledgements(connection, new TrailVerdicts(publicKey)));
            Problem problem = checkSeals(from, to, hashing, progress);
            if (problem == null && from == null && to == null) {
                problem = purged.check(progress.namedDigests);
            }
            if (problem == null && to == null) {
                problem = HoldChecks.fromTheFuture(holds, TrailReads.nextTxid(connection), progress.last);
            }
            if (problem == null && legacyKey == null && progress.last != null && progress.last.format() == Seal.HMAC) {
                problem = SealChecks.problem(Kind.SEAL_UNAUTHENTICATED, progress.last, "Seal " + progress.last.sealId()
                        + " is HMAC-signed and no Ed25519 seal follows it: without the HMAC key it cannot be checked.");
            }
            if (problem != null || to != null) {
                return progress.report(0, problem);
            }
            long unsealed = TrailReads.countFrom(connection, progress.last == null ? 0 : progress.last.txidTo());
            Problem tail = anchor == null ? null
                    : TailChecks.anchor(anchor, Sealing.byId(connection, anchor.sealId()), Sealing.latest(connection));
            return progress.report(unsealed, tail != null ? tail : TailChecks.fresh(progress.last, maxSealAge, Instant.now()));
        } finally {
            hashing.shutdownNow();
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Checks each seal's link in the chain here, in order, and hands its records to the hashing threads
     * while the next seal's records are read; results are taken in seal order, so the first problem
     * reported is the first in the trail.
     */
    private Problem checkSeals(Instant from, Instant to, ExecutorService hashing, Progress progress) throws SQLException {
        Deque<Pending> pending = new ArrayDeque<>();
        Seal previous = progress.last;
        try (PreparedStatement statement = TrailReads.sealsFrom(connection, from, to, THREADS * 4);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Seal seal = Seal.read(rs);
                Problem problem = SealChecks.link(seal, previous, from == null);
                problem = problem != null ? problem : SealChecks.digest(seal);
                if (problem != null) {
                    Problem earlier = progress.takeAll(pending);
                    return earlier != null ? earlier : problem;
                }
                progress.named(seal);
                List<TrailRecord> rows = TrailReads.records(connection, seal.txidFrom(), seal.txidTo());
                Seal before = previous;
                Collection<LegalHoldChange> holds = HoldChecks.covered(seal, before, progress.holds);
                pending.add(new Pending(seal, rows.size(), hashing.submit(() -> {
                    Problem found = signed(seal) ? SealChecks.signature(seal, publicKey, legacyKey) : null;
                    found = found != null ? found : HoldChecks.check(seal, holds);
                    return found != null ? found : RecordChecks.check(seal, before, rows, progress.purged);
                })));
                previous = seal;
                if (pending.size() > THREADS) {
                    Problem found = progress.take(pending.poll());
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        Problem problem = progress.takeAll(pending);
        if (problem == null && progress.last != null && !signed(progress.last)) {
            problem = SealChecks.signature(progress.last, publicKey, legacyKey); // the chain's end authenticates what it covers
        }
        return problem;
    }

    /**
     * Whose signature is checked: every seal that covers something, and (after the walk) the last one.
     * An empty seal in between is authenticated by the chain: the next checked seal's signed digest covers
     * its digest. An Ed25519 check costs about a millisecond, and an idle service seals every few seconds,
     * so checking every empty seal would make verifying a year of trail take the better part of an hour.
     */
    private static boolean signed(Seal seal) {
        return seal.rowCount() > 0 || listsSomething(seal.purges()) || listsSomething(seal.rejected())
                || listsSomething(seal.holds());
    }

    private static boolean listsSomething(String list) {
        return list != null && !"[]".equals(list);
    }

    /** A seal whose records are being checked. */
    private record Pending(Seal seal, int rows, Future<Problem> check) {
    }

    /** What has been proven so far, in seal order. */
    private static final class Progress {
        final PurgedMonths purged;
        final NavigableMap<Long, List<LegalHoldChange>> holds;
        final List<AcknowledgedTruncation> acknowledged;
        final Set<Long> namedByPurges = new HashSet<>();
        final Map<Long, String> namedDigests = new HashMap<>();
        long seals;
        long records;
        Seal last;

        Progress(Seal before, PurgedMonths purged, NavigableMap<Long, List<LegalHoldChange>> holds,
                List<AcknowledgedTruncation> acknowledged) {
            this.last = before;
            this.purged = purged;
            this.holds = holds;
            this.acknowledged = acknowledged;
            purged.all().forEach(purge -> namedByPurges.add(purge.lastSealId()));
        }

        void named(Seal seal) {
            if (namedByPurges.contains(seal.sealId())) {
                namedDigests.put(seal.sealId(), seal.digest());
            }
        }

        Problem take(Pending pending) {
            Problem problem;
            try {
                problem = pending.check().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while verifying the audit trail", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
            records += pending.rows();
            if (problem == null) {
                seals++;
                last = pending.seal();
            }
            return problem;
        }

        Problem takeAll(Deque<Pending> pending) {
            while (!pending.isEmpty()) {
                Problem problem = take(pending.poll());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        VerifyReport report(long unsealed, Problem problem) {
            return new VerifyReport(seals, records, unsealed, last, problem, purged.all(), acknowledged);
        }
    }
}
