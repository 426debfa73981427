package io.amcfacade.audit.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A signed checkpoint: every record whose txid is in [txidFrom, txidTo), chained to the seal before it.
 * Format 1 (the previous version) is HMAC-signed over its fields; format 2 is Ed25519-signed and also
 * covers the purges of its txid range and names the records whose MAC failed when it was made; format 3
 * also lists the legal-hold changes of its range (the first one: every change before it too), each with
 * the row's digest and, when the sealer could not bind it to its intent, why.
 */
public record Seal(long sealId, Instant sealedAt, long txidFrom, long txidTo, int rowCount, String parts,
        String previousDigest, String digest, String keyId, String signature, int format, String purges,
        String rejected, String holds) {

    public static final String GENESIS = "genesis";
    public static final int HMAC = 1;
    public static final int ED25519 = 2;
    /** Ed25519-signed, covering legal-hold changes too: the format the sealer makes. */
    public static final int WITH_HOLDS = 3;

    public static final String COLUMNS = "seal_id, sealed_at, txid_from, txid_to, row_count, parts, previous_digest, digest, "
            + "key_id, signature, format, purges, rejected, holds";

    /** The digest a seal must carry, recomputed from its own fields. */
    public String expectedDigest() {
        String common = "|" + sealId + "|" + sealedAt + "|" + txidFrom + "|" + txidTo + "|" + rowCount + "|" + previousDigest
                + "|" + parts;
        return switch (format) {
            case HMAC -> CanonicalRecord.sha256("seal" + common);
            case ED25519 -> CanonicalRecord.sha256("seal2" + common + "|" + purges + "|" + rejected);
            default -> CanonicalRecord.sha256("seal" + format + common + "|" + purges + "|" + rejected + "|" + holds);
        };
    }

    /** Whether this seal lists the legal-hold changes of its range. */
    public boolean coversHolds() {
        return format >= WITH_HOLDS;
    }

    /** The same seal with its digest and signature set. */
    public Seal signed(String newDigest, String newKeyId, String newSignature) {
        return new Seal(sealId, sealedAt, txidFrom, txidTo, rowCount, parts, previousDigest, newDigest, newKeyId,
                newSignature, format, purges, rejected, holds);
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    public static Seal read(ResultSet rs) throws SQLException {
        return new Seal(rs.getLong("seal_id"), rs.getObject("sealed_at", OffsetDateTime.class).toInstant(),
                rs.getLong("txid_from"), rs.getLong("txid_to"), rs.getInt("row_count"), rs.getString("parts"),
                rs.getString("previous_digest"), rs.getString("digest"), rs.getString("key_id"), rs.getString("signature"),
                rs.getInt("format"), rs.getString("purges"), rs.getString("rejected"), rs.getString("holds"));
    }
}
