package io.amcfacade.sandbox;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Serves every region of the simulator from the same resources: {@code /sandbox/eu/amc/accounts} is
 * {@code /sandbox/amc/accounts} for Europe. Strips the region from the path before the request is matched and
 * notes it in {@link SandboxRegion}; a path without one is North America's.
 */
public class SandboxRegionPaths {

    private static final String PREFIX = "/sandbox/";

    @Inject
    SandboxRegion region;

    // After SandboxGuard, which hides the whole simulator (every region) when its routes are off.
    @ServerRequestFilter(preMatching = true, nonBlocking = true, priority = Priorities.USER + 1)
    public void regionFromPath(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(PREFIX)) {
            return;
        }
        for (String id : SandboxRegion.ALL) {
            String regional = PREFIX + id;
            if (path.equals(regional) || path.startsWith(regional + "/")) {
                region.set(id);
                String rest = path.substring(regional.length());
                request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/sandbox" + rest
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
                return;
            }
        }
    }
}
