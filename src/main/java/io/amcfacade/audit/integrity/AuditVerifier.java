package io.amcfacade.audit.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.amcfacade.audit.TrailRecord;
import io.amcfacade.audit.TrailRecordSql;

/**
 * Proves the trail: every seal's chain link, digest and signature, and for every month not purged by
 * retention, that the records are exactly the sealed ones with unchanged content. Plain JDBC, so the
 * service and the command line run the same check. Stops at the first problem. Records are hashed on
 * as many threads as there are processors while the next seal's records are read.
 */
public final class AuditVerifier {

    /** The latest seal someone kept outside the database, to catch a cut-off tail of seals. */
    public record Anchor(long sealId, String digest) {
    }

    /** Threads that hash records while the next seal's records are read. */
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private final Connection connection;
    private final SealKey key;

    public AuditVerifier(Connection connection, SealKey key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * @param from seals made at or after this (null: from the first)
     * @param to seals made before this (null: to the last, including the tail checks)
     * @param anchor the latest seal known from outside, or null
     * @param maxSealAge when checking to the end, the newest seal must be younger than this (null: skip)
     */
    public VerifyReport verify(Instant from, Instant to, Anchor anchor, Duration maxSealAge) throws SQLException {
        Set<String> purged = purgedMonths();
        Seal before = from == null ? null : sealBefore(from).orElse(null);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // seals arrive from a cursor, a few at a time
        ExecutorService hashing = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "audit-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Progress progress = new Progress(before);
            VerifyReport.Problem problem = checkSeals(from, to, purged, hashing, progress);
            if (problem != null || to != null) {
                return progress.report(0, problem);
            }
            long unsealed = countFrom(progress.last == null ? 0 : progress.last.txidTo());
            return progress.report(unsealed, checkTail(progress.last, anchor, maxSealAge));
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
    private VerifyReport.Problem checkSeals(Instant from, Instant to, Set<String> purged, ExecutorService hashing,
            Progress progress) throws SQLException {
        Deque<Pending> pending = new ArrayDeque<>();
        Seal previous = progress.last;
        try (PreparedStatement statement = sealsFrom(from, to); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Seal seal = Seal.read(rs);
                VerifyReport.Problem problem = checkSeal(seal, previous, from == null);
                if (problem != null) {
                    VerifyReport.Problem earlier = progress.takeAll(pending);
                    return earlier != null ? earlier : problem;
                }
                List<TrailRecord> rows = records(seal.txidFrom(), seal.txidTo());
                pending.add(new Pending(seal, rows.size(), hashing.submit(() -> checkRecords(seal, rows, purged))));
                previous = seal;
                if (pending.size() > THREADS) {
                    VerifyReport.Problem found = progress.take(pending.poll());
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return progress.takeAll(pending);
    }

    /** A seal whose records are being checked. */
    private record Pending(Seal seal, int rows, Future<VerifyReport.Problem> check) {
    }

    /** What has been proven so far, in seal order. */
    private static final class Progress {
        long seals;
        long records;
        Seal last;

        Progress(Seal before) {
            this.last = before;
        }

        VerifyReport.Problem take(Pending pending) {
            VerifyReport.Problem problem;
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

        VerifyReport.Problem takeAll(Deque<Pending> pending) {
            while (!pending.isEmpty()) {
                VerifyReport.Problem problem = take(pending.poll());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        VerifyReport report(long unsealed, VerifyReport.Problem problem) {
            return new VerifyReport(seals, records, unsealed, last, problem);
        }
    }

    private VerifyReport.Problem checkSeal(Seal seal, Seal previous, boolean fromStart) {
        if (previous == null && fromStart && (seal.sealId() != 1 || !Seal.GENESIS.equals(seal.previousDigest()) || seal.txidFrom() != 0)) {
            return problem("SEAL_MISSING", seal, "The first seal is " + seal.sealId() + "; seals before it were removed.");
        }
        if (previous != null && seal.sealId() != previous.sealId() + 1) {
            return problem("SEAL_MISSING", seal, "Seal " + (previous.sealId() + 1) + " is missing before seal " + seal.sealId() + ".");
        }
        if (previous != null && (!seal.previousDigest().equals(previous.digest()) || seal.txidFrom() != previous.txidTo())) {
            return problem("SEAL_CHAIN_BROKEN", seal, "Seal " + seal.sealId() + " does not continue seal " + previous.sealId() + ".");
        }
        if (!seal.expectedDigest().equals(seal.digest())) {
            return problem("SEAL_DIGEST_MISMATCH", seal, "Seal " + seal.sealId() + " was altered: its digest does not match its fields.");
        }
        if (!key.id().equals(seal.keyId()) || !key.sign(seal.digest()).equals(seal.signature())) {
            return problem("SEAL_SIGNATURE_INVALID", seal, "Seal " + seal.sealId() + " is not signed by the configured key.");
        }
        return null;
    }

    private VerifyReport.Problem checkRecords(Seal seal, List<TrailRecord> rows, Set<String> purged) {
        Map<String, List<TrailRecord>> byMonth = new LinkedHashMap<>();
        for (TrailRecord row : rows) {
            byMonth.computeIfAbsent(month(row), m -> new ArrayList<>()).add(row);
        }
        for (SealParts.Part part : SealParts.read(seal.parts())) {
            if (purged.contains(part.month())) {
                byMonth.remove(part.month());
                continue; // dropped by retention; the signed part digest stands for it
            }
            List<TrailRecord> present = byMonth.getOrDefault(part.month(), List.of());
            byMonth.remove(part.month());
            VerifyReport.Problem problem = sameRecords(seal, part.seqs(), present);
            if (problem != null) {
                return problem;
            }
            for (TrailRecord row : present) {
                if (!CanonicalRecord.hash(row).equals(row.contentHash)) {
                    return new VerifyReport.Problem("RECORD_MODIFIED", seal.sealId(), row.seq, row.eventId,
                            "The content hash of record " + row.seq + " (" + row.kind + ") does not match its fields.");
                }
            }
            List<SealParts.Row> rowsForDigest = present.stream()
                    .map(r -> new SealParts.Row(r.seq, r.recordedAt, r.contentHash)).toList();
            if (!SealParts.digest(part.month(), rowsForDigest).equals(part.digest())) {
                return problem("SEAL_DIGEST_MISMATCH", seal, "The records of seal " + seal.sealId() + " for " + part.month()
                        + " do not match it: a stored content hash was rewritten.");
            }
        }
        for (List<TrailRecord> extra : byMonth.values()) {
            TrailRecord row = extra.get(0);
            return new VerifyReport.Problem("RECORD_INSERTED", seal.sealId(), row.seq, row.eventId,
                    "Record " + row.seq + " (" + row.kind + ") is not in seal " + seal.sealId() + ": it was added afterwards.");
        }
        return null;
    }

    /**
     * Both lists are in sealing order (txid, seq), so an untouched month is the same sequence; only when
     * it is not are the sets built to name the first record added or missing.
     */
    private static VerifyReport.Problem sameRecords(Seal seal, List<Long> sealed, List<TrailRecord> present) {
        boolean same = sealed.size() == present.size();
        for (int i = 0; same && i < sealed.size(); i++) {
            same = sealed.get(i) == present.get(i).seq.longValue();
        }
        if (same) {
            return null;
        }
        Set<Long> sealedSet = new HashSet<>(sealed);
        for (TrailRecord row : present) {
            if (!sealedSet.contains(row.seq)) {
                return new VerifyReport.Problem("RECORD_INSERTED", seal.sealId(), row.seq, row.eventId,
                        "Record " + row.seq + " (" + row.kind + ") is not in seal " + seal.sealId() + ": it was added afterwards.");
            }
        }
        Set<Long> found = new HashSet<>();
        present.forEach(r -> found.add(r.seq));
        for (Long seq : sealed) {
            if (!found.contains(seq)) {
                return new VerifyReport.Problem("RECORD_DELETED", seal.sealId(), seq, null,
                        "Record " + seq + " of seal " + seal.sealId() + " is missing.");
            }
        }
        return null; // the same records in another order: the part digest below names it
    }

    private VerifyReport.Problem checkTail(Seal last, Anchor anchor, Duration maxSealAge) throws SQLException {
        if (anchor != null) {
            Optional<Seal> anchored = seal(anchor.sealId());
            if (anchored.isEmpty()) {
                return new VerifyReport.Problem("TAIL_TRUNCATED", anchor.sealId(), null, null, "Seal " + anchor.sealId()
                        + " was made and is gone: the trail was cut off after seal " + (last == null ? 0 : last.sealId()) + ".");
            }
            if (!anchored.get().digest().equals(anchor.digest())) {
                return problem("SEAL_DIGEST_MISMATCH", anchored.get(), "Seal " + anchor.sealId() + " differs from the copy kept outside the database.");
            }
        }
        if (maxSealAge != null && (last == null || last.sealedAt().isBefore(Instant.now().minus(maxSealAge)))) {
            return new VerifyReport.Problem("TAIL_TRUNCATED", last == null ? null : last.sealId(), null, null,
                    "No seal since " + (last == null ? "ever" : last.sealedAt()) + " although one is made every few seconds: "
                            + "the newest seals and records may have been removed.");
        }
        return null;
    }

    private static VerifyReport.Problem problem(String kind, Seal seal, String detail) {
        return new VerifyReport.Problem(kind, seal.sealId(), null, null, detail);
    }

    private PreparedStatement sealsFrom(Instant from, Instant to) throws SQLException {
        String sql = "SELECT " + Seal.COLUMNS + " FROM audit_seals WHERE (?::timestamptz IS NULL OR sealed_at >= ?) "
                + "AND (?::timestamptz IS NULL OR sealed_at < ?) ORDER BY seal_id";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(THREADS * 4);
        for (int i : new int[] { 1, 2 }) {
            statement.setObject(i, from == null ? null : from.atOffset(ZoneOffset.UTC));
        }
        for (int i : new int[] { 3, 4 }) {
            statement.setObject(i, to == null ? null : to.atOffset(ZoneOffset.UTC));
        }
        return statement;
    }

    private Optional<Seal> sealBefore(Instant from) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + Seal.COLUMNS
                + " FROM audit_seals WHERE sealed_at < ? ORDER BY seal_id DESC LIMIT 1")) {
            statement.setObject(1, from.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(Seal.read(rs)) : Optional.empty();
            }
        }
    }

    private Optional<Seal> seal(long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + Seal.COLUMNS + " FROM audit_seals WHERE seal_id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(Seal.read(rs)) : Optional.empty();
            }
        }
    }

    private List<TrailRecord> records(long fromTxid, long toTxid) throws SQLException {
        List<TrailRecord> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + TrailRecordSql.ALL_COLUMNS
                + " FROM audit_records WHERE txid >= ? AND txid < ? ORDER BY txid, seq")) {
            statement.setLong(1, fromTxid);
            statement.setLong(2, toTxid);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(TrailRecordSql.read(rs));
                }
            }
        }
        return rows;
    }

    private long countFrom(long txid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM audit_records WHERE txid >= ?")) {
            statement.setLong(1, txid);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Set<String> purgedMonths() throws SQLException {
        Set<String> months = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT to_char(month, 'YYYY-MM') FROM audit_purges")) {
            while (rs.next()) {
                months.add(rs.getString(1));
            }
        }
        return months;
    }

    private static String month(TrailRecord row) {
        return YearMonth.from(LocalDate.ofEpochDay(Math.floorDiv(row.recordedAt.getEpochSecond(), 86_400))).toString();
    }
}
