package io.amcfacade.access.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;

import io.amcfacade.audit.TargetKind;
import io.amcfacade.audit.TargetResult;

/**
 * One difference between what the facade last knew of an account and what AMC answers now. Each kind
 * says what it was and is ({@link #summary}, the audit record's request summary) and which audit
 * target it is about.
 */
public sealed interface AccessChange {

    String accountId();

    /** {@link TargetKind#USER} or {@link TargetKind#INVITATION}. */
    TargetKind targetKind();

    String targetId();

    /** The new role a target record carries, if any. */
    String role();

    /** What changed, as the target record's result and the summary's {@code change}. */
    TargetResult change();

    /** Before and after, as the {@code OUT_OF_BAND_CHANGE} record's request summary. */
    Map<String, Object> summary();

    /**
     * How a user's access is held: {@code direct} (granted on the account itself) or {@code manager-account}
     * (through manager account {@code managerAccountId}, which the account is linked to).
     */
    record HeldVia(String kind, String managerAccountId) {
        public static final HeldVia DIRECT = new HeldVia("direct", null);

        public static HeldVia managerAccount(String managerAccountId) {
            return new HeldVia("manager-account", managerAccountId);
        }

        public boolean direct() {
            return managerAccountId == null;
        }

        /** Into a summary: {@code heldVia}, and {@code managerAccountId} for access through one. */
        void describe(Map<String, Object> summary) {
            summary.put("heldVia", kind);
            if (managerAccountId != null) {
                summary.put("managerAccountId", managerAccountId);
            }
        }
    }

    /** A change of one user's access to the account one way: its target is that user. */
    sealed interface UserChange extends AccessChange {
        String userId();

        HeldVia heldVia();

        @Override
        default TargetKind targetKind() {
            return TargetKind.USER;
        }

        @Override
        default String targetId() {
            return userId();
        }
    }

    record UserAdded(String accountId, String userId, String emailAddress, String toRole, HeldVia heldVia)
            implements UserChange {
        /** Held directly. */
        public UserAdded(String accountId, String userId, String emailAddress, String toRole) {
            this(accountId, userId, emailAddress, toRole, HeldVia.DIRECT);
        }

        public String role() {
            return toRole;
        }

        public TargetResult change() {
            return TargetResult.USER_ADDED;
        }

        public Map<String, Object> summary() {
            return held(heldVia, fields("change", change().stored(), "userId", userId, "emailAddress", emailAddress,
                    "toRole", toRole));
        }
    }

    record UserRemoved(String accountId, String userId, String emailAddress, String fromRole, HeldVia heldVia)
            implements UserChange {
        /** Held directly. */
        public UserRemoved(String accountId, String userId, String emailAddress, String fromRole) {
            this(accountId, userId, emailAddress, fromRole, HeldVia.DIRECT);
        }

        public String role() {
            return null;
        }

        public TargetResult change() {
            return TargetResult.USER_REMOVED;
        }

        public Map<String, Object> summary() {
            return held(heldVia, fields("change", change().stored(), "userId", userId, "emailAddress", emailAddress,
                    "fromRole", fromRole));
        }
    }

    record RoleChanged(String accountId, String userId, String emailAddress, String fromRole, String toRole, HeldVia heldVia)
            implements UserChange {
        /** Held directly. */
        public RoleChanged(String accountId, String userId, String emailAddress, String fromRole, String toRole) {
            this(accountId, userId, emailAddress, fromRole, toRole, HeldVia.DIRECT);
        }

        public String role() {
            return toRole;
        }

        public TargetResult change() {
            return TargetResult.ROLE_CHANGED;
        }

        public Map<String, Object> summary() {
            return held(heldVia, fields("change", change().stored(), "userId", userId, "emailAddress", emailAddress,
                    "fromRole", fromRole, "toRole", toRole));
        }
    }

    /** A new invitation, or a known one in a new state; {@code fromState} is null for a new one. */
    record InvitationChanged(String accountId, String invitationId, String emailAddress, String invitedRole,
            String fromState, String toState) implements AccessChange {
        public TargetKind targetKind() {
            return TargetKind.INVITATION;
        }

        public String targetId() {
            return invitationId;
        }

        public String role() {
            return invitedRole;
        }

        public TargetResult change() {
            return fromState == null ? TargetResult.INVITATION_ADDED : TargetResult.INVITATION_STATE;
        }

        public Map<String, Object> summary() {
            return fields("change", change().stored(), "invitationId", invitationId, "emailAddress", emailAddress,
                    "role", invitedRole, "fromState", fromState, "toState", toState);
        }

        /** Accepting and expiring are an invitation's own life, not somebody's change. */
        public boolean lifecycle() {
            return "ACCEPTED".equals(toState) || "EXPIRED".equals(toState);
        }
    }

    /** A user change's summary says how the access was (or is) held. */
    private static Map<String, Object> held(HeldVia heldVia, Map<String, Object> summary) {
        heldVia.describe(summary);
        return summary;
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
