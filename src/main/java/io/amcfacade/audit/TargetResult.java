package io.amcfacade.audit;

import java.util.Optional;

/**
 * How one target of an action fared, as its target record stores it (the API's {@code targets[].outcome}).
 * Stored in the trail, so a spelling is never changed.
 */
public enum TargetResult {
    CREATED("CREATED"),
    UPDATED("UPDATED"),
    UNCHANGED("UNCHANGED"),
    REMOVED("REMOVED"),
    FAILED("FAILED"),
    /** AMC named no result for it: it may or may not have taken effect. */
    UNKNOWN("UNKNOWN"),
    /** A user AMC lists and the facade did not know: an out-of-band change, in the reconciler's spelling. */
    USER_ADDED("added"),
    /** A user the facade knew and AMC no longer lists. */
    USER_REMOVED("removed"),
    /** A user whose role AMC answers differently. */
    ROLE_CHANGED("role"),
    /** An invitation AMC lists and the facade did not know. */
    INVITATION_ADDED("invitation-added"),
    /** A known invitation in another state. */
    INVITATION_STATE("invitation-state");

    private final String stored;

    TargetResult(String stored) {
        this.stored = stored;
    }

    /** The spelling in the trail and in the API. */
    public String stored() {
        return stored;
    }

    /** The result stored as {@code stored}, if the facade writes such a result. */
    public static Optional<TargetResult> ofStored(String stored) {
        for (TargetResult result : values()) {
            if (result.stored.equals(stored)) {
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }
}
