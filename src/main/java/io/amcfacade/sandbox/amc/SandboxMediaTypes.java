package io.amcfacade.sandbox.amc;

import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

import io.amcfacade.sandbox.SandboxRejection;

/**
 * Each simulated AMC operation's vendor media type (contract/upstream/amc.yaml): what its success is
 * written in, what {@code Accept} must allow (406 otherwise) and, for the operations with a body, what
 * {@code Content-Type} must be (415 otherwise). Compared case-insensitively, as RFC 9110 says.
 */
final class SandboxMediaTypes {

    static final String ACCOUNTS = "application/vnd.amcaudiencesconnections.v1+json";
    static final String INSTANCES = "application/vnd.amcinstances.v1+json";
    static final String CREATE_INVITATIONS = "application/vnd.CreateUserInvitations.v1+json";
    static final String UPDATE_INVITATIONS = "application/vnd.UpdateUserInvitations.v1+json";
    static final String LIST_INVITATIONS = "application/vnd.ListUserInvitations.v1+json";
    static final String GET_INVITATION = "application/vnd.GetUserInvitation.v1+json";
    static final String REDEEM_INVITATION = "application/vnd.RedeemUserInvitation.v1+json";
    static final String LIST_USERS = "application/vnd.listusers.v1+json";
    static final String LIST_USER_ROLES = "application/vnd.queryuserroles.v1+json";
    static final String SET_USER_ROLES =
            "application/vnd.MinosAuthorizationNativeServicePublicAPI.UpdateUserPermissionsResource.v1+json";
    static final String REMOVE_USERS =
            "application/vnd.MinosAuthorizationNativeServicePublicAPI.DeleteUserPermissionsResource.v1+json";

    static final String LIST_USER_PERMISSIONS = "application/vnd.queryuserpermissions.v1+json";
    static final String MANAGER_ACCOUNTS = "application/vnd.getmanageraccountsresponse.v1+json";
    static final String LINK_ACCOUNTS = "application/vnd.updateadvertisingaccountsinmanageraccountrequest.v1+json";
    static final String LINKED_ACCOUNTS = "application/vnd.updateadvertisingaccountsinmanageraccountresponse.v1+json";

    private static final Map<String, String> BY_ENDPOINT = Map.ofEntries(
            Map.entry(SandboxAccountsResource.ENDPOINT, ACCOUNTS),
            Map.entry(SandboxInstancesResource.LIST, INSTANCES),
            Map.entry(SandboxInstancesResource.GET, INSTANCES),
            Map.entry(SandboxInstancesResource.CREATE, INSTANCES),
            Map.entry(SandboxInstancesResource.UPDATE, INSTANCES),
            Map.entry(SandboxInstancesResource.DELETE, INSTANCES),
            Map.entry(SandboxInstancesResource.ADVERTISERS, INSTANCES),
            Map.entry(SandboxInstancesResource.UPDATES, INSTANCES),
            Map.entry(SandboxInstancesResource.CREATE_UPDATE, INSTANCES),
            Map.entry(SandboxInstancesResource.GET_UPDATE, INSTANCES),
            Map.entry(SandboxInvitationsResource.CREATE, CREATE_INVITATIONS),
            Map.entry(SandboxInvitationsResource.UPDATE, UPDATE_INVITATIONS),
            Map.entry(SandboxInvitationsResource.LIST, LIST_INVITATIONS),
            Map.entry(SandboxInvitationsResource.GET, GET_INVITATION),
            Map.entry(SandboxInvitationsResource.REDEEM, REDEEM_INVITATION),
            Map.entry(SandboxUsersResource.LIST_USERS, LIST_USERS),
            Map.entry(SandboxUsersResource.LIST_ROLES, LIST_USER_ROLES),
            Map.entry(SandboxUsersResource.SET_ROLES, SET_USER_ROLES),
            Map.entry(SandboxUsersResource.REMOVE, REMOVE_USERS),
            Map.entry(SandboxUsersResource.LIST_PERMISSIONS, LIST_USER_PERMISSIONS),
            Map.entry(SandboxManagerAccountsResource.LIST, MANAGER_ACCOUNTS),
            Map.entry(SandboxManagerAccountsResource.LINK, LINKED_ACCOUNTS),
            Map.entry(SandboxManagerAccountsResource.UNLINK, LINKED_ACCOUNTS));
    /** The manager-account links take a request media type of their own, unlike every other operation. */
    private static final Map<String, String> REQUEST_BY_ENDPOINT = Map.of(
            SandboxManagerAccountsResource.LINK, LINK_ACCOUNTS, SandboxManagerAccountsResource.UNLINK, LINK_ACCOUNTS);

    private SandboxMediaTypes() {
    }

    /** @param endpoint as counted in {@code /sandbox/stats} */
    static String of(String endpoint) {
        return BY_ENDPOINT.get(endpoint);
    }

    /** 406 unless {@code Accept} is absent, a wildcard, or names the endpoint's media type. */
    static void checkAccept(String endpoint, HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return;
        }
        String produced = of(endpoint).toLowerCase(Locale.ROOT);
        // Redeem answers success without a body; the only body it can write is a JSON error.
        boolean jsonToo = endpoint.equals(SandboxInvitationsResource.REDEEM);
        for (String range : accept.split(",")) {
            String essence = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (essence.equals(produced) || essence.equals("*/*") || essence.equals("application/*")
                    || jsonToo && essence.equals("application/json")) {
                return;
            }
        }
        throw new SandboxRejection(endpoint, 406, "Not Acceptable: this operation answers in " + of(endpoint));
    }

    /** 415 unless {@code Content-Type} is the endpoint's media type (parameters ignored). */
    static void checkContentType(String endpoint, HttpHeaders headers) {
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String essence = sent == null ? "" : sent.split(";", 2)[0].trim();
        if (!essence.equalsIgnoreCase(REQUEST_BY_ENDPOINT.getOrDefault(endpoint, of(endpoint)))) {
            throw new SandboxRejection(endpoint, 415, "Unsupported media type");
        }
    }
}
