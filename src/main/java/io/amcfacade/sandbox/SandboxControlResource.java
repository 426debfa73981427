package io.amcfacade.sandbox;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Controls for people and tests: what the sandbox was asked, and expiring its access tokens. */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxControlResource {

    @Inject
    SandboxState state;

    @GET
    @Path("/stats")
    public Map<String, Object> stats() {
        return Map.of("endpoints", state.stats().snapshot());
    }

    @DELETE
    @Path("/stats")
    public Map<String, Object> resetStats() {
        state.stats().reset();
        return stats();
    }

    /** Makes every issued access token invalid, so the next upstream call meets a 401. */
    @POST
    @Path("/lwa/expire-tokens")
    public Map<String, Integer> expireAccessTokens() {
        return Map.of("expired", state.expireAccessTokens());
    }
}
