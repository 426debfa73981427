package io.amcfacade.audit.integrity;

import java.time.Instant;

/** A signed checkpoint: every record whose txid is in [txidFrom, txidTo), chained to the seal before it. */
public record Seal(long sealId, Instant sealedAt, long txidFrom, long txidTo, int rowCount, String parts,
        String previousDigest, String digest, String keyId, String signature) {

    public static final String GENESIS = "genesis";

    /** The digest a seal must carry, recomputed from its own fields. */
    public String expectedDigest() {
        return CanonicalRecord.sha256("seal|" + sealId + "|" + sealedAt + "|" + txidFrom + "|" + txidTo + "|" + rowCount
                + "|" + previousDigest + "|" + parts);
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    public static Seal read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Seal(rs.getLong("seal_id"), rs.getObject("sealed_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getLong("txid_from"), rs.getLong("txid_to"), rs.getInt("row_count"), rs.getString("parts"),
                rs.getString("previous_digest"), rs.getString("digest"), rs.getString("key_id"), rs.getString("signature"));
    }

    public static final String COLUMNS = "seal_id, sealed_at, txid_from, txid_to, row_count, parts, previous_digest, digest, key_id, signature";
}
