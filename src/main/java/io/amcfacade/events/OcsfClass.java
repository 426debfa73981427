package io.amcfacade.events;

import io.amcfacade.api.model.AuditOutcome;

/**
 * The OCSF 1.1 class and activity an action is reported as: people's access (invitations, roles, out-of-band
 * changes, accounts linked to or unlinked from a manager account, whose people gain or lose them) as User Access
 * Management (3005), a user removed as Account Change (3001), instances, operations,
 * subscriptions and the trail's administration as Entity Management (3004), everything else (reads, refusals) as
 * API Activity (6003). {@code type_uid} is {@code class_uid * 100 + activity_id}; the category is the class's
 * thousands.
 */
record OcsfClass(int classUid, String className, int activityId, String activityName) {

    static final int OTHER = 99;

    int categoryUid() {
        return classUid / 1000;
    }

    String categoryName() {
        return categoryUid() == 3 ? "Identity & Access Management" : "Application Activity";
    }

    long typeUid() {
        return classUid * 100L + activityId;
    }

    static OcsfClass of(String action) {
        return switch (action) {
            case "INVITATIONS_CREATE", "USER_ROLE_CHANGE", "USERS_UPDATE", "MANAGER_ACCOUNT_LINK" -> access(1, "Assign Privileges");
            case "INVITATION_REVOKE", "MANAGER_ACCOUNT_UNLINK" -> access(2, "Revoke Privileges");
            case "INVITATION_RESEND", "INVITATIONS_UPDATE", "INVITATION_REDEEM", "OUT_OF_BAND_CHANGE", "ACCESS_BASELINE"
                    -> access(OTHER, "Other");
            case "USER_REMOVE" -> new OcsfClass(3001, "Account Change", 6, "Delete");
            case "INSTANCE_CREATE", "EVENT_SUBSCRIPTION_CREATE" -> entity(1, "Create");
            case "INSTANCE_UPDATE", "ADVERTISER_UPDATE_CREATE", "OPERATION_TRANSITION", "EVENT_SUBSCRIPTION_PAUSE",
                    "EVENT_SUBSCRIPTION_RESUME", "EVENT_SUBSCRIPTION_REPLAY", "EVENT_SUBSCRIPTION_DISABLE", "AUDIT_LEGAL_HOLD",
                    "AUDIT_TAIL_ACKNOWLEDGE" -> entity(3, "Update");
            case "INSTANCE_DELETE", "EVENT_SUBSCRIPTION_DELETE", "RETENTION_PURGE" -> entity(4, "Delete");
            default -> action.endsWith("_LIST") || action.endsWith("_GET") || action.startsWith("AUDIT_")
                    || action.startsWith("ACCESS_") || action.startsWith("CONSOLE_VIEW")
                            ? new OcsfClass(6003, "API Activity", 2, "Read")
                            : new OcsfClass(6003, "API Activity", OTHER, "Other");
        };
    }

    /** OCSF {@code severity_id}: 1 informational, 3 medium for a denial or failure, 5 critical for a record the seals reject. */
    static int severity(AuditOutcome outcome, boolean rejected) {
        if (rejected) {
            return 5;
        }
        return outcome == AuditOutcome.DENIED || outcome == AuditOutcome.FAILED || outcome == AuditOutcome.UNKNOWN ? 3 : 1;
    }

    /** OCSF {@code status_id}: 1 success, 2 failure, 0 unknown. */
    static int status(AuditOutcome outcome) {
        if (outcome == AuditOutcome.SUCCEEDED) {
            return 1;
        }
        return outcome == AuditOutcome.UNKNOWN || outcome == AuditOutcome.PENDING ? 0 : 2;
    }

    private static OcsfClass access(int activity, String name) {
        return new OcsfClass(3005, "User Access Management", activity, name);
    }

    private static OcsfClass entity(int activity, String name) {
        return new OcsfClass(3004, "Entity Management", activity, name);
    }
}
