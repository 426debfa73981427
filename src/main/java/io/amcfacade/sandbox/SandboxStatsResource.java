package io.amcfacade.sandbox;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What the simulated endpoints of one region were asked and answered ({@code /sandbox/stats} North America's,
 * {@code /sandbox/eu/stats} Europe's, …), for people and tests counting real upstream calls.
 */
@Path("/sandbox/stats")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxStatsResource {

    @Inject
    SandboxStats stats;
    @Inject
    SandboxRegion region;

    @GET
    public Map<String, Object> stats() {
        return Map.of("region", region.id(), "endpoints", stats.snapshot(region.id()));
    }

    @DELETE
    public Map<String, Object> resetStats() {
        stats.reset(region.id());
        return stats();
    }
}
