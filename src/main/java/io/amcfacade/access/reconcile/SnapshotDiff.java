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

    /** Access the facade holds as current through a manager account: user, email, manager account, role there. */
    public record KnownIndirect(String userId, String emailAddress, String managerAccountId, String role) {
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
     * Access through manager accounts, one way in at a time: a user AMC no longer lists in the indirect scope loses
     * every manager account they held access through; for a user whose ways in were read this time, a manager account
     * no longer among them is lost, a new one gained, a different role there changed. A user whose ways in were not
     * read keeps the known ones (a new user without them is not reported until they are read).
     *
     * @param listed the users AMC lists in the {@code INDIRECT} scope
     * @param read   by user id, the manager accounts read this time, each with the user's role there
     */
    public static List<AccessChange> indirect(String accountId, List<KnownIndirect> known, List<ObservedUser> listed,
            Map<String, Map<String, String>> read) {
        Map<String, ObservedUser> now = new LinkedHashMap<>();
        listed.forEach(user -> now.put(user.userId(), user));
        List<AccessChange> changes = new ArrayList<>();
        Map<String, Map<String, KnownIndirect>> before = new LinkedHashMap<>();
        for (KnownIndirect was : known) {
            before.computeIfAbsent(was.userId(), id -> new LinkedHashMap<>()).put(was.managerAccountId(), was);
            AccessChange.HeldVia via = AccessChange.HeldVia.managerAccount(was.managerAccountId());
            ObservedUser user = now.get(was.userId());
            Map<String, String> ways = read.get(was.userId());
            if (user == null || ways != null && !ways.containsKey(was.managerAccountId())) {
                changes.add(new AccessChange.UserRemoved(accountId, was.userId(), was.emailAddress(), was.role(), via));
            } else if (ways != null && ways.get(was.managerAccountId()) != null
                    && !ways.get(was.managerAccountId()).equals(was.role())) {
                changes.add(new AccessChange.RoleChanged(accountId, was.userId(),
                        user.emailAddress() != null ? user.emailAddress() : was.emailAddress(), was.role(),
                        ways.get(was.managerAccountId()), via));
            }
        }
        for (ObservedUser user : listed) {
            Map<String, String> ways = read.get(user.userId());
            if (ways == null) {
                continue;
            }
            Map<String, KnownIndirect> had = before.getOrDefault(user.userId(), Map.of());
            ways.forEach((managerAccountId, role) -> {
                if (!had.containsKey(managerAccountId) && role != null) {
                    changes.add(new AccessChange.UserAdded(accountId, user.userId(), user.emailAddress(), role,
                            AccessChange.HeldVia.managerAccount(managerAccountId)));
                }
            });
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
