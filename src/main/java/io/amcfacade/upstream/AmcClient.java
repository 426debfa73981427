package io.amcfacade.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The only way into AMC: adds the client id and a Login with Amazon token to every call, replaces a
 * token AMC rejects (once per call), records each answer for the audit trail, and turns failures
 * into {@link UpstreamException}s. Resilience policies wrap these methods.
 */
@ApplicationScoped
public class AmcClient {

    /** 100 accounts a page upstream; more than 50 pages means a paging loop, not a real identity. */
    private static final int MAX_ACCOUNT_PAGES = 50;
    static final String REQUEST_ID = "x-amzn-RequestId";

    @Inject
    @RestClient
    AmcApi api;
    @Inject
    LwaTokenProvider tokens;
    @Inject
    LwaConfig lwa;
    @Inject
    UpstreamExchange exchange;
    @Inject
    MeterRegistry registry;

    /** Every AMC account of the facade's identity, all pages. */
    public List<AmcAccount> listAccounts() {
        List<AmcAccount> accounts = new ArrayList<>();
        String nextToken = null;
        for (int page = 0; page < MAX_ACCOUNT_PAGES; page++) {
            String pageToken = nextToken;
            AmcAccountsPage result = call("GET /amc/accounts",
                    bearer -> api.listAccounts(lwa.clientId(), bearer, pageToken), AmcAccountsPage.class);
            if (result.amcAccounts() != null) {
                accounts.addAll(result.amcAccounts());
            }
            nextToken = result.nextToken();
            if (nextToken == null || nextToken.isBlank()) {
                return accounts;
            }
        }
        throw UpstreamException.errorResponse("GET /amc/accounts", 200, exchange.lastRequestId(),
                "more than " + MAX_ACCOUNT_PAGES + " pages of accounts", null);
    }

    private <T> T call(String operation, Function<String, Response> request, Class<T> type) {
        try (Response response = sendRefreshingOnce(operation, request)) {
            if (response.getStatus() / 100 == 2) {
                return response.readEntity(type);
            }
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            throw UpstreamException.errorResponse(operation, response.getStatus(), requestId(response),
                    AmcErrorBody.message(body), response.getHeaderString("Retry-After"));
        }
    }

    /** A 401 means the cached token died early (revoked, clock skew): replace it and try once more. */
    private Response sendRefreshingOnce(String operation, Function<String, Response> request) {
        String token = tokens.accessToken();
        Response response = send(operation, request, token);
        if (response.getStatus() != 401) {
            return response;
        }
        response.close();
        return send(operation, request, tokens.refreshAfterRejection(token));
    }

    private Response send(String operation, Function<String, Response> request, String token) {
        Timer.Sample sample = Timer.start(registry);
        String status = "none";
        try {
            Response response = request.apply("Bearer " + token);
            status = Integer.toString(response.getStatus());
            exchange.record(response.getStatus(), requestId(response));
            return response;
        } catch (ProcessingException e) {
            exchange.record(null, null);
            throw UpstreamException.unreachable(operation, e);
        } finally {
            sample.stop(registry.timer("amc.upstream.requests", "operation", operation, "status", status));
        }
    }

    private static String requestId(Response response) {
        return response.getHeaderString(REQUEST_ID);
    }
}
