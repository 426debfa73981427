package io.amcfacade.sandbox;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Builds the simulator's answers the way Amazon does (request id header, each API's error body) and
 * counts each one in {@link SandboxStats}, including the {@link SandboxRejection}s thrown on the way.
 */
@ApplicationScoped
public class SandboxReplies {

    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    @Inject
    SandboxStats stats;

    public Response ok(String endpoint, Object body) {
        return reply(endpoint, 200, body);
    }

    @ServerExceptionMapper
    public Response rejected(SandboxRejection rejection) {
        String requestId = newRequestId();
        return reply(rejection.endpoint(), rejection.status(), requestId, SandboxErrorBody.of(rejection.endpoint())
                .body(rejection.code(), rejection.getMessage(), requestId));
    }

    /** The error body of the API an endpoint belongs to, with the usual code for the status. */
    public static Object errorBody(String endpoint, int status, String message) {
        return SandboxErrorBody.of(endpoint).body(SandboxErrorBody.defaultCode(status), message, newRequestId());
    }

    public Response reply(String endpoint, int status, Object body) {
        return reply(endpoint, status, newRequestId(), body);
    }

    private Response reply(String endpoint, int status, String requestId, Object body) {
        stats.record(endpoint, status);
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .header(REQUEST_ID_HEADER, requestId)
                .entity(body)
                .build();
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
    }
}
