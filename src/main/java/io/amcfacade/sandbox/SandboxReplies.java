package io.amcfacade.sandbox;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds the simulator's answers the way Amazon does (request id header, each API's error body) and
 * counts each one in {@link SandboxStats}, including the {@link SandboxRejection}s thrown on the way.
 */
@ApplicationScoped
public class SandboxReplies {

    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    @Inject
    SandboxStats stats;
    @Inject
    SandboxRegion region;
    @Inject
    ObjectMapper mapper;

    /** A success in the operation's own (vendor) media type, written here so any media type carries JSON. */
    public Response ok(String endpoint, String mediaType, Object body) {
        return reply(endpoint, 200, newRequestId(), mediaType, body);
    }

    /** A 207 with each item's result, as Amazon's manager-account links answer. */
    public Response multiStatus(String endpoint, String mediaType, Object body) {
        return reply(endpoint, 207, newRequestId(), mediaType, body);
    }

    /** A success with no body, as redeem answers. */
    public Response ok(String endpoint) {
        return reply(endpoint, 200, newRequestId(), null, null);
    }

    /** A success without a body and with status 204, as AMC's instance delete answers. */
    public Response noContent(String endpoint) {
        return reply(endpoint, 204, newRequestId(), null, null);
    }

    /** Login with Amazon's own answers are plain JSON. */
    public Response ok(String endpoint, Object body) {
        return reply(endpoint, 200, newRequestId(), MediaType.APPLICATION_JSON, body);
    }

    /** A 406 carries no body: nothing the caller accepts could be written. */
    @ServerExceptionMapper
    public Response rejected(SandboxRejection rejection) {
        return rejected(rejection, region.id());
    }

    /** A refusal in {@code regionId}, for code that runs outside the request's own flow (a delayed fault). */
    public Response rejected(SandboxRejection rejection, String regionId) {
        String requestId = newRequestId();
        SandboxErrorBody shape = SandboxErrorBody.of(rejection.endpoint());
        return rejection.status() == 406 ? reply(regionId, rejection.endpoint(), 406, requestId, null, null)
                : reply(regionId, rejection.endpoint(), rejection.status(), requestId, shape.mediaType(),
                        shape.body(rejection.code(), rejection.getMessage(), requestId));
    }

    /** The media type an endpoint's errors are declared in. */
    public static String errorMediaType(String endpoint) {
        return SandboxErrorBody.of(endpoint).mediaType();
    }

    /** The error body of the API an endpoint belongs to, with the usual code for the status. */
    public static Object errorBody(String endpoint, int status, String message) {
        return SandboxErrorBody.of(endpoint).body(SandboxErrorBody.defaultCode(status), message, newRequestId());
    }

    private Response reply(String endpoint, int status, String requestId, String mediaType, Object body) {
        return reply(region.id(), endpoint, status, requestId, mediaType, body);
    }

    private Response reply(String regionId, String endpoint, int status, String requestId, String mediaType,
            Object body) {
        stats.record(regionId, endpoint, status);
        Response.ResponseBuilder reply = Response.status(status).header(REQUEST_ID_HEADER, requestId);
        if (body == null) {
            return reply.build();
        }
        try {
            return reply.type(mediaType).entity(mapper.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The sandbox cannot write its own answer", e);
        }
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
    }
}
