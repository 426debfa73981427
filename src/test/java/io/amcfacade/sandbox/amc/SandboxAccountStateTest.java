package io.amcfacade.sandbox.amc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The invitation state machine of one account, on a clock the test holds. */
class SandboxAccountStateTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00.750Z");
    private static final Duration TTL = Duration.ofDays(14);
    private static final SandboxInvitation.Invitee BOB = new SandboxInvitation.Invitee("Bob@Example.com", "Bob", "viewer");

    private final SandboxAccountState account = new SandboxAccountState("ENTITY1TEST",
            List.of(new SandboxUser("amzn1.user.admin", "admin@example.com", "ADMIN")));

    @Test
    void aPendingInvitationExpiresAtItsExpirationSecond() {
        SandboxInvitation invitation = account.invite(BOB, false, T0, TTL).success();

        assertThat(invitation.createdAt()).isEqualTo(Instant.parse("2030-01-01T10:00:00Z"));
        assertThat(invitation.stateAt(invitation.expiration().minusMillis(1))).isEqualTo(SandboxInvitationState.PENDING);
        assertThat(invitation.stateAt(invitation.expiration())).isEqualTo(SandboxInvitationState.EXPIRED);
        assertThat(invitation.toWire(invitation.expiration()).state()).isEqualTo("EXPIRED");
    }

    @Test
    void aPendingInvitationBlocksAnotherForTheSameAddressInAnyCase() {
        account.invite(BOB, false, T0, TTL);

        SandboxItemOutcome<SandboxInvitation> again = account.invite(
                new SandboxInvitation.Invitee("bob@example.COM", "Bob", "admin"), false, T0, TTL);

        assertThat(again.error().errorCode()).isEqualTo("DUPLICATE_INVITATION");
        assertThat(again.error().identifier()).isEqualTo("bob@example.COM");
    }

    @Test
    void anExpiredInvitationNoLongerBlocksANewOne() {
        account.invite(BOB, false, T0, TTL);

        assertThat(account.invite(BOB, false, T0.plus(TTL), TTL).isError()).isFalse();
    }

    @Test
    void resendingAnExpiredInvitationRestartsTheTwoWeeksFromTheResend() {
        String id = account.invite(BOB, false, T0, TTL).success().invitationId();
        Instant later = T0.plus(Duration.ofDays(20));

        assertThat(account.change(id, "RESENT", later, TTL).isError()).isFalse();

        SandboxInvitation resent = account.invitation(id).orElseThrow();
        assertThat(resent.stateAt(later)).isEqualTo(SandboxInvitationState.PENDING);
        assertThat(resent.expiration()).isEqualTo(Instant.parse("2030-02-04T10:00:00Z"));
    }

    @Test
    void redeemingMakesTheInviteeAUserWithTheUpperCaseRole() {
        String id = account.invite(BOB, true, T0, TTL).success().invitationId();

        SandboxAccountState.Redemption redemption = account.redeem(id, "bob@example.com", T0);

        assertThat(redemption.outcome()).isEqualTo(SandboxAccountState.Redemption.Outcome.REDEEMED);
        assertThat(account.users()).extracting(SandboxUser::emailAddress, SandboxUser::role)
                .contains(tuple("Bob@Example.com", "VIEWER"));
        assertThat(account.invitation(id).orElseThrow().notifyInvitedUsers()).isTrue();
        assertThat(account.redeem(id, "bob@example.com", T0).state()).isEqualTo(SandboxInvitationState.ACCEPTED);
    }

    @Test
    void anAddressThatIsAlreadyAUserCannotBeInvited() {
        SandboxItemOutcome<SandboxInvitation> outcome = account.invite(
                new SandboxInvitation.Invitee("ADMIN@example.com", "Admin", "admin"), false, T0, TTL);

        assertThat(outcome.error().errorCode()).isEqualTo("ALREADY_A_USER");
        assertThat(account.invitations()).isEmpty();
    }
}
