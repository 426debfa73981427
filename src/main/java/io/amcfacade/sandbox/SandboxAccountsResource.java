package io.amcfacade.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Simulates AMC {@code GET /amc/accounts}: header checks, pages of accounts, {@code nextToken}. */
@Path("/sandbox/amc/accounts")
public class SandboxAccountsResource {

    static final String ENDPOINT = "GET /amc/accounts";

    @Inject
    SandboxState state;
    @Inject
    SandboxReplies replies;
    @Inject
    SandboxConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@HeaderParam(SandboxReplies.CLIENT_ID_HEADER) String clientId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("nextToken") String nextToken) {
        return replies.rejectUnauthorized(ENDPOINT, clientId, authorization)
                .orElseGet(() -> page(nextToken));
    }

    private Response page(String nextToken) {
        List<SandboxAccount> accounts = state.accounts();
        int from;
        try {
            from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        } catch (NumberFormatException e) {
            return replies.amcError(ENDPOINT, 400, "Invalid nextToken");
        }
        if (from < 0 || from > accounts.size()) {
            return replies.amcError(ENDPOINT, 400, "Invalid nextToken");
        }
        int to = Math.min(accounts.size(), from + config.accountsPageSize());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amcAccounts", accounts.subList(from, to));
        if (to < accounts.size()) {
            body.put("nextToken", Integer.toString(to));
        }
        return replies.ok(ENDPOINT, body);
    }
}
