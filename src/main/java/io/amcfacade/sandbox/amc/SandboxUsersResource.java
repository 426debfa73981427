package io.amcfacade.sandbox.amc;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Simulates AMC's user-permissions API ({@code /users/list}, {@code /userRoles/list},
 * {@code /userPermissions}, {@code /userPermissions/list}). Like the invitation API it names the account in {@code Amazon-Ads-AccountId}
 * and checks its vendor media types itself; its errors are {@code {"code","message"}}.
 */
@Path("/sandbox")
public class SandboxUsersResource {

    public static final String LIST_USERS = "POST /users/list";
    public static final String LIST_ROLES = "POST /userRoles/list";
    public static final String SET_ROLES = "PUT /userPermissions";
    public static final String REMOVE = "POST /userPermissions/delete";
    public static final String LIST_PERMISSIONS = "POST /userPermissions/list";

    @Inject
    SandboxChecks checks;
    @Inject
    SandboxUserPermissions permissions;

    @POST
    @Path("/users/list")
    public Response listUsers(@Context HttpHeaders headers, String body) {
        checks.asAdministrator(LIST_USERS, headers);
        return permissions.listUsers(LIST_USERS, accountId(headers), body);
    }

    @POST
    @Path("/userRoles/list")
    public Response listRoles(@Context HttpHeaders headers, String body) {
        checks.asAdministrator(LIST_ROLES, headers);
        return permissions.listRoles(LIST_ROLES, accountId(headers), body);
    }

    @PUT
    @Path("/userPermissions")
    public Response setRoles(@Context HttpHeaders headers, String body) {
        checks.asAdministrator(SET_ROLES, headers);
        return permissions.setRoles(SET_ROLES, accountId(headers), body);
    }

    @POST
    @Path("/userPermissions/delete")
    public Response remove(@Context HttpHeaders headers, String body) {
        checks.asAdministrator(REMOVE, headers);
        return permissions.remove(REMOVE, accountId(headers), body);
    }

    @POST
    @Path("/userPermissions/list")
    public Response listPermissions(@Context HttpHeaders headers, String body) {
        checks.asAdministrator(LIST_PERMISSIONS, headers);
        return permissions.listPermissions(LIST_PERMISSIONS, accountId(headers), body);
    }

    private static String accountId(HttpHeaders headers) {
        return headers.getHeaderString(SandboxChecks.ACCOUNT_HEADER);
    }
}
