package io.amcfacade.access.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.amcfacade.access.reconcile.Observation.ObservedInvitation;
import io.amcfacade.access.reconcile.Observation.ObservedUser;

/**
 * What changed on an account between the facade's last knowledge and AMC's answer: a pure function,
 * tested in milliseconds. Users are compared by id; their roles only where a role was read this time
 * (the rolling sweep reads a few per pass), so a user whose role was not read keeps the known one.
 */
public final class SnapshotDiff {

    private SnapshotDiff() {
    }

    /** A grant the facade holds as current: user, email, role. */
    public record KnownGrant(String userId, String emailAddress, String role) {
    }

    /** An invitation the facade holds as current. */
    public record KnownInvitation(String invitationId, String emailAddress, String role, String state) {
    }

    /**
     * @param observedRoles roles read this time, by user id; users without an entry keep the known role
     *                      (a new user without an entry is not reported until its role is known)
     */
    public static List<AccessChange> users(String accountId, List<KnownGrant> known, List<ObservedUser> observed,
            Map<String, String> observedRoles) {
        Map<String, KnownGrant> before = new LinkedHashMap<>();
        known.forEach(grant -> before.put(grant.userId(), grant));
        List<AccessChange> changes = new ArrayList<>();
        Map<String, ObservedUser> now = new LinkedHashMap<>();
        for (ObservedUser user : observed) {
            now.put(user.userId(), user);
            KnownGrant was = before.get(user.userId());
            String role = observedRoles.get(user.userId());
            if (was == null) {
                if (role != null) {
                    changes.add(new AccessChange.UserAdded(accountId, user.userId(), user.emailAddress(), role));
                }
            } else if (role != null && !role.equals(was.role())) {
                changes.add(new AccessChange.RoleChanged(accountId, user.userId(), email(user, was), was.role(), role));
            }
        }
        for (KnownGrant was : known) {
            if (!now.containsKey(was.userId())) {
                changes.add(new AccessChange.UserRemoved(accountId, was.userId(), was.emailAddress(), was.role()));
            }
        }
        return changes;
    }

    /**
     * New invitations and state changes. An invitation AMC no longer lists is not a change anybody
     * made that the facade can name (AMC documents the list as pending invitations only), so it is
     * not reported; {@link #gone} names them so the store can close them.
     */
    public static List<AccessChange> invitations(String accountId, List<KnownInvitation> known,
            List<ObservedInvitation> observed) {
        Map<String, KnownInvitation> before = new LinkedHashMap<>();
        known.forEach(invitation -> before.put(invitation.invitationId(), invitation));
        List<AccessChange> changes = new ArrayList<>();
        for (ObservedInvitation invitation : observed) {
            KnownInvitation was = before.get(invitation.invitationId());
            if (was == null || !was.state().equals(invitation.state())) {
                changes.add(new AccessChange.InvitationChanged(accountId, invitation.invitationId(),
                        invitation.emailAddress(), invitation.role(), was == null ? null : was.state(),
                        invitation.state()));
            }
        }
        return changes;
    }

    /** Known invitations AMC no longer lists. */
    public static List<String> gone(List<KnownInvitation> known, List<ObservedInvitation> observed) {
        List<String> listed = observed.stream().map(ObservedInvitation::invitationId).toList();
        return known.stream().map(KnownInvitation::invitationId).filter(id -> !listed.contains(id)).toList();
    }

    private static String email(ObservedUser user, KnownGrant was) {
        return user.emailAddress() != null ? user.emailAddress() : was.emailAddress();
    }
}
