package io.amcfacade.sandbox.amc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.amcfacade.sandbox.SandboxConfig;
import io.amcfacade.sandbox.SandboxRegion;
import io.amcfacade.sandbox.SandboxRejection;
import io.amcfacade.sandbox.SandboxReplies;

/** Simulates AMC {@code GET /amc/accounts}: header checks, pages of the region's accounts, {@code nextToken}. */
@Path("/sandbox/amc/accounts")
public class SandboxAccountsResource {

    public static final String ENDPOINT = "GET /amc/accounts";

    @Inject
    SandboxState state;
    @Inject
    SandboxChecks checks;
    @Inject
    SandboxReplies replies;
    @Inject
    SandboxConfig config;
    @Inject
    SandboxRegion region;

    /** No {@code @Produces}: the vendor media type is checked here, and a mismatch is AMC's own 406. */
    @GET
    public Response list(@Context HttpHeaders headers, @QueryParam("nextToken") String nextToken) {
        checks.asCaller(ENDPOINT, headers);
        SandboxMediaTypes.checkAccept(ENDPOINT, headers);
        List<SandboxAccount> accounts = state.accountsIn(region.id());
        int from = offset(nextToken, accounts.size());
        int to = Math.min(accounts.size(), from + config.accountsPageSize());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amcAccounts", accounts.subList(from, to));
        if (to < accounts.size()) {
            body.put("nextToken", Integer.toString(to));
        }
        return replies.ok(ENDPOINT, SandboxMediaTypes.ACCOUNTS, body);
    }

    private static int offset(String nextToken, int size) {
        try {
            int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
            if (from >= 0 && from <= size) {
                return from;
            }
        } catch (NumberFormatException e) {
            // Refused below like any other unknown token.
        }
        throw new SandboxRejection(ENDPOINT, 400, "Invalid nextToken");
    }
}
