package io.amcfacade.audit;

import java.util.Locale;

/**
 * A target as a feature reports it: kind, id,
 * the role granted, and, in a batch, its own outcome and error code.
 */
public record AuditTargetEntry(TargetKind kind, String id, String role, TargetResult outcome, String errorCode) {

    public static AuditTargetEntry email(String email, String role) {
        return new AuditTargetEntry(TargetKind.EMAIL, email, role, null, null);
    }

    /** A user of an AMC account; {@code role} is the role the action gives them, if any. */
    public static AuditTargetEntry user(String userId, String role) {
        return new AuditTargetEntry(TargetKind.USER, userId, role, null, null);
    }

    public static AuditTargetEntry invitation(String invitationId) {
        return new AuditTargetEntry(TargetKind.INVITATION, invitationId, null, null, null);
    }

    public static AuditTargetEntry instance(String instanceId) {
        return new AuditTargetEntry(TargetKind.INSTANCE, instanceId, null, null, null);
    }

    public static AuditTargetEntry subscription(String subscriptionId) {
        return new AuditTargetEntry(TargetKind.EVENT_SUBSCRIPTION, subscriptionId, null, null, null);
    }

    /** An account linked to or unlinked from a manager account. */
    public static AuditTargetEntry account(String accountId) {
        return new AuditTargetEntry(TargetKind.ACCOUNT, accountId, null, null, null);
    }

    public AuditTargetEntry withResult(TargetResult outcome, String errorCode) {
        return new AuditTargetEntry(kind, id, role, outcome, errorCode);
    }

    /** Emails are stored in lower case so "who invited Bob@Example.com" finds bob@example.com. */
    String normalizedId() {
        return kind == TargetKind.EMAIL ? id.toLowerCase(Locale.ROOT) : id;
    }
}
