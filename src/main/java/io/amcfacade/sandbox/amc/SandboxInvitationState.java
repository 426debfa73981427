package io.amcfacade.sandbox.amc;

/**
 * The states of a simulated user invitation. AMC documents PENDING and lets callers set REVOKED;
 * ACCEPTED and EXPIRED are the names the facade uses for the states no source names.
 */
enum SandboxInvitationState {
    PENDING, ACCEPTED, REVOKED, EXPIRED
}
