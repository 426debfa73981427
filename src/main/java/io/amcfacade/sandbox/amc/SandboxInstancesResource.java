package io.amcfacade.sandbox.amc;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.amcfacade.sandbox.SandboxRejection;
import io.amcfacade.sandbox.SandboxReplies;

/**
 * Simulates AMC's instance API ({@code GET /amc/instances[/{instanceId}]}): the advertiser and
 * marketplace headers instead of {@code Amazon-Ads-AccountId}, {@code limit}/{@code nextToken} paging,
 * errors as {@code {"code","details"}}, get-one wrapped in {@code instance}, and every instance with its
 * AWS fields, as AMC sends them.
 */
@Path("/sandbox/amc/instances")
public class SandboxInstancesResource {

    public static final String LIST = "GET /amc/instances";
    public static final String GET = "GET /amc/instances/{id}";
    /** Not published; the sandbox picks AMC's usual listing limit. */
    static final int MAX_PAGE = 100;

    @Inject
    SandboxChecks checks;
    @Inject
    SandboxReplies replies;

    /** The get-one answer: the instance wrapped in {@code instance}, as AMC writes it. */
    record Details(SandboxInstance instance) {
    }

    /** One page of instances; {@code nextToken} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<SandboxInstance> instances, String nextToken) {
    }

    @GET
    public Response list(@Context HttpHeaders headers, @QueryParam("limit") String limit,
            @QueryParam("nextToken") String nextToken) {
        SandboxAccount account = checks.asAdvertiser(LIST, headers);
        List<SandboxInstance> instances = SandboxInstance.seededFor(account);
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
        return SandboxInstance.seededFor(account).stream().filter(i -> i.instanceId().equals(instanceId)).findFirst()
                .map(instance -> replies.ok(GET, SandboxMediaTypes.INSTANCES, new Details(instance)))
                .orElseThrow(() -> new SandboxRejection(GET, 404, "NOT_FOUND",
                        "Instance " + instanceId + " not found"));
    }
}
