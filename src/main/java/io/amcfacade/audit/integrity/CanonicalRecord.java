package io.amcfacade.audit.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.amcfacade.audit.storage.TrailRecord;

/**
 * The content hash of an audit record: SHA-256 over every field in a fixed order, each written as
 * its length and its text ({@code -1} for null), so no two different records share a canonical form.
 * The position fields {@code seq} and {@code txid} are assigned by the database and covered by seals.
 * Version 2 (records with a MAC) leaves out {@code recorded_at}, which the database clock sets on insert,
 * after the hash is made; seals cover it instead. Version 1 (the previous version's records) includes it.
 * The upstream region (V81) is a last field only on records that carry one: a record without it hashes as before.
 */
public final class CanonicalRecord {

    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread: looking the algorithm up per record costs more than hashing it. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private CanonicalRecord() {
    }

    /** The hash a stored record must carry: version 2 when it has a MAC, version 1 otherwise. */
    public static String hash(TrailRecord r) {
        return r.recordMac == null ? hashV1(r) : hashV2(r);
    }

    /** The hash of a record written now (then MAC'd by {@link RecordMac}). */
    public static String hashV2(TrailRecord r) {
        return hash(r, "amc-audit-record-v2", false);
    }

    static String hashV1(TrailRecord r) {
        return hash(r, "amc-audit-record-v1", true);
    }

    private static String hash(TrailRecord r, String version, boolean withTime) {
        StringBuilder canonical = new StringBuilder(512).append(version);
        field(canonical, r.kind == null ? null : r.kind.name());
        field(canonical, r.eventId == null ? null : r.eventId.toString());
        if (withTime) {
            field(canonical, r.recordedAt == null ? null : r.recordedAt.toString());
        }
        field(canonical, r.occurredAt == null ? null : r.occurredAt.toString());
        for (Object value : new Object[] { r.actorSubject, r.actorName, r.actorRoles, r.onBehalfOf, r.clientIp,
                r.userAgent, r.correlationId, r.action, r.httpMethod, r.path, r.accountId, r.idempotencyKey,
                r.targetKind, r.targetId, r.position, r.role, r.outcome, r.errorCode, r.requestSummary, r.httpStatus,
                r.detail, r.upstreamStatus, r.upstreamRequestId, r.upstreamAttempts, r.latencyMs }) {
            field(canonical, value == null ? null : value.toString());
        }
        if (r.upstreamRegion != null) {
            field(canonical, "upstream_region=" + r.upstreamRegion);
        }
        return sha256(canonical.toString());
    }

    public static String sha256(String text) {
        return HEX.formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(StringBuilder canonical, String value) {
        canonical.append('|').append(value == null ? -1 : value.length()).append(':');
        if (value != null) {
            canonical.append(value);
        }
    }
}
