package io.amcfacade.audit.integrity.sealing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.LegalHoldChange;
import io.amcfacade.audit.integrity.RecordMac;
import io.amcfacade.audit.integrity.SealParts;
import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.TrailRecordSql;

/**
 * The legal-hold changes a seal covers, each judged with the service's key: a change is bound when its
 * event's intent is a genuine {@code AUDIT_LEGAL_HOLD} intent (valid MAC, unchanged), its details record
 * (genuine too) asked for exactly this value and reason, and no earlier change used that intent. The
 * database's {@code audit_set_legal_hold} checks the same but cannot check a MAC, and a row written
 * around it is checked by nothing else; the seal signs the verdict, so the verifier needs no key.
 */
final class SealedHolds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SealedHolds() {
    }

    /**
     * @param everyEarlier the seal before does not cover holds (or there is none): every change below
     *            {@code to} is covered, so none is left outside a seal
     */
    static List<SealParts.Hold> covered(Connection connection, long from, long to, boolean everyEarlier, RecordMac mac,
            long macFromTxid) throws SQLException {
        List<LegalHoldChange> changes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + LegalHoldChange.COLUMNS
                + " FROM audit_legal_holds WHERE txid < ? AND (? OR txid >= ?) ORDER BY change_id")) {
            statement.setLong(1, to);
            statement.setBoolean(2, everyEarlier);
            statement.setLong(3, from);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    changes.add(LegalHoldChange.read(rs));
                }
            }
        }
        Predicate<TrailRecord> genuine = r -> r.recordMac == null ? r.txid < macFromTxid
                : mac.matches(r.contentHash, r.recordMac) && CanonicalRecord.hash(r).equals(r.contentHash);
        List<SealParts.Hold> holds = new ArrayList<>();
        for (LegalHoldChange change : changes) {
            holds.add(new SealParts.Hold(change.changeId(), change.digest(),
                    unbound(change, intentOf(connection, change), genuine, earlierUse(connection, change))));
        }
        return holds;
    }

    /**
     * Why a change is not bound to its own genuine intent asking for it, or null when it is.
     *
     * @param records the change's event's intent and details records, by seq
     * @param earlierUse the change that used the same intent before, or null
     */
    static String unbound(LegalHoldChange change, List<TrailRecord> records, Predicate<TrailRecord> genuine, Long earlierUse) {
        TrailRecord intent = first(records, TrailRecord.Kind.INTENT);
        if (intent == null || !LegalHoldChange.ACTION.equals(intent.action)) {
            return "no " + LegalHoldChange.ACTION + " intent has its event id " + change.eventId();
        }
        if (!genuine.test(intent)) {
            return "its intent (record " + intent.seq + ") was not written by the service";
        }
        TrailRecord details = first(records, TrailRecord.Kind.DETAILS);
        if (details == null) {
            return "its intent has no details asking for a change";
        }
        if (!genuine.test(details)) {
            return "its details (record " + details.seq + ") were not written by the service";
        }
        JsonNode asked;
        try {
            asked = JSON.readTree(String.valueOf(details.requestSummary));
        } catch (java.io.IOException e) {
            asked = null;
        }
        if (asked == null || !asked.path("active").isBoolean() || asked.path("active").booleanValue() != change.active()
                || !asked.path("reason").isTextual() || !asked.path("reason").textValue().equals(change.reason())) {
            return "its intent asked for " + details.requestSummary + ", not active " + change.active() + " (" + change.reason() + ")";
        }
        if (earlierUse != null) {
            return "its intent was used already, by change " + earlierUse;
        }
        return null;
    }

    private static TrailRecord first(List<TrailRecord> records, TrailRecord.Kind kind) {
        return records.stream().filter(r -> r.kind == kind).findFirst().orElse(null);
    }

    private static List<TrailRecord> intentOf(Connection connection, LegalHoldChange change) throws SQLException {
        List<TrailRecord> records = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + TrailRecordSql.ALL_COLUMNS
                + " FROM audit_records WHERE event_id = ? AND kind IN ('INTENT', 'DETAILS') ORDER BY seq")) {
            statement.setObject(1, change.eventId());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    records.add(TrailRecordSql.read(rs));
                }
            }
        }
        return records;
    }

    private static Long earlierUse(Connection connection, LegalHoldChange change) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT min(change_id) FROM audit_legal_holds WHERE event_id = ? AND change_id < ?")) {
            statement.setObject(1, change.eventId());
            statement.setLong(2, change.changeId());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? null : id;
            }
        }
    }
}
