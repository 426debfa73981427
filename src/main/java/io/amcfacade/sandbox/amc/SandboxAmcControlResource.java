package io.amcfacade.sandbox.amc;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.sandbox.SandboxRegion;
import io.amcfacade.sandbox.SandboxRequests;

/**
 * Controls of the simulated AMC for people and tests: expiring invitations, adding accounts, and
 * looking at state AMC itself would not show.
 */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxAmcControlResource {

    @Inject
    SandboxState state;
    @Inject
    SandboxRegion region;

    /** An invitation as stored, with the flag the wire object leaves out. */
    public record InvitationRecord(SandboxWire.Invitation invitation, boolean notifyInvitedUsers) {
    }

    /**
     * A user to add to an account directly, as if they had redeemed an invitation long ago, with more
     * entries in their role list than the role grant: {@code otherRoles} come first in the role pages.
     */
    public record NewUser(String emailAddress, String role, List<SandboxUserWire.Role> otherRoles) {
    }

    /** An account to add; both fields are optional. */
    public record NewAccount(String accountName, String marketplaceId) {
    }

    /** The account added and its one admin. */
    public record CreatedAccount(String accountId, String accountName, String marketplaceId, String adminEmailAddress) {
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

    /**
     * Adds an account with one admin (the seed's {@code admin@<account id in lower case>.example}) in the region
     * the path names ({@code POST /sandbox/eu/accounts} adds a European one).
     */
    @POST
    @Path("/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAccount(NewAccount request) {
        NewAccount wanted = request == null ? new NewAccount(null, null) : request;
        SandboxAccount account = state.createAccount(region.id(),
                wanted.accountName() == null ? "Sandbox test account" : wanted.accountName(),
                wanted.marketplaceId() == null ? "ATVPDKIKX0DER" : wanted.marketplaceId());
        return Response.status(201).entity(new CreatedAccount(account.accountId(), account.accountName(),
                account.marketplaceId(), SandboxState.seedAdminEmail(account.accountId()))).build();
    }

    @POST
    @Path("/accounts/{accountId}/users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addUser(@PathParam("accountId") String accountId, NewUser request) {
        SandboxAccountState account = state.account(accountId).orElseThrow(() -> notFound("No account " + accountId + "."));
        if (request == null || !SandboxRequests.isPlausibleEmail(request.emailAddress())) {
            throw new ProblemException(Problems.invalidField("emailAddress", "is required: an email address"));
        }
        String role = request.role() == null ? "VIEWER" : request.role().toUpperCase(Locale.ROOT);
        SandboxUser user = SandboxUser.create(request.emailAddress(), role,
                request.otherRoles() == null ? List.of() : request.otherRoles());
        account.addUser(user);
        return Response.status(201).entity(Map.of("userId", user.userId(), "emailAddress", user.emailAddress(),
                "role", user.role())).build();
    }

    @GET
    @Path("/accounts/{accountId}/users")
    public Map<String, List<SandboxUser>> users(@PathParam("accountId") String accountId) {
        SandboxAccountState account = state.account(accountId).orElseThrow(() -> notFound("No account " + accountId + "."));
        return Map.of("users", account.users());
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException(Problems.of(ProblemCode.NOT_FOUND, detail));
    }
}
