package io.amcfacade.sandbox.amc;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.sandbox.SandboxRegion;
import io.amcfacade.sandbox.SandboxRejection;
import io.amcfacade.sandbox.SandboxReplies;
import io.amcfacade.sandbox.SandboxRequests;

/**
 * The invited user's side of the simulated invitation API: read one invitation and redeem it. Both
 * name only the invitation, so it is looked up across all accounts.
 */
@ApplicationScoped
class SandboxInvitationsAsInvitee {

    @Inject
    SandboxState state;
    @Inject
    SandboxReplies replies;
    @Inject
    SandboxRegion region;
    @Inject
    ObjectMapper mapper;

    Response get(String endpoint, String invitationId) {
        Instant now = state.now();
        SandboxInvitation invitation = state.accountOfInvitation(invitationId, region.id())
                .flatMap(account -> account.invitation(invitationId))
                .orElseThrow(() -> notFound(endpoint));
        return replies.ok(endpoint, SandboxMediaTypes.of(endpoint), new SandboxWire.InvitationDetails(invitation.toWire(now), SandboxInvitation.TERMS_TYPES));
    }

    Response redeem(String endpoint, String callerEmail, String body) {
        JsonNode request = SandboxRequests.object(mapper, endpoint, body);
        String invitationId = SandboxRequests.text(request.path("invitationId"));
        if (invitationId == null || invitationId.isBlank()) {
            throw new SandboxRejection(endpoint, 400, "invitationId is required");
        }
        SandboxAccountState account = state.accountOfInvitation(invitationId, region.id()).orElseThrow(() -> notFound(endpoint));
        SandboxAccountState.Redemption redemption = account.redeem(invitationId, callerEmail, state.now());
        return switch (redemption.outcome()) {
            case REDEEMED -> replies.ok(endpoint);
            case NOT_FOUND -> throw notFound(endpoint);
            case NOT_ADDRESSED_TO_CALLER -> throw new SandboxRejection(endpoint, 403, "This invitation is not addressed to the caller");
            case NOT_PENDING -> throw new SandboxRejection(endpoint, 400, "Invitation is " + redemption.state());
        };
    }

    private static SandboxRejection notFound(String endpoint) {
        return new SandboxRejection(endpoint, 404, "Invitation not found");
    }
}
