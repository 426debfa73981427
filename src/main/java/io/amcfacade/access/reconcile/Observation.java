package io.amcfacade.access.reconcile;

/** What the reconciler read of one AMC account, in the facade's vocabulary. */
public final class Observation {

    private Observation() {
    }

    /** A user as AMC lists them, without a role (AMC lists roles one user at a time). */
    public record ObservedUser(String userId, String emailAddress) {
    }

    /** An invitation as AMC lists it; {@code state} is the facade's ({@code PENDING}, {@code REVOKED}, …). */
    public record ObservedInvitation(String invitationId, String emailAddress, String role, String state) {
    }
}
