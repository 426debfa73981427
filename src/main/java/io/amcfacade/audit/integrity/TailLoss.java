package io.amcfacade.audit.integrity;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What acknowledging a cut tail accepts: the seal this replica had anchored and the database no longer
 * holds (as made: its digest), and the database's newest seal, which sealing continues from (none when
 * it holds no seal). The seals after that one up to the lost one, as this replica saw them, are gone. The
 * acknowledgement's request summary records it ({@link #summary}), so verify reads it back from the trail.
 */
public record TailLoss(long lostSealId, String lostSealDigest, Long continuesFromSealId, String continuesFromDigest) {

    /**
     * The action that acknowledges ({@code AuditAction.AUDIT_TAIL_ACKNOWLEDGE}, which the integrity packages
     * do not see; a test keeps the two the same).
     */
    public static final String ACTION = "AUDIT_TAIL_ACKNOWLEDGE";

    private static final String SEAL = "sealId";
    private static final String REASON = "reason";
    private static final String LOST_DIGEST = "lostSealDigest";
    private static final String CONTINUES = "continuesFromSealId";
    private static final String CONTINUES_DIGEST = "continuesFromSealDigest";

    public static TailLoss of(Anchor lost, Seal continuesFrom) {
        return new TailLoss(lost.sealId(), lost.digest(), continuesFrom == null ? null : continuesFrom.sealId(),
                continuesFrom == null ? null : continuesFrom.digest());
    }

    public Anchor lost() {
        return new Anchor(lostSealId, lostSealDigest);
    }

    /** The request summary of an acknowledgement: the seal named, the reason, and what it accepts. */
    public Map<String, Object> summary(String reason) {
        Map<String, Object> summary = asked(lostSealId, reason);
        summary.put(LOST_DIGEST, lostSealDigest);
        if (continuesFromSealId != null) {
            summary.put(CONTINUES, continuesFromSealId);
            summary.put(CONTINUES_DIGEST, continuesFromDigest);
        }
        return summary;
    }

    /** The request summary of an acknowledgement refused before it accepted anything. */
    public static Map<String, Object> asked(long sealId, String reason) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put(SEAL, sealId);
        summary.put(REASON, reason);
        return summary;
    }

    /** Read back from a recorded summary; only the lost seal's id when it says no more. Null when it names no seal. */
    public static TailLoss read(JsonNode summary) {
        if (summary == null || !summary.path(SEAL).canConvertToLong()) {
            return null;
        }
        JsonNode continues = summary.path(CONTINUES);
        return new TailLoss(summary.path(SEAL).asLong(), text(summary, LOST_DIGEST),
                continues.canConvertToLong() ? continues.asLong() : null, text(summary, CONTINUES_DIGEST));
    }

    /** The reason a recorded summary gives, if any. */
    public static String reason(JsonNode summary) {
        return summary == null ? null : text(summary, REASON);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).textValue() : null;
    }
}
