package io.amcfacade.audit.integrity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a verification found: counts, the last seal seen, the purges it checked, the first problem (null
 * when intact), and every cut tail an operator acknowledged, intact or not: an acknowledged truncation
 * does not by itself make the trail not intact, but it is never left out.
 */
public record VerifyReport(long sealsChecked, long recordsChecked, long unsealedRecords, Seal lastSeal, Problem firstProblem,
        List<SealParts.Purge> purges, List<AcknowledgedTruncation> acknowledgedTruncations) {

    /** Every kind of problem the verifier names. */
    public enum Kind {
        SEAL_MISSING, SEAL_CHAIN_BROKEN, SEAL_DIGEST_MISMATCH, SEAL_SIGNATURE_INVALID, SEAL_UNAUTHENTICATED,
        RECORD_INSERTED, RECORD_MODIFIED, RECORD_DELETED, RECORD_FORGED, RECORD_OUTSIDE_SEAL_WINDOW,
        RECORD_DUPLICATED, RECORD_TIME_SKEWED, LEGAL_HOLD_UNBOUND, LEGAL_HOLD_MODIFIED, LEGAL_HOLD_DELETED,
        PURGE_MISMATCH, PURGE_OUT_OF_POLICY, TAIL_TRUNCATED
    }

    /** The first thing that is not as sealed. */
    public record Problem(Kind kind, Long sealId, Long seq, UUID eventId, String detail) {
    }

    public boolean intact() {
        return firstProblem == null;
    }

    public Instant lastSealedAt() {
        return lastSeal == null ? null : lastSeal.sealedAt();
    }
}
