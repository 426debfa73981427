package io.amcfacade.audit.integrity.verifying;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.TrailRecordSql;
import io.amcfacade.audit.integrity.AcknowledgedTruncation;
import io.amcfacade.audit.integrity.LegalHoldChange;
import io.amcfacade.audit.integrity.Seal;
import io.amcfacade.audit.integrity.SealParts;
import io.amcfacade.audit.integrity.TailLoss;
import io.amcfacade.audit.integrity.TrailVerdicts;

/** What the verifier reads from the database, on a bare connection. */
final class TrailReads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrailReads() {
    }

    /** Seals made in [from, to) by id; either bound may be null. The caller closes the statement. */
    static PreparedStatement sealsFrom(Connection connection, Instant from, Instant to, int fetchSize) throws SQLException {
        String sql = "SELECT " + Seal.COLUMNS + " FROM audit_seals WHERE (?::timestamptz IS NULL OR sealed_at >= ?) "
                + "AND (?::timestamptz IS NULL OR sealed_at < ?) ORDER BY seal_id";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(fetchSize);
        for (int i : new int[] { 1, 2 }) {
            statement.setObject(i, from == null ? null : from.atOffset(ZoneOffset.UTC));
        }
        for (int i : new int[] { 3, 4 }) {
            statement.setObject(i, to == null ? null : to.atOffset(ZoneOffset.UTC));
        }
        return statement;
    }

    static Optional<Seal> sealBefore(Connection connection, Instant from) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + Seal.COLUMNS
                + " FROM audit_seals WHERE sealed_at < ? ORDER BY seal_id DESC LIMIT 1")) {
            statement.setObject(1, from.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(Seal.read(rs)) : Optional.empty();
            }
        }
    }

    static List<TrailRecord> records(Connection connection, long fromTxid, long toTxid) throws SQLException {
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

    static long countFrom(Connection connection, long txid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM audit_records WHERE txid >= ?")) {
            statement.setLong(1, txid);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The purges the seals list (signed), read ahead of the walk: a month's earlier seals need to know. */
    static List<SealParts.Purge> sealedPurges(Connection connection) throws SQLException {
        List<SealParts.Purge> purges = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT purges FROM audit_seals WHERE purges IS NOT NULL AND purges <> '[]' ORDER BY seal_id")) {
            while (rs.next()) {
                purges.addAll(SealParts.purges(rs.getString(1)));
            }
        }
        return purges;
    }

    /** Every legal-hold change (a handful: one per change of the hold), read ahead of the walk. */
    static List<LegalHoldChange> holdChanges(Connection connection) throws SQLException {
        List<LegalHoldChange> changes = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT " + LegalHoldChange.COLUMNS + " FROM audit_legal_holds ORDER BY change_id")) {
            while (rs.next()) {
                changes.add(LegalHoldChange.read(rs));
            }
        }
        return changes;
    }

    /** The first transaction id not yet begun: no row can carry it or a later one. */
    static long nextTxid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Every cut tail an operator acknowledged, oldest first, as the trail records it: each
     * {@code AUDIT_TAIL_ACKNOWLEDGE} action that succeeded (one found by the intent index on action), with
     * what the seals say of it. Refused acknowledgements accepted nothing and are left out.
     */
    static List<AcknowledgedTruncation> acknowledgements(Connection connection, TrailVerdicts verdicts) throws SQLException {
        Map<UUID, List<TrailRecord>> byEvent = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + TrailRecordSql.ALL_COLUMNS
                + " FROM audit_records WHERE event_id IN (SELECT i.event_id FROM audit_records i WHERE i.kind = 'INTENT' "
                + "AND i.action = ?) ORDER BY seq")) {
            statement.setString(1, TailLoss.ACTION);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    TrailRecord record = TrailRecordSql.read(rs);
                    byEvent.computeIfAbsent(record.eventId, e -> new ArrayList<>()).add(record);
                }
            }
        }
        Map<UUID, TrailVerdicts.Verdict> judged = verdicts.judge(connection,
                byEvent.values().stream().flatMap(List::stream).map(TrailVerdicts.Rec::of).toList());
        List<AcknowledgedTruncation> acknowledged = new ArrayList<>();
        byEvent.forEach((event, records) -> {
            TrailRecord intent = first(records, TrailRecord.Kind.INTENT);
            TrailRecord outcome = first(records, TrailRecord.Kind.OUTCOME);
            if (intent == null || outcome == null || outcome.httpStatus == null || outcome.httpStatus / 100 != 2) {
                return;
            }
            TrailRecord details = first(records, TrailRecord.Kind.DETAILS);
            JsonNode summary = details == null ? null : json(details.requestSummary);
            acknowledged.add(new AcknowledgedTruncation(event, intent.recordedAt, intent.actorSubject, intent.onBehalfOf,
                    TailLoss.read(summary), TailLoss.reason(summary), judged.getOrDefault(event, TrailVerdicts.Verdict.NONE)));
        });
        return acknowledged;
    }

    private static TrailRecord first(List<TrailRecord> records, TrailRecord.Kind kind) {
        return records.stream().filter(r -> r.kind == kind).findFirst().orElse(null);
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
