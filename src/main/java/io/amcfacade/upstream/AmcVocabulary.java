package io.amcfacade.upstream;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The one place that knows how AMC spells things the facade models differently: role names, states,
 * timestamps and per-item error codes. Several are unconfirmed upstream (see UPSTREAM.md); a
 * correction is a change here only.
 */
public final class AmcVocabulary {

    /** Epoch values above this are milliseconds (year 5138 in seconds); AMC's examples use seconds. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final Set<String> ITEM_ERROR_CODES = Set.of("INVALID_EMAIL", "INVALID_USER_NAME", "INVALID_ROLE",
            "DUPLICATE_INVITATION", "ALREADY_A_USER", "INVALID_STATE_TRANSITION");

    private AmcVocabulary() {
    }

    /** The invitation API spells roles in lower case. */
    public static String invitationRole(String facadeRole) {
        return facadeRole.toLowerCase(Locale.ROOT);
    }

    /** Any AMC spelling of admin/viewer becomes the facade's lower case; other roles are shown as they are. */
    public static String facadeRole(String amcRole) {
        if (amcRole == null) {
            return null;
        }
        String lower = amcRole.toLowerCase(Locale.ROOT);
        return lower.equals("admin") || lower.equals("viewer") ? lower : amcRole;
    }

    /**
     * AMC documents PENDING and lets callers set REVOKED and RESENT; accepted and expired states are
     * not named by any source. RESENT reads as PENDING (it renews the invitation).
     */
    public static String facadeState(String amcState, Instant expiration, Instant now) {
        String state = amcState == null ? "PENDING" : amcState.toUpperCase(Locale.ROOT);
        return switch (state) {
            case "ACCEPTED", "REDEEMED" -> "ACCEPTED";
            case "REVOKED" -> "REVOKED";
            case "EXPIRED" -> "EXPIRED";
            default -> expiration != null && expiration.isBefore(now) ? "EXPIRED" : "PENDING";
        };
    }

    public static Instant instant(Long epoch) {
        if (epoch == null) {
            return null;
        }
        return epoch > MILLIS_THRESHOLD ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
    }

    /** AMC's per-item error codes are unpublished: known ones pass through, the rest are UPSTREAM_REJECTED. */
    public static String itemErrorCode(String amcCode) {
        if (amcCode == null) {
            return "UPSTREAM_REJECTED";
        }
        String code = amcCode.toUpperCase(Locale.ROOT);
        if (code.equals("NOT_FOUND")) {
            return "INVITATION_NOT_FOUND";
        }
        return ITEM_ERROR_CODES.contains(code) ? code : "UPSTREAM_REJECTED";
    }
}
