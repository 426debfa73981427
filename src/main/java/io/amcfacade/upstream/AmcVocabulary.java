package io.amcfacade.upstream;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.amcfacade.problem.ProblemCode;

/**
 * The one place that knows how AMC spells things the facade models differently: role names, states,
 * timestamps and per-item error codes. Several are unconfirmed upstream (see UPSTREAM.md); a
 * correction is a change here only.
 *
 * <p>Role names: the invitation API writes {@code admin}/{@code viewer}, the user-permissions API
 * {@code ADMIN}/{@code VIEWER}/{@code EDITOR}. Which casing AMC accepts is not confirmed, so the facade
 * sends each API its own documented spelling and reads any casing back; the facade's model is always
 * {@code admin}/{@code viewer}, and any other role is shown exactly as AMC spells it.
 */
public final class AmcVocabulary {

    /** Epoch values above this are milliseconds (year 5138 in seconds); AMC's examples use seconds. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    /** 9999-12-31T23:59:59.999Z, the last moment a four-digit-year date-time can carry. */
    private static final long LATEST_MILLIS = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    private static final Set<String> ITEM_ERROR_CODES = Set.of("INVALID_EMAIL", "INVALID_USER_NAME", "INVALID_ROLE",
            "DUPLICATE_INVITATION", "ALREADY_A_USER", "INVALID_STATE_TRANSITION");
    /** The strongest role first: a user listed with several shows the first of these it holds. */
    private static final List<String> ROLE_PRECEDENCE = List.of("admin", "viewer");

    private AmcVocabulary() {
    }

    /** The invitation API spells roles in lower case. */
    public static String invitationRole(String facadeRole) {
        return facadeRole.toLowerCase(Locale.ROOT);
    }

    /** The user-permissions API spells roles in upper case. */
    public static String userPermissionRole(String facadeRole) {
        return facadeRole.toUpperCase(Locale.ROOT);
    }

    /**
     * A user's roles as the user-permissions API lists them, as the one role the facade shows: admin
     * over viewer over anything else (first listed, as AMC spells it); {@code null} for none. Only role
     * grants ({@code type: ROLE}) count: a custom permission set that happens to name a role is none.
     */
    public static String facadeUserRole(List<AmcUserWire.Role> amcRoles) {
        List<String> roles = amcRoles.stream().filter(r -> r != null && r.isRoleGrant()).map(AmcUserWire.Role::role)
                .filter(Objects::nonNull).map(AmcVocabulary::facadeRole).toList();
        return ROLE_PRECEDENCE.stream().filter(roles::contains).findFirst()
                .orElse(roles.isEmpty() ? null : roles.get(0));
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

    /**
     * A timestamp AMC writes as text: ISO-8601 (with or without an offset) or epoch seconds or
     * milliseconds; {@code null} when it is none of those, rather than failing a whole listing.
     */
    public static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            return value.chars().allMatch(Character::isDigit) ? instant(Long.parseLong(value))
                    : OffsetDateTime.parse(value).toInstant();
        } catch (NumberFormatException | DateTimeParseException e) {
            return utcWithoutOffset(value);
        }
    }

    private static Instant utcWithoutOffset(String value) {
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Epoch seconds or milliseconds, with or without a fraction (the definition declares a double);
     * {@code null} for a moment before 1970 or after 9999, which no AMC timestamp is: a definition-valid
     * double such as {@code -1.79e308} (what a mock of Amazon's definition answers) would otherwise become a
     * year no ISO-8601 date-time can carry.
     */
    public static Instant instant(Number epoch) {
        if (epoch == null || !Double.isFinite(epoch.doubleValue())) {
            return null;
        }
        double value = epoch.doubleValue();
        double millis = value > MILLIS_THRESHOLD ? value : value * 1000;
        return millis < 0 || millis > LATEST_MILLIS ? null : Instant.ofEpochMilli(Math.round(millis));
    }

    /** SUCCEEDED is the deprecated spelling of COMPLETED; the facade shows one name for one status. */
    public static String instanceStatus(String amcStatus) {
        return "SUCCEEDED".equalsIgnoreCase(amcStatus) ? "COMPLETED" : amcStatus;
    }

    /**
     * An advertiser update's status in the facade's words: AMC's schema lists PENDING where the operation's text
     * says REQUESTED; both mean "asked for, not yet reviewed or applied".
     */
    public static String advertiserUpdateStatus(String amcStatus) {
        return amcStatus == null ? null : "PENDING".equalsIgnoreCase(amcStatus) ? "REQUESTED"
                : amcStatus.toUpperCase(Locale.ROOT);
    }

    /** An advertiser update that is neither COMPLETED nor REJECTED (REQUESTED, PENDING, AWAITING_APPROVAL, UPDATING). */
    public static boolean advertiserUpdateOpen(String amcStatus) {
        String status = advertiserUpdateStatus(amcStatus);
        return status != null && !status.equals("COMPLETED") && !status.equals("REJECTED");
    }

    /** AMC's 400 to a write on an instance of its instant self-service access (unpublished text: read loosely). */
    static boolean isInstantAccessRefusal(String details) {
        return details != null && details.toLowerCase(Locale.ROOT).contains("instant");
    }

    /** AMC's 400 to an advertiser update while another is open ("already an open request"). */
    static boolean isOpenAdvertiserUpdateRefusal(String details) {
        return details != null && details.toLowerCase(Locale.ROOT).contains("open")
                && details.toLowerCase(Locale.ROOT).contains("update");
    }

    /** AMC's per-item error codes are unpublished: known ones pass through, the rest are UPSTREAM_REJECTED. */
    public static String itemErrorCode(String amcCode) {
        if (amcCode == null) {
            return ProblemCode.UPSTREAM_REJECTED.name();
        }
        String code = amcCode.toUpperCase(Locale.ROOT);
        if (code.equals("NOT_FOUND")) {
            return ProblemCode.INVITATION_NOT_FOUND.name();
        }
        return ITEM_ERROR_CODES.contains(code) ? code : ProblemCode.UPSTREAM_REJECTED.name();
    }

    /**
     * The user-permissions API's per-user and error-body codes are unpublished: the ones the facade can
     * act on become its own ({@code USER_NOT_FOUND}, {@code LAST_ADMIN}, {@code INVALID_ROLE}), the rest
     * {@code UPSTREAM_REJECTED}.
     */
    public static String userErrorCode(String amcCode) {
        String code = amcCode == null ? "" : amcCode.toUpperCase(Locale.ROOT);
        return switch (code) {
            case "NOT_FOUND", "USER_NOT_FOUND" -> ProblemCode.USER_NOT_FOUND.name();
            case "LAST_ADMIN", "LAST_ADMINISTRATOR", "CANNOT_REMOVE_LAST_ADMIN" -> ProblemCode.LAST_ADMIN.name();
            case "INVALID_ROLE" -> "INVALID_ROLE";
            default -> ProblemCode.UPSTREAM_REJECTED.name();
        };
    }
}
