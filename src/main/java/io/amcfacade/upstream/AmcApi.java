package io.amcfacade.upstream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import io.smallrye.mutiny.Uni;

import io.amcfacade.upstream.AmcInvitationWire.CreateRequest;
import io.amcfacade.upstream.AmcInvitationWire.ListRequest;
import io.amcfacade.upstream.AmcInvitationWire.RedeemRequest;
import io.amcfacade.upstream.AmcInvitationWire.UpdateRequest;
import io.amcfacade.upstream.AmcUserWire.DeletePermissionsRequest;
import io.amcfacade.upstream.AmcUserWire.ListRolesRequest;
import io.amcfacade.upstream.AmcUserWire.ListUsersRequest;
import io.amcfacade.upstream.AmcUserWire.UpdatePermissionsRequest;

/**
 * The raw AMC administration API, with AMC's headers (the facade's fixed client id declared once, here) and each operation's vendor media type in
 * {@code Accept} (and {@code Content-Type}), as contract/upstream/amc.yaml declares them. Only the
 * feature clients call it, through {@link UpstreamCaller}. Answers are {@link Uni}s so that {@link UpstreamCaller}
 * can bound each attempt by the caller's deadline. {@link RegionalHosts} builds one client per region, at that
 * region's host.
 */
@RegisterProvider(AmcMediaTypes.class)
@RegisterProvider(NoTraceContext.class)
@ClientHeaderParam(name = AmcApi.CLIENT_ID, value = "${amc.lwa.client-id}")
@Path("/")
interface AmcApi {

    String CLIENT_ID = "Amazon-Advertising-API-ClientId";
    String ACCOUNT = "Amazon-Ads-AccountId";
    /** The instance API names the AMC account as an advertiser, with its marketplace. */
    String ADVERTISER = "Amazon-Advertising-API-AdvertiserId";
    String MARKETPLACE = "Amazon-Advertising-API-MarketplaceId";

    @GET
    @Path("amc/accounts")
    @Produces(AmcMediaTypes.ACCOUNTS)
    Uni<Response> listAccounts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("nextToken") String nextToken);

    @POST
    @Path("user-invitations")
    @Consumes(AmcMediaTypes.CREATE_INVITATIONS)
    @Produces(AmcMediaTypes.CREATE_INVITATIONS)
    Uni<Response> createInvitations(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ACCOUNT) String accountId, CreateRequest body);

    @PUT
    @Path("user-invitations")
    @Consumes(AmcMediaTypes.UPDATE_INVITATIONS)
    @Produces(AmcMediaTypes.UPDATE_INVITATIONS)
    Uni<Response> updateInvitations(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ACCOUNT) String accountId, UpdateRequest body);

    @POST
    @Path("user-invitations/list")
    @Consumes(AmcMediaTypes.LIST_INVITATIONS)
    @Produces(AmcMediaTypes.LIST_INVITATIONS)
    Uni<Response> listInvitations(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ACCOUNT) String accountId, ListRequest body);

    @GET
    @Path("user-invitations/{invitationId}")
    @Produces(AmcMediaTypes.GET_INVITATION)
    Uni<Response> getInvitation(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("invitationId") String invitationId);

    @PUT
    @Path("user-invitations/redeem")
    @Consumes(AmcMediaTypes.REDEEM_INVITATION)
    // Success has no body; the only body that can come back is an error, which this API writes as JSON.
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> redeemInvitation(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, RedeemRequest body);

    @POST
    @Path("users/list")
    @Consumes(AmcMediaTypes.LIST_USERS)
    @Produces(AmcMediaTypes.LIST_USERS)
    Uni<Response> listUsers(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ACCOUNT) String accountId, ListUsersRequest body);

    @POST
    @Path("userRoles/list")
    @Consumes(AmcMediaTypes.LIST_USER_ROLES)
    @Produces(AmcMediaTypes.LIST_USER_ROLES)
    Uni<Response> listUserRoles(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ACCOUNT) String accountId, ListRolesRequest body);

    @PUT
    @Path("userPermissions")
    @Consumes(AmcMediaTypes.SET_USER_ROLES)
    @Produces(AmcMediaTypes.SET_USER_ROLES)
    Uni<Response> updateUserPermissions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ACCOUNT) String accountId, UpdatePermissionsRequest body);

    @POST
    @Path("userPermissions/delete")
    @Consumes(AmcMediaTypes.REMOVE_USERS)
    @Produces(AmcMediaTypes.REMOVE_USERS)
    Uni<Response> deleteUserPermissions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ACCOUNT) String accountId, DeletePermissionsRequest body);

    @POST
    @Path("userPermissions/list")
    @Consumes(AmcMediaTypes.LIST_USER_PERMISSIONS)
    @Produces(AmcMediaTypes.LIST_USER_PERMISSIONS)
    Uni<Response> listUserPermissions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ACCOUNT) String accountId, AmcUserWire.ListPermissionsRequest body);

    @GET
    @Path("managerAccounts")
    @Produces(AmcMediaTypes.MANAGER_ACCOUNTS)
    Uni<Response> listManagerAccounts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("managerAccounts/{managerAccountId}/associate")
    @Consumes(AmcMediaTypes.LINK_ACCOUNTS)
    @Produces(AmcMediaTypes.LINKED_ACCOUNTS)
    Uni<Response> linkToManagerAccount(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("managerAccountId") String managerAccountId, AmcManagerAccountWire.LinkRequest body);

    @POST
    @Path("managerAccounts/{managerAccountId}/disassociate")
    @Consumes(AmcMediaTypes.LINK_ACCOUNTS)
    @Produces(AmcMediaTypes.LINKED_ACCOUNTS)
    Uni<Response> unlinkFromManagerAccount(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("managerAccountId") String managerAccountId, AmcManagerAccountWire.LinkRequest body);

    @GET
    @Path("amc/instances")
    @Produces(AmcMediaTypes.INSTANCES)
    Uni<Response> listInstances(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ADVERTISER) String accountId, @HeaderParam(MARKETPLACE) String marketplaceId,
            @QueryParam("limit") int limit, @QueryParam("nextToken") String nextToken);

    @GET
    @Path("amc/instances/{instanceId}")
    @Produces(AmcMediaTypes.INSTANCES)
    Uni<Response> getInstance(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ADVERTISER) String accountId, @HeaderParam(MARKETPLACE) String marketplaceId,
            @PathParam("instanceId") String instanceId);

    @POST
    @Path("amc/instances")
    @Consumes(AmcMediaTypes.INSTANCES)
    @Produces(AmcMediaTypes.INSTANCES)
    Uni<Response> createInstance(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ADVERTISER) String accountId, @HeaderParam(MARKETPLACE) String marketplaceId,
            AmcInstanceWire.CreateRequest body);

    @PUT
    @Path("amc/instances/{instanceId}")
    @Consumes(AmcMediaTypes.INSTANCES)
    @Produces(AmcMediaTypes.INSTANCES)
    Uni<Response> updateInstance(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ADVERTISER) String accountId, @HeaderParam(MARKETPLACE) String marketplaceId,
            @PathParam("instanceId") String instanceId, AmcInstanceWire.UpdateRequest body);

    @DELETE
    @Path("amc/instances/{instanceId}")
    @Produces(AmcMediaTypes.INSTANCES)
    Uni<Response> deleteInstance(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ADVERTISER) String accountId, @HeaderParam(MARKETPLACE) String marketplaceId,
            @PathParam("instanceId") String instanceId);

    @GET
    @Path("amc/instances/{instanceId}/advertisers")
    @Produces(AmcMediaTypes.INSTANCES)
    Uni<Response> listAdvertisers(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ADVERTISER) String accountId, @HeaderParam(MARKETPLACE) String marketplaceId,
            @PathParam("instanceId") String instanceId, @QueryParam("type") String type, @QueryParam("limit") int limit,
            @QueryParam("nextToken") String nextToken);

    @GET
    @Path("amc/instances/{instanceId}/advertisers/updates")
    @Produces(AmcMediaTypes.INSTANCES)
    Uni<Response> listAdvertiserUpdates(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ADVERTISER) String accountId, @HeaderParam(MARKETPLACE) String marketplaceId,
            @PathParam("instanceId") String instanceId, @QueryParam("limit") int limit,
            @QueryParam("nextToken") String nextToken);

    @POST
    @Path("amc/instances/{instanceId}/advertisers/updates")
    @Consumes(AmcMediaTypes.INSTANCES)
    @Produces(AmcMediaTypes.INSTANCES)
    Uni<Response> createAdvertiserUpdate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ADVERTISER) String accountId, @HeaderParam(MARKETPLACE) String marketplaceId,
            @PathParam("instanceId") String instanceId, AmcInstanceWire.AdvertiserUpdateRequest body);

    @GET
    @Path("amc/instances/{instanceId}/advertisers/updates/{updateId}")
    @Produces(AmcMediaTypes.INSTANCES)
    Uni<Response> getAdvertiserUpdate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ADVERTISER) String accountId, @HeaderParam(MARKETPLACE) String marketplaceId,
            @PathParam("instanceId") String instanceId, @PathParam("updateId") long updateId);
}
