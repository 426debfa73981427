package io.amcfacade.sandbox.amc;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One stored user invitation. Immutable: a change replaces it in its {@link SandboxAccountState}.
 * The stored state is never EXPIRED; whether a pending invitation has expired is read off
 * {@code expiration} at the moment of asking, so no background job is needed.
 */
record SandboxInvitation(String invitationId, String targetId, Invitee invitee, Instant createdAt,
        Instant expiration, SandboxInvitationState storedState, boolean notifyInvitedUsers, String countryCode) {

    static final String CREATED_BY = "amzn1.account.sandbox-admin";
    static final List<String> TERMS_TYPES = List.of("MARKETING_CLOUD");

    /** Who is invited and as what; {@code role} is {@code admin} or {@code viewer}, as the invitation API spells it. */
    record Invitee(String emailAddress, String userName, String role) {
    }

    /** @param countryCode the account's marketplace country, which AMC lists as the invitation's one country */
    static SandboxInvitation create(String accountId, Invitee invitee, boolean notify, Instant createdAt, Instant expiration,
            String countryCode) {
        String id = "amzn1.invitation." + UUID.randomUUID().toString().replace("-", "");
        return new SandboxInvitation(id, accountId, invitee, createdAt, expiration, SandboxInvitationState.PENDING, notify,
                countryCode);
    }

    SandboxInvitationState stateAt(Instant now) {
        boolean lapsed = !now.isBefore(expiration);
        return storedState == SandboxInvitationState.PENDING && lapsed ? SandboxInvitationState.EXPIRED : storedState;
    }

    boolean isAddressedTo(String emailAddress) {
        return invitee.emailAddress().equalsIgnoreCase(emailAddress);
    }

    SandboxInvitation withState(SandboxInvitationState state) {
        return new SandboxInvitation(invitationId, targetId, invitee, createdAt, expiration, state, notifyInvitedUsers,
                countryCode);
    }

    SandboxInvitation expiringAt(Instant newExpiration) {
        return new SandboxInvitation(invitationId, targetId, invitee, createdAt, newExpiration, storedState,
                notifyInvitedUsers, countryCode);
    }

    /** The role as the user-permissions API spells it. */
    String userRole() {
        return invitee.role().toUpperCase(Locale.ROOT);
    }

    SandboxWire.Invitation toWire(Instant now) {
        return new SandboxWire.Invitation(invitationId, stateAt(now).name(), createdAt.getEpochSecond(),
                expiration.getEpochSecond(), CREATED_BY, targetId,
                new SandboxWire.User(invitee.emailAddress(), invitee.userName()),
                new SandboxWire.PermissionSet("ROLE", new SandboxWire.Role(invitee.role())),
                List.of(new SandboxWire.Country(countryCode)));
    }
}
