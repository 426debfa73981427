package io.amcfacade.audit.integrity.sealing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.amcfacade.audit.integrity.RecordMac;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealParts;
import io.amcfacade.audit.integrity.SealSigner;
import io.amcfacade.audit.integrity.TrailVerdicts;
import io.amcfacade.audit.integrity.VerifyReport;

/**
 * Makes the next seal on a connection. Several replicas may call it at once: a transaction-scoped
 * advisory lock lets one seal while the others skip, and inserts never wait for it. The seal covers
 * every record (and purge, and legal-hold change) of every transaction that has finished since the
 * previous seal (txid below the snapshot's xmin), so a record that commits late is sealed later, never
 * skipped. Its time is the
 * database clock's, the clock that set the records' times, and it names every record of the previous
 * version's era that lacks a valid MAC ({@link RecordMac}): the database alone cannot make one.
 */
public final class Sealing {

    /** Arbitrary constant naming the sealing lock among advisory locks. */
    public static final long LOCK = 0x616d635f7365616cL;

    private final SealSigner signer;
    private final RecordMac mac;
    /** The last seal whose digest and signature this sealer checked (or made). */
    private volatile Seal trusted;

    public Sealing(SealSigner signer, RecordMac mac) {
        this.signer = signer;
        this.mac = mac;
    }

    /** @return the new seal, or empty when another replica is sealing right now */
    public Optional<Seal> sealNext(Connection connection) throws SQLException {
        return sealNext(connection, null);
    }

    /**
     * @param at the seal's time; null for the database clock (only a loader writing a trail of the past,
     *            as the scale benchmark does, passes one)
     */
    public Optional<Seal> sealNext(Connection connection, Instant at) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (!lock(connection)) {
                connection.rollback();
                return Optional.empty();
            }
            Optional<Seal> previous = latest(connection);
            if (previous.isPresent()) {
                VerifyReport.Problem untrusted = untrusted(previous.get());
                if (untrusted != null) {
                    throw new SealRefused(untrusted);
                }
            }
            long from = previous.map(Seal::txidTo).orElse(0L);
            Clock clock = clock(connection);
            long to = Math.max(from, clock.xmin());
            List<SealParts.Rejected> rejected = new ArrayList<>();
            Instant sealedAt = at == null ? clock.now() : at.truncatedTo(ChronoUnit.MICROS);
            List<SealParts.Row> rows = rows(connection, from, to, clock.macFromTxid(),
                    new Window(previous.map(Seal::sealedAt).orElse(null), sealedAt), rejected);
            List<SealParts.Purge> purges = purges(connection, from, to);
            List<SealParts.Hold> holds = SealedHolds.covered(connection, from, to,
                    previous.map(p -> !p.coversHolds()).orElse(true), mac, clock.macFromTxid());
            long id = previous.map(Seal::sealId).orElse(0L) + 1;
            Seal unsigned = new Seal(id, sealedAt, from, to, rows.size(),
                    SealParts.write(SealParts.of(rows, Seal.WITH_HOLDS)), previous.map(Seal::digest).orElse(Seal.GENESIS),
                    null, null, null, Seal.WITH_HOLDS, SealParts.write(purges), SealParts.write(rejected), SealParts.write(holds));
            String digest = unsigned.expectedDigest();
            Seal seal = unsigned.signed(digest, signer.publicKey().id(), signer.sign(digest));
            insert(connection, seal);
            connection.commit();
            trusted = seal;
            return Optional.of(seal);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Why the seal to chain on cannot be trusted, or null: its digest must match its fields and, for an
     * Ed25519 seal, its signature must verify under this service's key. A seal of the previous version
     * (HMAC) is checked by its digest (the HMAC key is not the sealer's). The last seal checked is
     * remembered, so each seal costs one Ed25519 check, not one per round.
     */
    VerifyReport.Problem untrusted(Seal seal) {
        if (seal.equals(trusted)) {
            return null;
        }
        if (!seal.expectedDigest().equals(seal.digest())) {
            return new VerifyReport.Problem(VerifyReport.Kind.SEAL_DIGEST_MISMATCH, seal.sealId(), null, null, "The newest seal "
                    + seal.sealId() + " does not match its own fields: it was not made by a sealer; no seal is chained on it.");
        }
        if (seal.format() != Seal.HMAC && (!signer.publicKey().id().equals(seal.keyId())
                || !signer.publicKey().verifies(seal.digest(), seal.signature()))) {
            return new VerifyReport.Problem(VerifyReport.Kind.SEAL_SIGNATURE_INVALID, seal.sealId(), null, null, "The newest seal "
                    + seal.sealId() + " is not signed by this service's seal key (" + signer.publicKey().id()
                    + "): no seal is chained on it.");
        }
        trusted = seal;
        return null;
    }

    /** The newest seal cannot be trusted: no seal is made on top of it. */
    public static final class SealRefused extends RuntimeException {
        private final transient VerifyReport.Problem problem;

        SealRefused(VerifyReport.Problem problem) {
            super(problem.detail());
            this.problem = problem;
        }

        public VerifyReport.Problem problem() {
            return problem;
        }
    }

    public static Optional<Seal> latest(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + Seal.COLUMNS + " FROM audit_seals ORDER BY seal_id DESC LIMIT 1")) {
            return rs.next() ? Optional.of(Seal.read(rs)) : Optional.empty();
        }
    }

    public static Optional<Seal> byId(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + Seal.COLUMNS + " FROM audit_seals WHERE seal_id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(Seal.read(rs)) : Optional.empty();
            }
        }
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The database's view: its clock, and every transaction below xmin has finished (nothing can still appear there). */
    private record Clock(Instant now, long xmin, long macFromTxid) {
    }

    private static Clock clock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT date_trunc('microseconds', clock_timestamp()), "
                        + "pg_snapshot_xmin(pg_current_snapshot())::text::bigint, (SELECT mac_from_txid FROM audit_policy)")) {
            rs.next();
            return new Clock(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2), rs.getLong(3));
        }
    }

    /** The seal's window: from the previous seal's time to its own, both from the database clock. */
    private record Window(Instant from, Instant to) {
    }

    /**
     * The covered records, in sealing order, adding to {@code rejected} each one the seal must not vouch
     * for: no valid MAC (written without the service's key), a time outside the seal's window (set by
     * hand), an {@code occurred_at} further than {@link TrailVerdicts#OCCURRED_SLACK} from the database's
     * time, or a second record with the same event, kind and position as an earlier one (a replay). The
     * replay check is one probe of the event index per covered record, here, off the request path.
     */
    private List<SealParts.Row> rows(Connection connection, long from, long to, long macFromTxid, Window window,
            List<SealParts.Rejected> rejected) throws SQLException {
        List<SealParts.Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT r.seq, r.recorded_at, r.content_hash, "
                + "r.record_mac, r.txid, r.occurred_at, (SELECT min(o.seq) FROM audit_records o WHERE o.event_id = r.event_id "
                + "AND o.kind = r.kind AND o.position IS NOT DISTINCT FROM r.position AND o.seq < r.seq) "
                + "FROM audit_records r WHERE r.txid >= ? AND r.txid < ? ORDER BY r.txid, r.seq")) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    SealParts.Row row = new SealParts.Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3));
                    String recordMac = rs.getString(4);
                    OffsetDateTime occurred = rs.getObject(6, OffsetDateTime.class);
                    long original = rs.getLong(7);
                    boolean replay = !rs.wasNull();
                    if (recordMac == null ? rs.getLong(5) >= macFromTxid : !mac.matches(row.contentHash(), recordMac)) {
                        rejected.add(new SealParts.Rejected(row.seq(), recordMac == null ? "no MAC" : "MAC does not match"));
                    } else if (window.from() != null && row.recordedAt().isBefore(window.from().minus(TrailVerdicts.WINDOW_SLACK))
                            || row.recordedAt().isAfter(window.to().plus(TrailVerdicts.WINDOW_SLACK))) {
                        rejected.add(new SealParts.Rejected(row.seq(), TrailVerdicts.OUTSIDE_WINDOW));
                    } else if (replay) {
                        rejected.add(new SealParts.Rejected(row.seq(), TrailVerdicts.DUPLICATE + original));
                    } else if (occurred != null && TrailVerdicts.skewed(occurred.toInstant(), row.recordedAt())) {
                        rejected.add(new SealParts.Rejected(row.seq(), TrailVerdicts.SKEWED + occurred.toInstant()));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<SealParts.Purge> purges(Connection connection, long from, long to) throws SQLException {
        List<SealParts.Purge> purges = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_char(month, 'YYYY-MM'), "
                + "coalesce(record_count, -1), last_seal_id, coalesce(last_seal_digest, ''), purged_at FROM audit_purges "
                + "WHERE txid >= ? AND txid < ? ORDER BY month")) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    purges.add(new SealParts.Purge(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant().toString()));
                }
            }
        }
        return purges;
    }

    /** Through {@code audit_insert_seal}, which refuses a seal that does not continue the newest one. */
    private static void insert(Connection connection, Seal seal) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT audit_insert_seal(?,?,?,?,?,?,?,?,?,?,?::smallint,?,?,?)")) {
            statement.setLong(1, seal.sealId());
            statement.setObject(2, seal.sealedAt().atOffset(ZoneOffset.UTC));
            statement.setLong(3, seal.txidFrom());
            statement.setLong(4, seal.txidTo());
            statement.setInt(5, seal.rowCount());
            statement.setString(6, seal.parts());
            statement.setString(7, seal.previousDigest());
            statement.setString(8, seal.digest());
            statement.setString(9, seal.keyId());
            statement.setString(10, seal.signature());
            statement.setInt(11, seal.format());
            statement.setString(12, seal.purges());
            statement.setString(13, seal.rejected());
            statement.setString(14, seal.holds());
            statement.execute();
        }
    }
}
