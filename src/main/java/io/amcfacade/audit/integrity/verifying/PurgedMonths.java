package io.amcfacade.audit.integrity.verifying;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;

import io.amcfacade.audit.integrity.VerifyReport.Kind;
import io.amcfacade.audit.integrity.VerifyReport.Problem;
import io.amcfacade.audit.integrity.SealParts;

/**
 * The months retention dropped, as the signed seals list them (never as the database's own purge table
 * says: a row there excuses nothing). A month's records are missing by right only in the seals up to
 * the one its purge was checked against; later seals' parts for that month are checked as usual.
 * It also counts, per purged month, the records the seals hold for it, to check each purge's count.
 */
public final class PurgedMonths {

    private final Map<String, SealParts.Purge> byMonth = new HashMap<>();
    private final Map<String, Long> sealedCounts = new ConcurrentHashMap<>(); // counted on the hashing threads

    public PurgedMonths(List<SealParts.Purge> sealed) {
        sealed.forEach(purge -> byMonth.put(purge.month(), purge));
    }

    public boolean covers(String month, long sealId) {
        SealParts.Purge purge = byMonth.get(month);
        return purge != null && sealId <= purge.lastSealId();
    }

    /** Counts a purged month's part of a seal (called for parts it {@link #covers}). */
    void count(String month, int records) {
        sealedCounts.merge(month, (long) records, Long::sum);
    }

    public List<SealParts.Purge> all() {
        return new ArrayList<>(byMonth.values());
    }

    /**
     * A purge must have dropped a month that was over when it ran, and exactly the records the seals hold
     * for it. Checked only when the whole trail was read (counts from a part of it prove nothing).
     *
     * @param lastSealDigests digest of each seal a purge names, as read
     */
    public Problem check(Map<Long, String> lastSealDigests) {
        for (SealParts.Purge purge : byMonth.values()) {
            Instant monthEnd = YearMonth.parse(purge.month()).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            if (Instant.parse(purge.purgedAt()).isBefore(monthEnd)) {
                return new Problem(Kind.PURGE_OUT_OF_POLICY, purge.lastSealId(), null, null, "Month " + purge.month()
                        + " was purged at " + purge.purgedAt() + ", before it was over.");
            }
            if (purge.records() < 0) {
                continue; // a purge by the previous version, which did not count
            }
            long sealed = sealedCounts.getOrDefault(purge.month(), 0L);
            String digest = lastSealDigests.get(purge.lastSealId());
            if (sealed != purge.records() || (digest != null && !digest.equals(purge.lastSealDigest()))) {
                return new Problem(Kind.PURGE_MISMATCH, purge.lastSealId(), null, null, "The purge of " + purge.month()
                        + " says it dropped " + purge.records() + " records checked against seal " + purge.lastSealId()
                        + ", but the seals hold " + sealed + " records for that month" + (digest != null
                                && !digest.equals(purge.lastSealDigest()) ? " and that seal's digest differs" : "") + ".");
            }
        }
        return null;
    }
}
