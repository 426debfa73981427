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

/**
 * Makes the next seal on a connection. Several replicas may call it at once: a transaction-scoped
 * advisory lock lets one seal while the others skip, and inserts never wait for it. The seal covers
 * every record (and purge) of every transaction that has finished since the previous seal (txid below
 * the snapshot's xmin), so a record that commits late is sealed later, never skipped. Its time is the
 * database clock's, the clock that set the records' times, and it names every record of the previous
 * version's era that lacks a valid MAC ({@link RecordMac}): the database alone cannot make one.
 */
public final class Sealing {

    /** Arbitrary constant naming the sealing lock among advisory locks. */
    public static final long LOCK = 0x616d635f7365616cL;

    private final SealSigner signer;
    private final RecordMac mac;

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
            long from = previous.map(Seal::txidTo).orElse(0L);
            Clock clock = clock(connection);
            long to = Math.max(from, clock.xmin());
            List<SealParts.Rejected> rejected = new ArrayList<>();
            List<SealParts.Row> rows = rows(connection, from, to, clock.macFromTxid(), rejected);
            List<SealParts.Purge> purges = purges(connection, from, to);
            long id = previous.map(Seal::sealId).orElse(0L) + 1;
            Seal unsigned = new Seal(id, at == null ? clock.now() : at.truncatedTo(ChronoUnit.MICROS), from, to, rows.size(),
                    SealParts.write(SealParts.of(rows, Seal.ED25519)), previous.map(Seal::digest).orElse(Seal.GENESIS),
                    null, null, null, Seal.ED25519, SealParts.write(purges), SealParts.write(rejected));
            String digest = unsigned.expectedDigest();
            Seal seal = unsigned.signed(digest, signer.publicKey().id(), signer.sign(digest));
            insert(connection, seal);
            connection.commit();
            return Optional.of(seal);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
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

    private List<SealParts.Row> rows(Connection connection, long from, long to, long macFromTxid,
            List<SealParts.Rejected> rejected) throws SQLException {
        List<SealParts.Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT seq, recorded_at, content_hash, record_mac, txid "
                + "FROM audit_records WHERE txid >= ? AND txid < ? ORDER BY txid, seq")) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    SealParts.Row row = new SealParts.Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3));
                    String recordMac = rs.getString(4);
                    if (recordMac == null ? rs.getLong(5) >= macFromTxid : !mac.matches(row.contentHash(), recordMac)) {
                        rejected.add(new SealParts.Rejected(row.seq(), recordMac == null ? "no MAC" : "MAC does not match"));
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

    private static void insert(Connection connection, Seal seal) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO audit_seals (" + Seal.COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
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
            statement.executeUpdate();
        }
    }
}
