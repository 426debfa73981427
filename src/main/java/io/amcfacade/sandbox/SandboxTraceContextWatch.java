package io.amcfacade.sandbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Notes every request to the simulator that carries trace context ({@code traceparent}, {@code tracestate},
 * {@code baggage}), as Amazon would receive it: the facade must send none ({@link SandboxStats#requestsWithTraceContext}).
 */
public class SandboxTraceContextWatch {

    @Inject
    SandboxStats stats;

    @ServerRequestFilter
    public void beforeProcessing(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/sandbox/")
                && (request.getHeaderString("traceparent") != null || request.getHeaderString("tracestate") != null
                        || request.getHeaderString("baggage") != null)) {
            stats.recordTraceContext();
        }
    }
}
