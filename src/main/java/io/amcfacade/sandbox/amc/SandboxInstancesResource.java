package io.amcfacade.sandbox.amc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.sandbox.SandboxRejection;
import io.amcfacade.sandbox.SandboxReplies;
import io.amcfacade.sandbox.SandboxRequests;

/**
 * Simulates AMC's instance API: the advertiser and marketplace headers instead of
 * {@code Amazon-Ads-AccountId}, {@code limit}/{@code nextToken} paging, errors as {@code {"code","details"}},
 * one instance wrapped in {@code instance} with its AWS fields, as AMC sends them; creates that progress on
 * their own ({@link SandboxManagedInstance}), renames, deletes, advertisers and advertiser updates
 * ({@link SandboxInstanceStore} holds the rules).
 */
@Path("/sandbox/amc/instances")
public class SandboxInstancesResource {

    public static final String LIST = "GET /amc/instances";
    public static final String GET = "GET /amc/instances/{id}";
    public static final String CREATE = "POST /amc/instances";
    public static final String UPDATE = "PUT /amc/instances/{id}";
    public static final String DELETE = "DELETE /amc/instances/{id}";
    public static final String ADVERTISERS = "GET /amc/instances/{id}/advertisers";
    public static final String UPDATES = "GET /amc/instances/{id}/advertisers/updates";
    public static final String CREATE_UPDATE = "POST /amc/instances/{id}/advertisers/updates";
    public static final String GET_UPDATE = "GET /amc/instances/{id}/advertisers/updates/{updateId}";
    /** Not published; the sandbox picks AMC's usual listing limit. */
    static final int MAX_PAGE = 100;
    static final int MAX_PER_SIDE = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ]{3,50}");
    private static final Set<String> TYPES = Set.of("DISPLAY", "SAS", "SPONSORED_ADS");

    @Inject
    SandboxChecks checks;
    @Inject
    SandboxReplies replies;
    @Inject
    SandboxInstanceStore store;
    @Inject
    ObjectMapper mapper;

    /** The get-one answer: the instance wrapped in {@code instance}, as AMC writes it. */
    record Details(SandboxInstance instance) {
    }

    /** One page of instances; {@code nextToken} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<SandboxInstance> instances, String nextToken) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdvertisersPage(List<SandboxAdvertiser> advertisers, String nextToken, int totalCount) {
    }

    record UpdateDetails(SandboxAdvertiserUpdate.Wire advertiserUpdate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UpdatesPage(List<SandboxAdvertiserUpdate.Lite> advertiserUpdates, String nextToken) {
    }

    @GET
    public Response list(@Context HttpHeaders headers, @QueryParam("limit") String limit,
            @QueryParam("nextToken") String nextToken) {
        SandboxAccount account = checks.asAdvertiser(LIST, headers);
        List<SandboxInstance> instances = store.list(account);
        int size = SandboxPaging.maxResults(LIST, limit, "limit", MAX_PAGE);
        int from = SandboxPaging.offset(LIST, "instances", account.accountId(), nextToken, instances.size());
        int to = Math.min(instances.size(), from + size);
        return replies.ok(LIST, SandboxMediaTypes.INSTANCES, new Page(instances.subList(from, to),
                to < instances.size() ? SandboxPaging.nextToken("instances", account.accountId(), to) : null));
    }

    @GET
    @Path("/{instanceId}")
    public Response get(@Context HttpHeaders headers, @PathParam("instanceId") String instanceId) {
        SandboxAccount account = checks.asAdvertiser(GET, headers);
        SandboxManagedInstance instance = store.get(GET, account, instanceId);
        return replies.ok(GET, SandboxMediaTypes.INSTANCES, new Details(instance.wireAt(store.now(), store.step())));
    }

    @POST
    public Response create(@Context HttpHeaders headers, String body) {
        SandboxAccount account = checks.asAdvertiser(CREATE, headers);
        SandboxMediaTypes.checkContentType(CREATE, headers);
        JsonNode request = SandboxRequests.object(mapper, CREATE, body);
        String name = name(CREATE, request, "instanceName", true);
        String token = optional(request, "idempotencyToken");
        if (token != null && (token.isEmpty() || token.length() > 36)) {
            throw new SandboxRejection(CREATE, 400, "BAD_REQUEST", "idempotencyToken must be 1 to 36 characters");
        }
        SandboxInstance created = store.create(CREATE, account, new SandboxInstanceStore.Creation(name,
                name(CREATE, request, "advertiserName", false), optional(request, "awsAccountId"),
                optional(request, "s3BucketName"), token), false);
        return replies.ok(CREATE, SandboxMediaTypes.INSTANCES, new Details(created));
    }

    @PUT
    @Path("/{instanceId}")
    public Response update(@Context HttpHeaders headers, @PathParam("instanceId") String instanceId, String body) {
        SandboxAccount account = checks.asAdvertiser(UPDATE, headers);
        SandboxMediaTypes.checkContentType(UPDATE, headers);
        JsonNode request = SandboxRequests.object(mapper, UPDATE, body);
        SandboxInstance changed = store.update(UPDATE, account, instanceId, new SandboxInstanceStore.Creation(
                name(UPDATE, request, "instanceName", false), optional(request, "advertiserName"),
                optional(request, "awsAccountId"), optional(request, "s3BucketName"), null));
        return replies.ok(UPDATE, SandboxMediaTypes.INSTANCES, new Details(changed));
    }

    @DELETE
    @Path("/{instanceId}")
    public Response delete(@Context HttpHeaders headers, @PathParam("instanceId") String instanceId) {
        SandboxAccount account = checks.asAdvertiser(DELETE, headers);
        store.delete(DELETE, account, instanceId);
        return replies.noContent(DELETE);
    }

    @GET
    @Path("/{instanceId}/advertisers")
    public Response advertisers(@Context HttpHeaders headers, @PathParam("instanceId") String instanceId,
            @QueryParam("type") String type, @QueryParam("limit") String limit, @QueryParam("nextToken") String nextToken) {
        SandboxAccount account = checks.asAdvertiser(ADVERTISERS, headers);
        if (type != null && !TYPES.contains(type)) {
            throw new SandboxRejection(ADVERTISERS, 400, "BAD_REQUEST", "type must be one of " + TYPES);
        }
        List<SandboxAdvertiser> all = store.advertisers(ADVERTISERS, account, instanceId).stream()
                .filter(a -> type == null || a.type().equals(type)).toList();
        String list = "advertisers/" + instanceId;
        int size = SandboxPaging.maxResults(ADVERTISERS, limit, "limit", MAX_PAGE);
        int from = SandboxPaging.offset(ADVERTISERS, list, account.accountId(), nextToken, all.size());
        int to = Math.min(all.size(), from + size);
        return replies.ok(ADVERTISERS, SandboxMediaTypes.INSTANCES, new AdvertisersPage(all.subList(from, to),
                to < all.size() ? SandboxPaging.nextToken(list, account.accountId(), to) : null, all.size()));
    }

    @GET
    @Path("/{instanceId}/advertisers/updates")
    public Response updates(@Context HttpHeaders headers, @PathParam("instanceId") String instanceId,
            @QueryParam("limit") String limit, @QueryParam("nextToken") String nextToken) {
        SandboxAccount account = checks.asAdvertiser(UPDATES, headers);
        List<SandboxAdvertiserUpdate.Lite> all = store.updates(UPDATES, account, instanceId);
        String list = "updates/" + instanceId;
        int size = SandboxPaging.maxResults(UPDATES, limit, "limit", MAX_PAGE);
        int from = SandboxPaging.offset(UPDATES, list, account.accountId(), nextToken, all.size());
        int to = Math.min(all.size(), from + size);
        return replies.ok(UPDATES, SandboxMediaTypes.INSTANCES, new UpdatesPage(all.subList(from, to),
                to < all.size() ? SandboxPaging.nextToken(list, account.accountId(), to) : null));
    }

    @POST
    @Path("/{instanceId}/advertisers/updates")
    public Response createUpdate(@Context HttpHeaders headers, @PathParam("instanceId") String instanceId, String body) {
        SandboxAccount account = checks.asAdvertiser(CREATE_UPDATE, headers);
        SandboxMediaTypes.checkContentType(CREATE_UPDATE, headers);
        JsonNode request = SandboxRequests.object(mapper, CREATE_UPDATE, body);
        List<SandboxAdvertiserUpdate.Identifier> toAdd = identifiers(request, "advertisersToAdd");
        List<SandboxAdvertiserUpdate.Identifier> toRemove = identifiers(request, "advertisersToRemove");
        if (toAdd.isEmpty() && toRemove.isEmpty()) {
            throw new SandboxRejection(CREATE_UPDATE, 400, "BAD_REQUEST", "Nothing to add or remove");
        }
        return replies.ok(CREATE_UPDATE, SandboxMediaTypes.INSTANCES,
                new UpdateDetails(store.createUpdate(CREATE_UPDATE, account, instanceId, toAdd, toRemove)));
    }

    @GET
    @Path("/{instanceId}/advertisers/updates/{updateId}")
    public Response getUpdate(@Context HttpHeaders headers, @PathParam("instanceId") String instanceId,
            @PathParam("updateId") String updateId) {
        SandboxAccount account = checks.asAdvertiser(GET_UPDATE, headers);
        long id;
        try {
            id = Long.parseLong(updateId);
        } catch (NumberFormatException e) {
            throw new SandboxRejection(GET_UPDATE, 400, "BAD_REQUEST", "updateId must be a number");
        }
        return replies.ok(GET_UPDATE, SandboxMediaTypes.INSTANCES,
                new UpdateDetails(store.update(GET_UPDATE, account, instanceId, id)));
    }

    private static String name(String endpoint, JsonNode request, String field, boolean required) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new SandboxRejection(endpoint, 400, "BAD_REQUEST", field + " is required");
            }
            return null;
        }
        String value = SandboxRequests.text(node);
        if (value == null || !NAME.matcher(value).matches()) {
            throw new SandboxRejection(endpoint, 400, "BAD_REQUEST",
                    field + " must be 3 to 50 English letters, digits and spaces");
        }
        return value;
    }

    private static String optional(JsonNode request, String field) {
        JsonNode node = request.get(field);
        return node == null || node.isNull() ? null : SandboxRequests.text(node);
    }

    private static List<SandboxAdvertiserUpdate.Identifier> identifiers(JsonNode request, String field) {
        JsonNode items = request.get(field);
        List<SandboxAdvertiserUpdate.Identifier> result = new ArrayList<>();
        if (items == null || items.isNull()) {
            return result;
        }
        if (!items.isArray() || items.size() > MAX_PER_SIDE) {
            throw new SandboxRejection(CREATE_UPDATE, 400, "BAD_REQUEST",
                    field + " must be a list of at most " + MAX_PER_SIDE + " advertisers");
        }
        for (JsonNode item : items) {
            String id = item.hasNonNull("id") ? SandboxRequests.text(item.get("id")) : null;
            String type = item.hasNonNull("type") ? SandboxRequests.text(item.get("type")) : null;
            if (id == null || id.isBlank() || type == null || !TYPES.contains(type)) {
                throw new SandboxRejection(CREATE_UPDATE, 400, "BAD_REQUEST",
                        field + ": every advertiser needs an id and a type of " + TYPES);
            }
            result.add(new SandboxAdvertiserUpdate.Identifier(id, type,
                    item.hasNonNull("marketplaceId") ? SandboxRequests.text(item.get("marketplaceId")) : null));
        }
        return result;
    }
}
