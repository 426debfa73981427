package io.amcfacade.sandbox.faults;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.sandbox.SandboxRegion;
import io.amcfacade.sandbox.SandboxRejection;
import io.amcfacade.sandbox.SandboxReplies;
import io.amcfacade.sandbox.SandboxStats;
import io.amcfacade.sandbox.faults.SandboxFaults.Fault;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Carries out the faults {@link SandboxFaults} decides: latency and faults before a simulated AMC
 * endpoint processes a request, and (phase {@code AFTER}) a replaced or lost answer once it has.
 */
public class SandboxFaultFilter {

    /** Set on a request whose answer a fault decided (throttled, failed, dropped or replaced): it is wrong on purpose. */
    public static final String FAULTED = SandboxFaultFilter.class.getName() + ".faulted";
    private static final String ENDPOINT = SandboxFaultFilter.class.getName() + ".endpoint";
    private static final String CONNECTION = SandboxFaultFilter.class.getName() + ".connection";
    private static final String REGION = SandboxFaultFilter.class.getName() + ".region";
    /** What the sandbox tells a caller over its own rate; AMC's limits are per second too. */
    private static final String RATE_LIMIT_RETRY_AFTER = "1";

    @Inject
    SandboxFaults faults;
    @Inject
    SandboxReplies replies;
    @Inject
    SandboxStats stats;
    @Inject
    SandboxRegion region;
    @Inject
    ObjectMapper mapper;

    @ServerRequestFilter
    public Uni<Response> beforeProcessing(ContainerRequestContext request, HttpServerRequest http) {
        String endpoint = SandboxFaults.endpoint(request.getMethod(), request.getUriInfo().getPath());
        if (endpoint == null) {
            return Uni.createFrom().nullItem();
        }
        // Read while the request's context is active: a delayed fault is decided on another thread.
        String regionId = region.id();
        request.setProperty(ENDPOINT, endpoint);
        request.setProperty(CONNECTION, http);
        request.setProperty(REGION, regionId);
        Uni<Void> arrival = Uni.createFrom().voidItem();
        int latency = faults.latencyMs(regionId, endpoint);
        if (latency > 0) {
            arrival = arrival.onItem().delayIt().by(Duration.ofMillis(latency));
        }
        return arrival.flatMap(ignored -> {
            Fault fault = faults.beforeProcessing(regionId, endpoint);
            if (fault != Fault.NONE) {
                request.setProperty(FAULTED, fault);
            }
            return answer(fault, regionId, endpoint, http);
        });
    }

    @ServerResponseFilter
    public void afterProcessing(ContainerRequestContext request, ContainerResponseContext response) {
        String endpoint = (String) request.getProperty(ENDPOINT);
        if (endpoint == null || response.getStatus() >= 400) {
            return;
        }
        String regionId = (String) request.getProperty(REGION);
        Fault fault = faults.afterProcessing(regionId, endpoint);
        if (fault != Fault.NONE) {
            request.setProperty(FAULTED, fault);
        }
        switch (fault) {
            case ERROR -> {
                int status = faults.settings(regionId).status();
                stats.recordLostAnswer(regionId, endpoint, false);
                response.setStatus(status);
                Object body = SandboxReplies.errorBody(endpoint, status, "Internal failure after processing");
                if (body == null) {
                    // An API that declares no error body (the manager-account listing) answers none.
                    response.setEntity(null);
                } else {
                    response.setEntity(json(body), null, MediaType.valueOf(SandboxReplies.errorMediaType(endpoint)));
                }
            }
            case REPLACED -> response.setEntity(faults.settings(regionId).answerBody(), null, response.getMediaType());
            case DROPPED -> {
                stats.recordLostAnswer(regionId, endpoint, true);
                // Closed before the answer is written, not racing it: this filter runs on a worker thread.
                closed((HttpServerRequest) request.getProperty(CONNECTION)).await().indefinitely();
            }
            default -> {
            }
        }
    }

    private Uni<Response> answer(Fault fault, String regionId, String endpoint, HttpServerRequest http) {
        if (fault == Fault.DROPPED) {
            stats.recordDropped(regionId, endpoint);
            return closed(http).replaceWith(Response.status(500).build());
        }
        return Uni.createFrom().item(() -> switch (fault) {
            case NONE, DROPPED, REPLACED -> null;
            case RATE_LIMITED -> throttled(regionId, endpoint, RATE_LIMIT_RETRY_AFTER);
            case THROTTLED -> {
                Integer seconds = faults.settings(regionId).retryAfterSeconds();
                yield throttled(regionId, endpoint, seconds == null ? null : seconds.toString());
            }
            case ERROR -> replies.rejected(new SandboxRejection(endpoint, faults.settings(regionId).status(),
                    "Internal failure"), regionId);
        });
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Uni<Void> closed(HttpServerRequest http) {
        return Uni.createFrom().completionStage(http.connection().close().toCompletionStage());
    }

    private Response throttled(String regionId, String endpoint, String retryAfter) {
        Response.ResponseBuilder throttled = Response.fromResponse(
                replies.rejected(new SandboxRejection(endpoint, 429, "Too Many Requests"), regionId))
                .header("amazon-advertising-api-throttled", "true");
        return (retryAfter == null ? throttled : throttled.header("Retry-After", retryAfter)).build();
    }
}
