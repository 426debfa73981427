package io.amcfacade.sandbox.amc;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Simulates AMC's user-invitation API ({@code /user-invitations}). No {@code @Consumes} or
 * {@code @Produces}: AMC's vendor media types are checked here, and a mismatch is AMC's own 415
 * {@code {"message"}}, not the framework's.
 */
@Path("/sandbox/user-invitations")
public class SandboxInvitationsResource {

    public static final String CREATE = "POST /user-invitations";
    public static final String UPDATE = "PUT /user-invitations";
    public static final String LIST = "POST /user-invitations/list";
    public static final String GET = "GET /user-invitations/{id}";
    public static final String REDEEM = "PUT /user-invitations/redeem";


    @Inject
    SandboxChecks checks;
    @Inject
    SandboxInvitationsAsAdmin admin;
    @Inject
    SandboxInvitationsAsInvitee invitee;

    @POST
    public Response create(@Context HttpHeaders headers, String body) {
        checks.asAdministrator(CREATE, headers);
        return admin.create(CREATE, accountId(headers), body);
    }

    @PUT
    public Response update(@Context HttpHeaders headers, String body) {
        checks.asAdministrator(UPDATE, headers);
        return admin.update(UPDATE, accountId(headers), body);
    }

    @POST
    @Path("/list")
    public Response list(@Context HttpHeaders headers, String body) {
        checks.asAdministrator(LIST, headers);
        return admin.list(LIST, accountId(headers), body);
    }

    @GET
    @Path("/{invitationId}")
    public Response get(@Context HttpHeaders headers, @PathParam("invitationId") String invitationId) {
        checks.asAdministratorOrInvitee(GET, headers);
        return invitee.get(GET, invitationId);
    }

    @PUT
    @Path("/redeem")
    public Response redeem(@Context HttpHeaders headers, String body) {
        String callerEmail = checks.asInvitee(REDEEM, headers);
        return invitee.redeem(REDEEM, callerEmail, body);
    }

    private static String accountId(HttpHeaders headers) {
        return headers.getHeaderString(SandboxChecks.ACCOUNT_HEADER);
    }
}
