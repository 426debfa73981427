package io.amcfacade.audit.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Checks that nothing was cut off the end of the trail: plain functions over what was read. */
public final class TailChecks {

    private TailChecks() {
    }

    /**
     * The database must still hold the anchored seal, unchanged. When it does not, its tail was cut (and
     * perhaps resealed from an earlier seal); the sealer then refuses to seal past it.
     *
     * @param anchored the seal in the database with the anchor's id, if any
     * @param newest the database's newest seal, if any
     */
    public static VerifyReport.Problem anchor(Anchor anchor, Optional<Seal> anchored, Optional<Seal> newest) {
        if (anchor == null) {
            return null;
        }
        String end = newest.map(s -> "seal " + s.sealId()).orElse("no seal at all");
        if (anchored.isEmpty()) {
            return new VerifyReport.Problem(VerifyReport.Kind.TAIL_TRUNCATED, anchor.sealId(), null, null, "Seal "
                    + anchor.sealId() + " (digest " + anchor.digest() + ") was made and is gone: the database ends at " + end + ".");
        }
        if (!anchored.get().digest().equals(anchor.digest())) {
            return new VerifyReport.Problem(VerifyReport.Kind.TAIL_TRUNCATED, anchor.sealId(), null, null, "Seal "
                    + anchor.sealId() + " (digest " + anchor.digest() + ") was made and is gone: the database holds another seal "
                    + anchor.sealId() + " (digest " + anchored.get().digest() + "), so the trail was cut and sealed again.");
        }
        return null;
    }

    /** A running service seals every few seconds; a longer silence means the newest seals were removed (or sealing stopped). */
    public static VerifyReport.Problem fresh(Seal last, Duration maxSealAge, Instant now) {
        if (maxSealAge == null || (last != null && !last.sealedAt().isBefore(now.minus(maxSealAge)))) {
            return null;
        }
        return new VerifyReport.Problem(VerifyReport.Kind.TAIL_TRUNCATED, last == null ? null : last.sealId(), null, null,
                "No seal since " + (last == null ? "ever" : last.sealedAt()) + " although one is made every few seconds: "
                        + "the newest seals and records may have been removed, or sealing has stopped.");
    }
}
