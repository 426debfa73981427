package io.amcfacade.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Builds the simulator's answers the way AMC does (request id header, each API's error body) and
 * counts each one in {@link SandboxStats}, including the {@link SandboxRejection}s thrown on the way.
 */
@ApplicationScoped
class SandboxReplies {

    static final String CLIENT_ID_HEADER = "Amazon-Advertising-API-ClientId";
    static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    @Inject
    SandboxState state;

    /** The header checks every AMC call makes: the app's client id and a live access token. */
    Optional<Response> rejectUnauthorized(String endpoint, String clientId, String authorization) {
        if (!SandboxCredentials.CLIENT_ID.equals(clientId)) {
            return Optional.of(amcError(endpoint, 401, "Missing or unknown " + CLIENT_ID_HEADER));
        }
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (!state.isValidAccessToken(token)) {
            return Optional.of(amcError(endpoint, 401, "Not authorized to access this resource: invalid or expired access token"));
        }
        return Optional.empty();
    }

    Response ok(String endpoint, Object body) {
        return reply(endpoint, 200, body);
    }

    /** The accounts API's error body: {@code {"message","requestId"}}. */
    Response amcError(String endpoint, int status, String message) {
        String requestId = newRequestId();
        state.stats().record(endpoint, status);
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .header(REQUEST_ID_HEADER, requestId)
                .entity(Map.of("message", message, "requestId", requestId))
                .build();
    }

    /** The invitation API's error body: {@code {"message"}} alone, the request id only in the header. */
    Response message(String endpoint, int status, String message) {
        return reply(endpoint, status, new SandboxWire.Message(message));
    }

    @ServerExceptionMapper
    public Response rejected(SandboxRejection rejection) {
        return reply(rejection.endpoint(), rejection.status(),
                errorBody(rejection.endpoint(), rejection.status(), rejection.code(), rejection.getMessage()));
    }

    /** The error body of the API an endpoint belongs to, with the usual code for the status. */
    static Object errorBody(String endpoint, int status, String message) {
        return errorBody(endpoint, status, SandboxErrorBody.defaultCode(status), message);
    }

    private static Object errorBody(String endpoint, int status, String code, String message) {
        return switch (SandboxErrorBody.of(endpoint)) {
            case MESSAGE -> new SandboxWire.Message(message);
            case CODE_MESSAGE -> Map.of("code", code, "message", message);
            case CODE_DETAILS -> Map.of("code", code, "details", message);
        };
    }

    Response reply(String endpoint, int status, Object body) {
        state.stats().record(endpoint, status);
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .header(REQUEST_ID_HEADER, newRequestId())
                .entity(body)
                .build();
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
    }
}
