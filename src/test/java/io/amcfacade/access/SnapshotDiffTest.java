package io.amcfacade.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.access.reconcile.AccessChange;
import io.amcfacade.access.reconcile.Observation.ObservedInvitation;
import io.amcfacade.access.reconcile.Observation.ObservedUser;
import io.amcfacade.access.reconcile.SnapshotDiff;
import io.amcfacade.access.reconcile.SnapshotDiff.KnownGrant;
import io.amcfacade.access.reconcile.SnapshotDiff.KnownIndirect;
import io.amcfacade.access.reconcile.SnapshotDiff.KnownInvitation;
import io.amcfacade.audit.TargetResult;

/** The comparison of what the facade knew with what AMC answers, edge by edge. */
class SnapshotDiffTest {

    private static final String ACCOUNT = "ENTITYTEST";

    @Test
    void addedRemovedAndChangedUsersAreNamedWithBeforeAndAfter() {
        List<KnownGrant> known = List.of(new KnownGrant("u1", "a@x", "viewer"), new KnownGrant("u2", "b@x", "admin"),
                new KnownGrant("u3", "c@x", "viewer"));
        List<ObservedUser> observed = List.of(new ObservedUser("u1", "a@x"), new ObservedUser("u3", "c@x"),
                new ObservedUser("u4", "d@x"));
        List<AccessChange> changes = SnapshotDiff.users(ACCOUNT, known, observed, Map.of("u1", "admin", "u4", "viewer"));
        assertThat(changes).containsExactly(
                new AccessChange.RoleChanged(ACCOUNT, "u1", "a@x", "viewer", "admin"),
                new AccessChange.UserAdded(ACCOUNT, "u4", "d@x", "viewer"),
                new AccessChange.UserRemoved(ACCOUNT, "u2", "b@x", "admin"));
    }

    @Test
    void eachChangeIsRecordedAsTheTargetResultItsSummaryNames() {
        List<AccessChange> changes = List.of(new AccessChange.UserAdded(ACCOUNT, "u4", "d@x", "viewer"),
                new AccessChange.UserRemoved(ACCOUNT, "u2", "b@x", "admin"),
                new AccessChange.RoleChanged(ACCOUNT, "u1", "a@x", "viewer", "admin"),
                new AccessChange.InvitationChanged(ACCOUNT, "i1", "e@x", "viewer", null, "PENDING"),
                new AccessChange.InvitationChanged(ACCOUNT, "i1", "e@x", "viewer", "PENDING", "REVOKED"));

        assertThat(changes).extracting(AccessChange::change).containsExactly(TargetResult.USER_ADDED,
                TargetResult.USER_REMOVED, TargetResult.ROLE_CHANGED, TargetResult.INVITATION_ADDED,
                TargetResult.INVITATION_STATE);
        assertThat(changes).allSatisfy(change -> assertThat(change.summary()).containsEntry("change", change.change().stored()));
    }

    @Test
    void aRoleNotReadThisTimeIsNoChangeAndANewUserWaitsForItsRole() {
        List<AccessChange> changes = SnapshotDiff.users(ACCOUNT, List.of(new KnownGrant("u1", "a@x", "viewer")),
                List.of(new ObservedUser("u1", null), new ObservedUser("u2", "b@x")), Map.of());
        assertThat(changes).isEmpty();
    }

    @Test
    void aMaskedEmailKeepsTheKnownOne() {
        List<AccessChange> changes = SnapshotDiff.users(ACCOUNT, List.of(new KnownGrant("u1", "a@x", "viewer")),
                List.of(new ObservedUser("u1", null)), Map.of("u1", "admin"));
        assertThat(changes).containsExactly(new AccessChange.RoleChanged(ACCOUNT, "u1", "a@x", "viewer", "admin"));
    }

    @Test
    void invitationsNewOrInANewStateAreChangesAndVanishedOnesAreOnlyClosed() {
        List<KnownInvitation> known = List.of(new KnownInvitation("i1", "a@x", "viewer", "PENDING"),
                new KnownInvitation("i2", "b@x", "admin", "PENDING"), new KnownInvitation("i3", "c@x", "viewer", "PENDING"));
        List<ObservedInvitation> observed = List.of(new ObservedInvitation("i1", "a@x", "viewer", "REVOKED"),
                new ObservedInvitation("i2", "b@x", "admin", "PENDING"), new ObservedInvitation("i4", "d@x", "viewer", "PENDING"));
        List<AccessChange> changes = SnapshotDiff.invitations(ACCOUNT, known, observed);
        assertThat(changes).containsExactly(
                new AccessChange.InvitationChanged(ACCOUNT, "i1", "a@x", "viewer", "PENDING", "REVOKED"),
                new AccessChange.InvitationChanged(ACCOUNT, "i4", "d@x", "viewer", null, "PENDING"));
        assertThat(SnapshotDiff.gone(known, observed)).containsExactly("i3");
        assertThat(new AccessChange.InvitationChanged(ACCOUNT, "i1", null, null, "PENDING", "EXPIRED").lifecycle()).isTrue();
        assertThat(new AccessChange.InvitationChanged(ACCOUNT, "i1", null, null, "PENDING", "REVOKED").lifecycle()).isFalse();
    }

    @Test
    void accessThroughManagerAccountsIsComparedOneWayInAtATime() {
        AccessChange.HeldVia m1 = AccessChange.HeldVia.managerAccount("m1");
        AccessChange.HeldVia m2 = AccessChange.HeldVia.managerAccount("m2");
        List<KnownIndirect> known = List.of(new KnownIndirect("u1", "a@x", "m1", "viewer"),
                new KnownIndirect("u1", "a@x", "m2", "admin"), new KnownIndirect("u2", "b@x", "m1", "viewer"),
                new KnownIndirect("u3", "c@x", "m1", "viewer"));
        List<ObservedUser> listed = List.of(new ObservedUser("u1", "a@x"), new ObservedUser("u3", "c@x"),
                new ObservedUser("u4", "d@x"), new ObservedUser("u5", "e@x"));
        // u1's ways read: m1 now admin, m2 gone, m3 new; u3's not read (kept); u4 read, new; u5 not read (not reported yet).
        Map<String, Map<String, String>> read = Map.of("u1", Map.of("m1", "admin", "m3", "viewer"),
                "u4", Map.of("m2", "EDITOR"));

        assertThat(SnapshotDiff.indirect(ACCOUNT, known, listed, read)).containsExactlyInAnyOrder(
                new AccessChange.RoleChanged(ACCOUNT, "u1", "a@x", "viewer", "admin", m1),
                new AccessChange.UserRemoved(ACCOUNT, "u1", "a@x", "admin", m2),
                new AccessChange.UserRemoved(ACCOUNT, "u2", "b@x", "viewer", m1),
                new AccessChange.UserAdded(ACCOUNT, "u1", "a@x", "viewer", AccessChange.HeldVia.managerAccount("m3")),
                new AccessChange.UserAdded(ACCOUNT, "u4", "d@x", "EDITOR", m2));
    }

    @Test
    void aChangeThroughAManagerAccountSaysHowInItsSummaryAndADirectOneSaysDirect() {
        assertThat(new AccessChange.UserAdded(ACCOUNT, "u1", "a@x", "viewer", AccessChange.HeldVia.managerAccount("m1"))
                .summary()).containsEntry("heldVia", "manager-account").containsEntry("managerAccountId", "m1");
        assertThat(new AccessChange.UserRemoved(ACCOUNT, "u1", "a@x", "viewer").summary())
                .containsEntry("heldVia", "direct").doesNotContainKey("managerAccountId");
    }
}
