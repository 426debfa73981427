package io.amcfacade.audit.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of {@code audit_legal_holds}: a change of the legal hold, which the seals cover (format 3) by
 * its digest, as they cover records by their content hash.
 */
public record LegalHoldChange(long changeId, Instant changedAt, boolean active, UUID eventId, String reason, long txid) {

    /**
     * The action whose committed intent a change must carry ({@code AuditAction.AUDIT_LEGAL_HOLD}, which the
     * integrity packages do not see; a test keeps the two the same).
     */
    public static final String ACTION = "AUDIT_LEGAL_HOLD";

    public static final String COLUMNS = "change_id, changed_at, active, event_id, reason, txid";

    /** Over every column, each field's length before free text, so no two rows share it. */
    public String digest() {
        String why = String.valueOf(reason);
        return CanonicalRecord.sha256("hold|" + changeId + "|" + changedAt + "|" + active + "|" + eventId + "|" + txid + "|"
                + (reason == null ? -1 : why.length()) + ":" + why);
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    public static LegalHoldChange read(ResultSet rs) throws SQLException {
        return new LegalHoldChange(rs.getLong("change_id"), rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("active"), rs.getObject("event_id", UUID.class), rs.getString("reason"), rs.getLong("txid"));
    }
}
