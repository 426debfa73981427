package io.amcfacade.audit.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.audit.storage.AuditUnavailableException;

/**
 * The trail in the order its seals fixed it, for readers that must see every action once and only once it is
 * sealed (event delivery): an action is taken once a seal covers its outcome, and actions are ordered by that
 * seal, then by the outcome's {@code seq}. A seal covers only finished transactions and seals' ranges are
 * contiguous, so this order never changes once read and no action can later appear before a position already
 * passed. A position {@code (sealId, seq)} means "everything up to the outcome {@code seq} of seal {@code sealId}";
 * {@code (sealId, Long.MAX_VALUE)} is the end of that seal.
 */
@ApplicationScoped
public class SealedActions {

    /** One sealed action: its position, its id, and the seal covering its outcome (its signature reference). */
    public record SealedAction(long sealId, long seq, UUID eventId, String sealDigest, String keyId, String signature,
            Instant sealedAt) {
    }

    /**
     * The channel every new seal is announced on at its commit (the trigger {@code audit_seals_announce}, V82), on
     * whichever replica sealed; its payload is the seal's id. Anyone with the service's credentials can NOTIFY it
     * too: a listener takes an announcement only as a reason to read this trail now, never as what it says.
     */
    public static final String SEALED_CHANNEL = "amc_audit_sealed";

    /** How many seals one read looks through at most, so a long quiet stretch of seals is read in steps. */
    private static final int SEALS_PER_READ = 50;

    private final AgroalDataSource dataSource;

    SealedActions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Up to {@code limit} actions after the position, in order, and the end of the seals looked at (the position to
     * go on from when none of them is wanted). The seals are read first and the actions only within them, so "the
     * end of the seals looked at" is never a seal whose actions were not read: with the two read one after the other
     * (each statement its own snapshot), a seal committed between them was taken as read, and its actions skipped
     * (bench/event-lag lost the 675 write actions of one seal that way under load). A seal's records committed
     * before it, so they are visible to the second read.
     */
    public Page after(long sealId, long seq, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            long lastSeal = -1;
            long txidFrom = 0;
            long txidTo = 0;
            try (PreparedStatement statement = connection.prepareStatement("SELECT seal_id, txid_from, txid_to FROM "
                    + "audit_seals WHERE seal_id >= ? ORDER BY seal_id LIMIT " + SEALS_PER_READ)) {
                statement.setLong(1, sealId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        if (lastSeal < 0) {
                            txidFrom = rs.getLong(2);
                        }
                        lastSeal = rs.getLong(1);
                        txidTo = rs.getLong(3);
                    }
                }
            }
            if (lastSeal < 0) {
                return new Page(List.of(), -1);
            }
            String sql = "SELECT s.seal_id, r.seq, r.event_id, s.digest, s.key_id, s.signature, s.sealed_at FROM "
                    + "(SELECT seal_id, txid_from, txid_to, digest, key_id, signature, sealed_at FROM audit_seals "
                    + "WHERE seal_id >= ? AND seal_id <= ?) s "
                    + "JOIN audit_records r ON r.txid >= s.txid_from AND r.txid < s.txid_to AND r.kind = 'OUTCOME' "
                    + "AND r.txid >= ? AND r.txid < ? WHERE (s.seal_id, r.seq) > (?, ?) ORDER BY s.seal_id, r.seq LIMIT ?";
            List<SealedAction> actions = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, sealId);
                statement.setLong(2, lastSeal);
                statement.setLong(3, txidFrom);
                statement.setLong(4, txidTo);
                statement.setLong(5, sealId);
                statement.setLong(6, seq);
                statement.setInt(7, limit);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        actions.add(new SealedAction(rs.getLong(1), rs.getLong(2), rs.getObject(3, UUID.class),
                                rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getObject(7, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return new Page(actions, actions.size() < limit ? lastSeal : -1);
        } catch (SQLException e) {
            throw AuditUnavailableException.forReading(e);
        }
    }

    /**
     * What {@link #after} read: the actions, and when they are all there were in the seals looked at, the last of
     * those seals ({@code -1} otherwise), whose end is the position reached.
     */
    public record Page(List<SealedAction> actions, long exhaustedThroughSeal) {
    }

    /** The newest seal's id, 0 when there is none yet. */
    public long newestSeal() {
        return single("SELECT coalesce(max(seal_id), 0) FROM audit_seals", null);
    }

    /** The newest seal made before {@code at} (0 when none): its end is where "everything sealed from {@code at}" begins. */
    public long lastSealBefore(Instant at) {
        return single("SELECT coalesce(max(seal_id), 0) FROM audit_seals WHERE sealed_at < ?", at);
    }

    /** When a seal was made, or null when there is no such seal. */
    public Instant sealedAt(long sealId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT sealed_at FROM audit_seals WHERE seal_id = ?")) {
            statement.setLong(1, sealId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        } catch (SQLException e) {
            throw AuditUnavailableException.forReading(e);
        }
    }

    private long single(String sql, Instant at) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (at != null) {
                statement.setObject(1, at.atOffset(ZoneOffset.UTC));
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw AuditUnavailableException.forReading(e);
        }
    }
}
