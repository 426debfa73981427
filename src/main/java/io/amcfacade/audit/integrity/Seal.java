package io.amcfacade.audit.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A signed checkpoint: every record whose txid is in [txidFrom, txidTo), chained to the seal before it.
 * Format 1 (the previous version) is HMAC-signed over its fields; format 2 is Ed25519-signed and also
 * covers the purges of its txid range and names the records whose MAC failed when it was made.
 */
public record Seal(long sealId, Instant sealedAt, long txidFrom, long txidTo, int rowCount, String parts,
        String previousDigest, String digest, String keyId, String signature, int format, String purges,
        String rejected) {

    public static final String GENESIS = "genesis";
    public static final int HMAC = 1;
    public static final int ED25519 = 2;

    public static final String COLUMNS = "seal_id, sealed_at, txid_from, txid_to, row_count, parts, previous_digest, digest, "
            + "key_id, signature, format, purges, rejected";

    /** The digest a seal must carry, recomputed from its own fields. */
    public String expectedDigest() {
        String common = "|" + sealId + "|" + sealedAt + "|" + txidFrom + "|" + txidTo + "|" + rowCount + "|" + previousDigest
                + "|" + parts;
        return format == HMAC ? CanonicalRecord.sha256("seal" + common)
                : CanonicalRecord.sha256("seal2" + common + "|" + purges + "|" + rejected);
    }

    /** The same seal with its digest and signature set. */
    public Seal signed(String newDigest, String newKeyId, String newSignature) {
        return new Seal(sealId, sealedAt, txidFrom, txidTo, rowCount, parts, previousDigest, newDigest, newKeyId,
                newSignature, format, purges, rejected);
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    public static Seal read(ResultSet rs) throws SQLException {
        return new Seal(rs.getLong("seal_id"), rs.getObject("sealed_at", OffsetDateTime.class).toInstant(),
                rs.getLong("txid_from"), rs.getLong("txid_to"), rs.getInt("row_count"), rs.getString("parts"),
                rs.getString("previous_digest"), rs.getString("digest"), rs.getString("key_id"), rs.getString("signature"),
                rs.getInt("format"), rs.getString("purges"), rs.getString("rejected"));
    }
}
