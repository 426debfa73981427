package io.amcfacade.audit.recording;

import io.amcfacade.api.model.AuditOutcome;

/** How the facade's answer reads in the audit trail. */
public final class Outcomes {

    private Outcomes() {
    }

    public static AuditOutcome of(int status, String errorCode) {
        if ("UPSTREAM_CONNECTION_LOST".equals(errorCode) || "UPSTREAM_OUTCOME_UNKNOWN".equals(errorCode)) {
            return AuditOutcome.UNKNOWN; // sent, and no usable answer came back: AMC may have acted
        }
        if ("UNAUTHORIZED".equals(errorCode) || "FORBIDDEN".equals(errorCode)) {
            return AuditOutcome.DENIED; // also when answered by a redirect to sign in (the console)
        }
        if (status < 400) {
            return AuditOutcome.SUCCEEDED;
        }
        return switch (status) {
            case 401, 403 -> AuditOutcome.DENIED;
            case 400, 405, 406, 413, 414, 415, 422, 431 -> AuditOutcome.REJECTED;
            // The upstream call was sent and no answer came back: it may have taken effect.
            case 504 -> AuditOutcome.UNKNOWN;
            default -> AuditOutcome.FAILED;
        };
    }
}
