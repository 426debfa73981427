package io.amcfacade.sandbox.amc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the sandbox holds for one AMC account: its invitations, oldest first, and its users. Every
 * method holds the account's lock, so an item's checks and its change are one step, two items of one
 * batch see each other, and a redeem cannot race a removal.
 */
final class SandboxAccountState {

    private static final String REVOKED = "REVOKED";
    private static final String RESENT = "RESENT";

    private final String accountId;
    private final String countryCode;
    private final Map<String, SandboxInvitation> invitations = new LinkedHashMap<>();
    private final SandboxUserRoster users;

    SandboxAccountState(String accountId, List<SandboxUser> seedUsers) {
        this(accountId, "US", seedUsers);
    }

    /** @param countryCode the account's marketplace country, which its invitations list */
    SandboxAccountState(String accountId, String countryCode, List<SandboxUser> seedUsers) {
        this.accountId = accountId;
        this.countryCode = countryCode;
        this.users = new SandboxUserRoster(seedUsers);
    }

    /** How a redeem attempt ended; {@code state} is the invitation's state when it was found. */
    record Redemption(Outcome outcome, SandboxInvitationState state) {
        enum Outcome { REDEEMED, NOT_FOUND, NOT_ADDRESSED_TO_CALLER, NOT_PENDING }
    }

    synchronized SandboxItemOutcome<SandboxInvitation> invite(SandboxInvitation.Invitee invitee, boolean notify,
            Instant now, Duration ttl) {
        String email = invitee.emailAddress();
        Optional<SandboxInvitation> pending = invitations.values().stream()
                .filter(i -> i.isAddressedTo(email) && i.stateAt(now) == SandboxInvitationState.PENDING)
                .findFirst();
        if (pending.isPresent()) {
            return SandboxItemOutcome.failed("DUPLICATE_INVITATION", "A pending invitation already exists for this email address",
                    "Revoke invitation " + pending.get().invitationId() + " or resend it instead", email);
        }
        Optional<SandboxUser> user = users.withEmail(email);
        if (user.isPresent()) {
            return SandboxItemOutcome.failed("ALREADY_A_USER", "The email address already belongs to a user of this account",
                    "User " + user.get().userId() + " of account " + accountId, email);
        }
        Instant createdAt = now.truncatedTo(ChronoUnit.SECONDS);
        SandboxInvitation invitation = SandboxInvitation.create(accountId, invitee, notify, createdAt, createdAt.plus(ttl),
                countryCode);
        invitations.put(invitation.invitationId(), invitation);
        return SandboxItemOutcome.succeeded(invitation);
    }

    /** Revokes or resends; both are allowed from PENDING and EXPIRED only, and a resend restarts the clock. */
    synchronized SandboxItemOutcome<SandboxWire.StateChange> change(String invitationId, String requested, Instant now,
            Duration ttl) {
        SandboxInvitation invitation = invitationId == null ? null : invitations.get(invitationId);
        if (invitation == null) {
            return SandboxItemOutcome.failed("NOT_FOUND", "Invitation not found",
                    "No invitation with this id in account " + accountId, invitationId);
        }
        if (!REVOKED.equals(requested) && !RESENT.equals(requested)) {
            return SandboxItemOutcome.failed("INVALID_STATE", "Invalid state", "state must be REVOKED or RESENT", invitationId);
        }
        SandboxInvitationState current = invitation.stateAt(now);
        if (current != SandboxInvitationState.PENDING && current != SandboxInvitationState.EXPIRED) {
            String message = current.name().equals(requested) ? "Invitation is already " + current : "Invitation is " + current;
            return SandboxItemOutcome.failed("INVALID_STATE_TRANSITION", message,
                    "Only PENDING or EXPIRED invitations can be revoked or resent", invitationId);
        }
        SandboxInvitation changed = REVOKED.equals(requested)
                ? invitation.withState(SandboxInvitationState.REVOKED)
                : invitation.withState(SandboxInvitationState.PENDING).expiringAt(now.truncatedTo(ChronoUnit.SECONDS).plus(ttl));
        invitations.put(invitationId, changed);
        return SandboxItemOutcome.succeeded(new SandboxWire.StateChange(invitationId, requested));
    }

    /** Accepts the invitation for the invited caller and makes them a user with the invitation's role. */
    synchronized Redemption redeem(String invitationId, String callerEmail, Instant now) {
        SandboxInvitation invitation = invitations.get(invitationId);
        if (invitation == null) {
            return new Redemption(Redemption.Outcome.NOT_FOUND, null);
        }
        SandboxInvitationState current = invitation.stateAt(now);
        if (!invitation.isAddressedTo(callerEmail)) {
            return new Redemption(Redemption.Outcome.NOT_ADDRESSED_TO_CALLER, current);
        }
        if (current != SandboxInvitationState.PENDING) {
            return new Redemption(Redemption.Outcome.NOT_PENDING, current);
        }
        invitations.put(invitationId, invitation.withState(SandboxInvitationState.ACCEPTED));
        // A resent expired invitation can sit next to a newer pending one; redeeming both must not add the user twice.
        if (users.withEmail(invitation.invitee().emailAddress()).isEmpty()) {
            users.add(SandboxUser.create(invitation.invitee().emailAddress(), invitation.userRole()));
        }
        return new Redemption(Redemption.Outcome.REDEEMED, SandboxInvitationState.ACCEPTED);
    }

    /** Moves the expiration one second into the past, so a pending invitation reads as EXPIRED. */
    synchronized Optional<SandboxInvitation> expire(String invitationId, Instant now) {
        return Optional.ofNullable(invitations.computeIfPresent(invitationId,
                (id, invitation) -> invitation.expiringAt(now.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1))));
    }

    synchronized Optional<SandboxInvitation> invitation(String invitationId) {
        return Optional.ofNullable(invitations.get(invitationId));
    }

    /** Every invitation in every state, oldest first. */
    synchronized List<SandboxInvitation> invitations() {
        return List.copyOf(invitations.values());
    }

    synchronized void addUser(SandboxUser user) {
        users.add(user);
    }

    synchronized List<SandboxUser> users() {
        return users.list();
    }

    synchronized Optional<SandboxUser> user(String userId) {
        return users.withId(userId);
    }

    /** Gives a user a role (upper case); the error, if the change is refused. */
    synchronized Optional<SandboxUserWire.ItemError> setRole(String userId, String role) {
        return users.setRole(userId, role);
    }

    synchronized SandboxUserRoster.Removal remove(List<String> userIds) {
        return users.remove(userIds);
    }

    String accountId() {
        return accountId;
    }
}
