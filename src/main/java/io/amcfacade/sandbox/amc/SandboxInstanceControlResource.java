package io.amcfacade.sandbox.amc;

import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/**
 * Controls of the simulated instances for people and tests: an instance made through AMC's instant
 * self-service access, a creation held or failed, Amazon's reviewer deciding an advertiser update, and
 * AMC's ten minutes of idempotency tokens passing at once.
 */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxInstanceControlResource {

    private static final Set<String> PINNABLE = Set.of("REQUESTED", "SUBMITTED", "IN_PROGRESS", "COMPLETED", "FAILED");

    @Inject
    SandboxState state;
    @Inject
    SandboxInstanceStore store;

    /** {@code status} pins the creation status; {@code null} lets the clock decide again. */
    public record CreationStatus(String status) {
    }

    /** {@code APPROVE} or {@code REJECT}. */
    public record Review(String decision) {
    }

    public record NewInstance(String instanceName) {
    }

    /** An instance as AMC's instant self-service access makes it: COMPLETED at once, refusing every write. */
    @POST
    @Path("/accounts/{accountId}/instant-instances")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response instantInstance(@PathParam("accountId") String accountId, NewInstance request) {
        String name = request == null || request.instanceName() == null ? "Instant access" : request.instanceName();
        SandboxInstance instance = store.create("control", account(accountId),
                new SandboxInstanceStore.Creation(name, null, null, null, null), true);
        return Response.status(201).entity(Map.of("instanceId", instance.instanceId(), "instanceName", name)).build();
    }

    @PUT
    @Path("/accounts/{accountId}/instances/{instanceId}/creation-status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> pin(@PathParam("accountId") String accountId, @PathParam("instanceId") String instanceId,
            CreationStatus request) {
        String status = request == null ? null : request.status();
        if (status != null && !PINNABLE.contains(status)) {
            throw new ProblemException(Problems.invalidField("status", "must be one of " + PINNABLE + " or null"));
        }
        if (!store.pin(account(accountId), instanceId, status)) {
            throw notFound("No instance " + instanceId + " in " + accountId + ".");
        }
        return status == null ? Map.of("instanceId", instanceId) : Map.of("instanceId", instanceId, "status", status);
    }

    @POST
    @Path("/accounts/{accountId}/instances/{instanceId}/advertiser-updates/{updateId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> review(@PathParam("accountId") String accountId, @PathParam("instanceId") String instanceId,
            @PathParam("updateId") long updateId, Review request) {
        String decision = request == null ? null : request.decision();
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new ProblemException(Problems.invalidField("decision", "must be APPROVE or REJECT"));
        }
        if (!store.review(account(accountId), instanceId, updateId, "APPROVE".equals(decision))) {
            throw new ProblemException(Problems.of(ProblemCode.INVALID_STATE_TRANSITION,
                    "Advertiser update " + updateId + " of " + instanceId + " is not awaiting approval."));
        }
        return Map.of("instanceId", instanceId, "updateId", updateId, "decision", decision);
    }

    /** As if AMC's ten minutes had passed for every {@code idempotencyToken} given so far. */
    @POST
    @Path("/instance-tokens/expire")
    public Map<String, Boolean> expireTokens() {
        store.expireTokens();
        return Map.of("expired", true);
    }

    private SandboxAccount account(String accountId) {
        return state.accounts().stream().filter(a -> a.accountId().equals(accountId)).findFirst()
                .orElseThrow(() -> notFound("No account " + accountId + "."));
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException(Problems.of(ProblemCode.NOT_FOUND, detail));
    }
}
