package io.amcfacade.audit.integrity;

import java.time.Instant;
import java.util.UUID;

/** What a verification found: counts, the last seal seen, and the first problem (null when intact). */
public record VerifyReport(long sealsChecked, long recordsChecked, long unsealedRecords, Seal lastSeal, Problem firstProblem) {

    /** The first thing that is not as sealed. */
    public record Problem(String kind, Long sealId, Long seq, UUID eventId, String detail) {
    }

    public boolean intact() {
        return firstProblem == null;
    }

    public Instant lastSealedAt() {
        return lastSeal == null ? null : lastSeal.sealedAt();
    }
}
