package io.amcfacade.sandbox.faults;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.amcfacade.sandbox.SandboxRegion;

/**
 * {@code /sandbox/faults}: what the simulated AMC endpoints of a region suffer ({@code /sandbox/eu/faults} Europe's),
 * set, read and cleared by people and tests.
 */
@Path("/sandbox/faults")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxFaultsResource {

    @Inject
    SandboxFaults faults;
    @Inject
    SandboxRegion region;

    /** Injects faults into the simulated AMC endpoints, replacing the ones set before. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public SandboxFaultSettings setFaults(SandboxFaultSettings wanted) {
        faults.set(region.id(), (wanted == null ? SandboxFaultSettings.NONE : wanted).validated());
        return faults.settings(region.id());
    }

    @GET
    public SandboxFaultSettings faults() {
        return faults.settings(region.id());
    }

    /** Back to a healthy upstream with no rate limit of its own. */
    @DELETE
    public SandboxFaultSettings resetFaults() {
        faults.reset(region.id());
        return faults.settings(region.id());
    }
}
