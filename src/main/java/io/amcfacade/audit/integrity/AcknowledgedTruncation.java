package io.amcfacade.audit.integrity;

import java.time.Instant;
import java.util.UUID;

/**
 * A cut tail an operator acknowledged, as the trail records it: an {@code AUDIT_TAIL_ACKNOWLEDGE} action
 * that succeeded, with what it accepted ({@link TailLoss}; null when its summary is unreadable), who and
 * when (the database's time of its intent), why, and what the seals say of the action itself.
 */
public record AcknowledgedTruncation(UUID eventId, Instant acknowledgedAt, String acknowledgedBy, String onBehalfOf,
        TailLoss loss, String reason, TrailVerdicts.Verdict integrity) {

    /** One line, for the command line and logs. */
    public String line() {
        String lost = loss == null ? "an unnamed seal"
                : "seal " + loss.lostSealId() + (loss.lostSealDigest() == null ? "" : " (digest " + loss.lostSealDigest() + ")");
        String continued = loss == null || loss.lostSealDigest() == null ? ""
                : loss.continuesFromSealId() == null ? ", sealing started again from the first seal"
                        : ", sealing continued from seal " + loss.continuesFromSealId() + " (digest " + loss.continuesFromDigest() + ")";
        return lost + " lost" + continued + "; acknowledged by " + acknowledgedBy + (onBehalfOf == null ? "" : " on behalf of " + onBehalfOf)
                + " at " + acknowledgedAt + (reason == null ? "" : ", reason \"" + reason + "\"") + "; event " + eventId + ", "
                + integrity.line();
    }
}
