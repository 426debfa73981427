package io.amcfacade.sandbox;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the simulated endpoints were asked and answered, for people and tests counting real upstream calls. */
@Path("/sandbox/stats")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxStatsResource {

    @Inject
    SandboxStats stats;

    @GET
    public Map<String, Object> stats() {
        return Map.of("endpoints", stats.snapshot());
    }

    @DELETE
    public Map<String, Object> resetStats() {
        stats.reset();
        return stats();
    }
}
