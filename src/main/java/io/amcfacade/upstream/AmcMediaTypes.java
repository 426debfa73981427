package io.amcfacade.upstream;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * AMC's vendor media types, one per operation (contract/upstream/amc.yaml), and a filter that puts them
 * on the wire in Amazon's spelling. Each operation's answer is declared only under its vendor type, so
 * it goes in {@code Accept} (and in {@code Content-Type} where there is a body). Media types are
 * case-insensitive by RFC, but the REST client lower-cases what {@code @Produces}/{@code @Consumes}
 * declare, and a gateway that compares strings would refuse {@code vnd.createuserinvitations}: the
 * filter writes the header values back as declared here.
 */
public final class AmcMediaTypes implements ClientRequestFilter {

    public static final String ACCOUNTS = "application/vnd.amcaudiencesconnections.v1+json";
    public static final String INSTANCES = "application/vnd.amcinstances.v1+json";
    public static final String CREATE_INVITATIONS = "application/vnd.CreateUserInvitations.v1+json";
    public static final String UPDATE_INVITATIONS = "application/vnd.UpdateUserInvitations.v1+json";
    public static final String LIST_INVITATIONS = "application/vnd.ListUserInvitations.v1+json";
    public static final String GET_INVITATION = "application/vnd.GetUserInvitation.v1+json";
    public static final String REDEEM_INVITATION = "application/vnd.RedeemUserInvitation.v1+json";
    public static final String LIST_USERS = "application/vnd.listusers.v1+json";
    public static final String LIST_USER_ROLES = "application/vnd.queryuserroles.v1+json";
    public static final String SET_USER_ROLES =
            "application/vnd.MinosAuthorizationNativeServicePublicAPI.UpdateUserPermissionsResource.v1+json";
    public static final String REMOVE_USERS =
            "application/vnd.MinosAuthorizationNativeServicePublicAPI.DeleteUserPermissionsResource.v1+json";
    public static final String LIST_USER_PERMISSIONS = "application/vnd.queryuserpermissions.v1+json";
    public static final String MANAGER_ACCOUNTS = "application/vnd.getmanageraccountsresponse.v1+json";
    /** Linking and unlinking send this and answer {@link #LINKED_ACCOUNTS}: the only operations with two types. */
    public static final String LINK_ACCOUNTS = "application/vnd.updateadvertisingaccountsinmanageraccountrequest.v1+json";
    public static final String LINKED_ACCOUNTS =
            "application/vnd.updateadvertisingaccountsinmanageraccountresponse.v1+json";
    /** Sent with every AMC call, so Amazon (and the sandbox's contract check) can tell the facade's calls apart. */
    public static final String USER_AGENT = "amc-admin-facade";

    private static final Map<String, String> SPELLING = List.of(ACCOUNTS, INSTANCES, CREATE_INVITATIONS,
            UPDATE_INVITATIONS, LIST_INVITATIONS, GET_INVITATION, REDEEM_INVITATION, LIST_USERS, LIST_USER_ROLES,
            SET_USER_ROLES, REMOVE_USERS, LIST_USER_PERMISSIONS, MANAGER_ACCOUNTS, LINK_ACCOUNTS, LINKED_ACCOUNTS).stream()
            .collect(Collectors.toMap(type -> type.toLowerCase(Locale.ROOT), Function.identity()));

    @Override
    public void filter(ClientRequestContext request) {
        respell(request, HttpHeaders.ACCEPT);
        respell(request, HttpHeaders.CONTENT_TYPE);
        request.getHeaders().putSingle(HttpHeaders.USER_AGENT, USER_AGENT);
    }

    private static void respell(ClientRequestContext request, String header) {
        String value = request.getHeaderString(header);
        if (value != null) {
            String declared = SPELLING.get(value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
            if (declared != null) {
                request.getHeaders().putSingle(header, declared);
            }
        }
    }
}
