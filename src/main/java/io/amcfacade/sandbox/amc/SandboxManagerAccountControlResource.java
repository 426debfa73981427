package io.amcfacade.sandbox.amc;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * Controls of the simulated manager accounts, for people and tests: making a manager account in the region of the
 * path ({@code POST /sandbox/eu/manager-accounts}), giving it users, and linking or unlinking an AMC account as
 * Amazon's own console would, behind the facade's back.
 */
@Path("/sandbox/manager-accounts")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxManagerAccountControlResource {

    @Inject
    SandboxManagerAccounts managerAccounts;
    @Inject
    SandboxState state;
    @Inject
    SandboxRegion region;

    /** A manager account to make; the name is optional. */
    public record NewManagerAccount(String managerAccountName) {
    }

    /** A user of the manager account and their role there ({@code ADMIN}, {@code EDITOR}, {@code VIEWER}; VIEWER by default). */
    public record NewUser(String emailAddress, String role) {
    }

    /** An account of the manager account's region to link, with its relationship role (ENTITY_USER by default). */
    public record NewLink(String accountId, String role) {
    }

    public record ManagerAccountRecord(String managerAccountId, String managerAccountName, String region,
            List<SandboxUser> users, List<String> linkedAccountIds) {
    }

    public record UserRecord(String userId, String emailAddress, String role) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewManagerAccount request) {
        String name = request == null || request.managerAccountName() == null ? "Sandbox manager account"
                : request.managerAccountName();
        return Response.status(201).entity(record(managerAccounts.create(region.id(), name))).build();
    }

    @GET
    @Path("/{managerAccountId}")
    public ManagerAccountRecord get(@PathParam("managerAccountId") String managerAccountId) {
        return record(managerAccount(managerAccountId));
    }

    @POST
    @Path("/{managerAccountId}/users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addUser(@PathParam("managerAccountId") String managerAccountId, NewUser request) {
        SandboxManagerAccount managerAccount = managerAccount(managerAccountId);
        if (request == null || !SandboxRequests.isPlausibleEmail(request.emailAddress())) {
            throw new ProblemException(Problems.invalidField("emailAddress", "is required: an email address"));
        }
        String role = request.role() == null ? "VIEWER" : request.role().toUpperCase(Locale.ROOT);
        if (!List.of("ADMIN", "EDITOR", "VIEWER").contains(role)) {
            throw new ProblemException(Problems.invalidField("role", "must be ADMIN, EDITOR or VIEWER"));
        }
        SandboxUser user = managerAccounts.newUser(request.emailAddress(), role);
        managerAccount.addUser(user);
        return Response.status(201).entity(new UserRecord(user.userId(), user.emailAddress(), user.role())).build();
    }

    @POST
    @Path("/{managerAccountId}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response link(@PathParam("managerAccountId") String managerAccountId, NewLink request) {
        SandboxManagerAccount managerAccount = managerAccount(managerAccountId);
        String accountId = request == null ? null : request.accountId();
        if (accountId == null || state.account(accountId).isEmpty()) {
            throw new ProblemException(Problems.invalidField("accountId", "must name an account the sandbox holds"));
        }
        if (!state.isIn(accountId, managerAccount.region())) {
            throw new ProblemException(Problems.invalidField("accountId",
                    "must be an account of the manager account's region, " + managerAccount.region()));
        }
        String role = request.role() == null ? SandboxManagerAccountsResource.DEFAULT_ROLE : request.role();
        if (!managerAccount.link(accountId, role)) {
            throw new ProblemException(Problems.invalidField("accountId", "is already linked to this manager account"));
        }
        return Response.status(201).entity(record(managerAccount)).build();
    }

    @DELETE
    @Path("/{managerAccountId}/links/{accountId}")
    public ManagerAccountRecord unlink(@PathParam("managerAccountId") String managerAccountId,
            @PathParam("accountId") String accountId) {
        SandboxManagerAccount managerAccount = managerAccount(managerAccountId);
        if (!managerAccount.unlink(accountId)) {
            throw new ProblemException(Problems.of(ProblemCode.NOT_FOUND,
                    "Account " + accountId + " is not linked to manager account " + managerAccountId + "."));
        }
        return record(managerAccount);
    }

    private SandboxManagerAccount managerAccount(String managerAccountId) {
        return managerAccounts.find(managerAccountId).orElseThrow(() -> new ProblemException(
                Problems.of(ProblemCode.NOT_FOUND, "No manager account " + managerAccountId + ".")));
    }

    private static ManagerAccountRecord record(SandboxManagerAccount managerAccount) {
        return new ManagerAccountRecord(managerAccount.managerAccountId(), managerAccount.managerAccountName(),
                managerAccount.region(), managerAccount.users(), managerAccount.linkedAccountIds());
    }
}
