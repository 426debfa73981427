package io.amcfacade.upstream;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import io.amcfacade.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Makes one AMC call on behalf of the feature clients: adds the Login with Amazon token, replaces a
 * token AMC rejects (once per call), records each answer for the audit trail and the metrics, and
 * turns failures into problem exceptions. Resilience policies wrap these calls.
 */
@ApplicationScoped
class UpstreamCaller {

    static final String REQUEST_ID = "x-amzn-RequestId";

    /** Turns an AMC error status into the facade's answer, or {@code null} for the generic mapping. */
    @FunctionalInterface
    interface ErrorMapping {
        ErrorMapping NONE = (status, message) -> null;

        ProblemException map(int status, String amcMessage);
    }

    @Inject
    LwaTokenProvider tokens;
    @Inject
    UpstreamExchange exchange;
    @Inject
    MeterRegistry registry;

    /** A call as the facade's own Amazon identity. */
    <T> T call(String operation, Function<String, Response> request, Class<T> type, ErrorMapping errors) {
        try (Response response = sendRefreshingOnce(operation, request)) {
            return read(operation, response, type, errors);
        }
    }

    /** A call with somebody else's token (the invitee's): no refresh, a 401 is theirs to fix. */
    <T> T callWithToken(String operation, String accessToken, Function<String, Response> request, Class<T> type,
            ErrorMapping errors) {
        try (Response response = send(operation, request, accessToken)) {
            return read(operation, response, type, errors);
        }
    }

    private <T> T read(String operation, Response response, Class<T> type, ErrorMapping errors) {
        if (response.getStatus() / 100 == 2) {
            return type == Void.class ? null : response.readEntity(type);
        }
        String message = AmcErrorBody.message(response.hasEntity() ? response.readEntity(String.class) : null);
        ProblemException specific = errors.map(response.getStatus(), message);
        if (specific != null) {
            specific.problem().upstreamStatus(response.getStatus()).upstreamRequestId(requestId(response));
            throw specific;
        }
        throw UpstreamException.errorResponse(operation, response.getStatus(), requestId(response), message,
                response.getHeaderString("Retry-After"));
    }

    /** A 401 means the cached token died early (revoked, clock skew): replace it and try once more. */
    private Response sendRefreshingOnce(String operation, Function<String, Response> request) {
        String token = tokens.accessToken();
        Response response = send(operation, request, token);
        if (response.getStatus() != 401) {
            return response;
        }
        response.close();
        return send(operation, request, tokens.refreshAfterRejection(token));
    }

    private Response send(String operation, Function<String, Response> request, String token) {
        Timer.Sample sample = Timer.start(registry);
        String status = "none";
        try {
            Response response = request.apply("Bearer " + token);
            status = Integer.toString(response.getStatus());
            exchange.record(response.getStatus(), requestId(response));
            return response;
        } catch (ProcessingException e) {
            exchange.record(null, null);
            throw UpstreamException.unreachable(operation, e);
        } finally {
            sample.stop(registry.timer("amc.upstream.requests", "operation", operation, "status", status));
        }
    }

    String lastRequestId() {
        return exchange.lastRequestId();
    }

    private static String requestId(Response response) {
        return response.getHeaderString(REQUEST_ID);
    }
}
