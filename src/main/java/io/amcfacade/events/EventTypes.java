package io.amcfacade.events;

import java.util.EnumMap;
import java.util.Map;

import io.amcfacade.api.model.AuditIntegrityStatus;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.AuditAction;

/**
 * The stable {@code type} of each delivered event, as {@code openapi.yaml} ({@code EventType}) and
 * {@code docs/events.md} list them: named after what happened for the actions subscribers ask about,
 * {@code io.amcfacade.action.recorded} for the others (the action is in the payload); a denial is a denial whatever was asked, and an action
 * its seal does not vouch for is a finding, never the action it claims to be.
 */
final class EventTypes {

    static final String PREFIX = "io.amcfacade.";
    static final String DENIED = PREFIX + "request.denied";
    static final String REJECTED = PREFIX + "audit.record_rejected";

    private static final Map<AuditAction, String> NAMED = new EnumMap<>(AuditAction.class);

    static {
        NAMED.put(AuditAction.INVITATIONS_CREATE, "invitation.created");
        NAMED.put(AuditAction.INVITATION_REVOKE, "invitation.revoked");
        NAMED.put(AuditAction.INVITATION_RESEND, "invitation.resent");
        NAMED.put(AuditAction.INVITATIONS_UPDATE, "invitation.updated");
        NAMED.put(AuditAction.INVITATION_REDEEM, "invitation.redeemed");
        NAMED.put(AuditAction.USER_ROLE_CHANGE, "user.role_changed");
        NAMED.put(AuditAction.USERS_UPDATE, "user.updated");
        NAMED.put(AuditAction.USER_REMOVE, "user.removed");
        NAMED.put(AuditAction.OUT_OF_BAND_CHANGE, "access.out_of_band_change");
        NAMED.put(AuditAction.ACCESS_BASELINE, "access.baseline");
        NAMED.put(AuditAction.INSTANCE_CREATE, "instance.create_requested");
        NAMED.put(AuditAction.INSTANCE_UPDATE, "instance.updated");
        NAMED.put(AuditAction.INSTANCE_DELETE, "instance.delete_requested");
        NAMED.put(AuditAction.ADVERTISER_UPDATE_CREATE, "instance.advertiser_update_requested");
        NAMED.put(AuditAction.OPERATION_TRANSITION, "operation.transitioned");
        NAMED.put(AuditAction.AUDIT_VERIFY, "audit.verified");
        NAMED.put(AuditAction.AUDIT_LEGAL_HOLD, "audit.legal_hold_changed");
        NAMED.put(AuditAction.AUDIT_TAIL_ACKNOWLEDGE, "audit.tail_acknowledged");
        NAMED.put(AuditAction.RETENTION_PURGE, "audit.retention_purged");
        NAMED.put(AuditAction.EVENT_SUBSCRIPTION_CREATE, "event_subscription.created");
        NAMED.put(AuditAction.EVENT_SUBSCRIPTION_PAUSE, "event_subscription.paused");
        NAMED.put(AuditAction.EVENT_SUBSCRIPTION_RESUME, "event_subscription.resumed");
        NAMED.put(AuditAction.EVENT_SUBSCRIPTION_DELETE, "event_subscription.deleted");
        NAMED.put(AuditAction.EVENT_SUBSCRIPTION_REPLAY, "event_subscription.replayed");
        NAMED.put(AuditAction.EVENT_SUBSCRIPTION_DISABLE, "event_subscription.disabled");
        NAMED.put(AuditAction.MANAGER_ACCOUNT_LINK, "manager_account.linked");
        NAMED.put(AuditAction.MANAGER_ACCOUNT_UNLINK, "manager_account.unlinked");
    }

    private EventTypes() {
    }

    private static boolean known(String action) {
        return java.util.Arrays.stream(AuditAction.values()).anyMatch(a -> a.name().equals(action));
    }

    /** The type of an action with this outcome and integrity status. */
    static String of(String action, AuditOutcome outcome, AuditIntegrityStatus integrity) {
        if (integrity == AuditIntegrityStatus.REJECTED || integrity == AuditIntegrityStatus.SEAL_INVALID) {
            return REJECTED;
        }
        if (outcome == AuditOutcome.DENIED) {
            return DENIED;
        }
        String named = known(action) ? NAMED.get(AuditAction.valueOf(action)) : null;
        return PREFIX + (named != null ? named : "action.recorded");
    }
}
