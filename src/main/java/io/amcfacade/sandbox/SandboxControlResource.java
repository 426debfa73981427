package io.amcfacade.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/**
 * Controls for people and tests: what the sandbox was asked, expiring its tokens and invitations,
 * and looking at state AMC itself would not show.
 */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxControlResource {

    @Inject
    SandboxState state;

    /** An invitation as stored, with the flag the wire object leaves out. */
    public record InvitationRecord(SandboxWire.Invitation invitation, boolean notifyInvitedUsers) {
    }

    @GET
    @Path("/stats")
    public Map<String, Object> stats() {
        return Map.of("endpoints", state.stats().snapshot());
    }

    @DELETE
    @Path("/stats")
    public Map<String, Object> resetStats() {
        state.stats().reset();
        return stats();
    }

    /** Makes every issued access and invitee token invalid, so the next upstream call meets a 401. */
    @POST
    @Path("/lwa/expire-tokens")
    public Map<String, Integer> expireAccessTokens() {
        return Map.of("expired", state.expireAccessTokens());
    }

    @GET
    @Path("/invitations/{invitationId}")
    public InvitationRecord invitation(@PathParam("invitationId") String invitationId) {
        SandboxInvitation invitation = state.accountOfInvitation(invitationId)
                .flatMap(account -> account.invitation(invitationId))
                .orElseThrow(() -> notFound("No invitation " + invitationId + "."));
        return new InvitationRecord(invitation.toWire(state.now()), invitation.notifyInvitedUsers());
    }

    /** Reaches EXPIRED without waiting two weeks: the expiration moves one second into the past. */
    @POST
    @Path("/invitations/{invitationId}/expire")
    public SandboxWire.Invitation expireInvitation(@PathParam("invitationId") String invitationId) {
        Instant now = state.now();
        return state.accountOfInvitation(invitationId)
                .flatMap(account -> account.expire(invitationId, now))
                .map(invitation -> invitation.toWire(now))
                .orElseThrow(() -> notFound("No invitation " + invitationId + "."));
    }

    @GET
    @Path("/accounts/{accountId}/users")
    public Map<String, List<SandboxUser>> users(@PathParam("accountId") String accountId) {
        SandboxAccountState account = state.account(accountId).orElseThrow(() -> notFound("No account " + accountId + "."));
        return Map.of("users", account.users());
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException(Problems.of(404, "NOT_FOUND", "Not found", detail));
    }
}
