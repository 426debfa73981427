package io.amcfacade.sandbox.amc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.sandbox.SandboxRegion;
import io.amcfacade.sandbox.SandboxRejection;
import io.amcfacade.sandbox.SandboxReplies;
import io.amcfacade.sandbox.SandboxRequests;
import io.amcfacade.sandbox.amc.SandboxManagerAccountWire.AccountToUpdate;
import io.amcfacade.sandbox.amc.SandboxManagerAccountWire.ErrorDetail;
import io.amcfacade.sandbox.amc.SandboxManagerAccountWire.Failure;

/**
 * Simulates Amazon's Manager Account API (ManagerAccount_prod_3p.json): {@code GET /managerAccounts} lists the region's
 * manager accounts with their linked accounts; {@code POST /managerAccounts/{id}/associate} and {@code /disassociate}
 * link and unlink 1–20 accounts and answer 207 with each account's result. A manager account of another region is
 * unknown on this host (403), and only this region's accounts can be linked.
 */
@Path("/sandbox/managerAccounts")
public class SandboxManagerAccountsResource {

    public static final String LIST = "GET /managerAccounts";
    public static final String LINK = "POST /managerAccounts/{id}/associate";
    public static final String UNLINK = "POST /managerAccounts/{id}/disassociate";
    /** Amazon: "a maximum of 20 accounts/advertisers" a call. */
    static final int MAX_ACCOUNTS = 20;
    private static final String ACCOUNT_ID = "ACCOUNT_ID";
    private static final Set<String> ROLES = Set.of("ENTITY_OWNER", "ENTITY_USER", "ENTITY_VIEWER", "SELLER_USER");
    /** Amazon: ENTITY_USER or SELLER_USER by account type; an AMC account is an entity. */
    static final String DEFAULT_ROLE = "ENTITY_USER";

    @Inject
    SandboxChecks checks;
    @Inject
    SandboxState state;
    @Inject
    SandboxManagerAccounts managerAccounts;
    @Inject
    SandboxReplies replies;
    @Inject
    SandboxRegion region;
    @Inject
    ObjectMapper mapper;

    @GET
    public Response list(@Context HttpHeaders headers) {
        checks.asCaller(LIST, headers);
        SandboxMediaTypes.checkAccept(LIST, headers);
        List<SandboxManagerAccountWire.ManagerAccount> listed = managerAccounts.in(region.id()).stream()
                .map(m -> new SandboxManagerAccountWire.ManagerAccount(m.managerAccountId(), m.managerAccountName(),
                        m.linkedAccountIds().stream().flatMap(id -> state.accounts().stream()
                                .filter(a -> a.accountId().equals(id)))
                                .map(a -> new SandboxManagerAccountWire.LinkedAccount(a.accountId(), a.accountName(),
                                        SandboxManagerAccountWire.MARKETING_CLOUD, a.marketplaceId()))
                                .toList()))
                .toList();
        return replies.ok(LIST, SandboxMediaTypes.of(LIST), new SandboxManagerAccountWire.ManagerAccounts(listed));
    }

    @POST
    @Path("/{managerAccountId}/associate")
    public Response link(@Context HttpHeaders headers, @PathParam("managerAccountId") String managerAccountId,
            String body) {
        return update(LINK, headers, managerAccountId, body, true);
    }

    @POST
    @Path("/{managerAccountId}/disassociate")
    public Response unlink(@Context HttpHeaders headers, @PathParam("managerAccountId") String managerAccountId,
            String body) {
        return update(UNLINK, headers, managerAccountId, body, false);
    }

    private Response update(String endpoint, HttpHeaders headers, String managerAccountId, String body, boolean link) {
        checks.asCaller(endpoint, headers);
        SandboxMediaTypes.checkContentType(endpoint, headers);
        SandboxMediaTypes.checkAccept(endpoint, headers);
        SandboxManagerAccount managerAccount = managerAccounts.find(managerAccountId)
                .filter(m -> m.region().equals(region.id()))
                .orElseThrow(() -> new SandboxRejection(endpoint, 403,
                        "No access to manager account " + managerAccountId));
        JsonNode request = SandboxRequests.object(mapper, endpoint, body);
        List<AccountToUpdate> succeeded = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (JsonNode item : SandboxRequests.items(endpoint, request, "accounts", MAX_ACCOUNTS)) {
            AccountToUpdate account = new AccountToUpdate(SandboxRequests.text(item.path("id")),
                    SandboxRequests.text(item.path("type")), roles(item.path("roles")));
            String refusal = refusal(account, link, managerAccount);
            if (refusal != null) {
                failed.add(new Failure(account, new ErrorDetail("BAD_REQUEST", refusal)));
                continue;
            }
            if (link) {
                managerAccount.link(account.id(), account.roles() == null ? DEFAULT_ROLE : account.roles().get(0));
            } else {
                managerAccount.unlink(account.id());
            }
            succeeded.add(account);
        }
        return replies.multiStatus(endpoint, SandboxMediaTypes.of(endpoint),
                new SandboxManagerAccountWire.Result(succeeded, failed));
    }

    /** Why one account cannot be linked or unlinked; {@code null} when it can. */
    private String refusal(AccountToUpdate account, boolean link, SandboxManagerAccount managerAccount) {
        if (!ACCOUNT_ID.equals(account.type())) {
            return "Only accounts of type ACCOUNT_ID are held by this sandbox";
        }
        if (account.id() == null || !state.isIn(account.id(), region.id())) {
            return "No account " + account.id() + " in this region";
        }
        if (account.roles() != null && (account.roles().size() != 1 || !ROLES.contains(account.roles().get(0)))) {
            return "Exactly one role of " + ROLES + " is supported";
        }
        if (link && managerAccount.isLinked(account.id())) {
            return "The account is already linked to this manager account";
        }
        if (!link && !managerAccount.isLinked(account.id())) {
            return "The account is not linked to this manager account";
        }
        return null;
    }

    private static List<String> roles(JsonNode roles) {
        if (!roles.isArray()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        roles.forEach(role -> names.add(role.asText()));
        return names;
    }
}
