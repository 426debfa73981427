package io.amcfacade.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import io.amcfacade.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Makes AMC calls on behalf of the feature clients: adds the Login with Amazon token, replaces a
 * token AMC rejects (once per call), records each answer for the audit trail and the metrics, and
 * turns failures into problem exceptions. Resilience policies wrap these calls. {@link UpstreamFanOut}
 * spreads independent reads over other threads through {@link #detached}.
 */
@ApplicationScoped
class UpstreamCaller {

    static final String REQUEST_ID = "x-amzn-RequestId";

    /** Where a call's answers are recorded: the request's {@link UpstreamExchange}, or a list off the request thread. */
    @FunctionalInterface
    private interface AnswerLog {
        void record(Integer status, String requestId);
    }

    /** What AMC answered one attempt: its status ({@code null} when nothing came back) and request id. */
    record Answer(Integer status, String requestId) {
    }

    /** A read made off the request thread: its value or failure, and AMC's answers on the way. */
    record Detached<T>(T value, RuntimeException failure, List<Answer> answers) {
    }

    @Inject
    LwaTokenProvider tokens;
    @Inject
    UpstreamExchange exchange;
    @Inject
    MeterRegistry registry;

    /** A call as the facade's own Amazon identity. */
    <T> T call(String operation, Function<String, Response> request, Class<T> type, ErrorMapping errors) {
        try (Response response = sendRefreshingOnce(operation, request, tokens.accessToken(), exchange::record)) {
            return read(operation, response, type, errors);
        }
    }

    /** A call with somebody else's token (the invitee's): no refresh, a 401 is theirs to fix. */
    <T> T callWithToken(String operation, String accessToken, Function<String, Response> request, Class<T> type,
            ErrorMapping errors) {
        try (Response response = send(operation, request, accessToken, exchange::record)) {
            return read(operation, response, type, errors);
        }
    }

    /**
     * A call as the facade's own Amazon identity that does not touch the request scope, for threads
     * other than the request's: it answers AMC's answers instead of recording them, and its failure
     * instead of throwing it. {@link #record} then files the answers from the request thread.
     */
    <T> Detached<T> detached(String operation, Function<String, Response> request, String token, Class<T> type,
            ErrorMapping errors) {
        List<Answer> answers = new ArrayList<>();
        try (Response response = sendRefreshingOnce(operation, request, token,
                (status, requestId) -> answers.add(new Answer(status, requestId)))) {
            return new Detached<>(read(operation, response, type, errors), null, answers);
        } catch (RuntimeException e) {
            return new Detached<>(null, e, answers);
        }
    }

    /** Files answers gathered off the request thread in this request's exchange, for the audit trail. */
    void record(List<Answer> answers) {
        answers.forEach(answer -> exchange.record(answer.status(), answer.requestId()));
    }

    /** The token {@link #detached} calls start with; fetched on the request thread so one refresh serves all. */
    String accessToken() {
        return tokens.accessToken();
    }

    private <T> T read(String operation, Response response, Class<T> type, ErrorMapping errors) {
        if (response.getStatus() / 100 == 2) {
            return type == Void.class ? null : response.readEntity(type);
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        String message = AmcErrorBody.message(body);
        ProblemException specific = errors.map(response.getStatus(), AmcErrorBody.code(body), message);
        if (specific != null) {
            specific.problem().upstreamStatus(response.getStatus()).upstreamRequestId(requestId(response));
            throw specific;
        }
        throw UpstreamException.errorResponse(operation, response.getStatus(), requestId(response), message,
                response.getHeaderString("Retry-After"));
    }

    /** A 401 means the cached token died early (revoked, clock skew): replace it and try once more. */
    private Response sendRefreshingOnce(String operation, Function<String, Response> request, String token,
            AnswerLog log) {
        Response response = send(operation, request, token, log);
        if (response.getStatus() != 401) {
            return response;
        }
        response.close();
        return send(operation, request, tokens.refreshAfterRejection(token), log);
    }

    private Response send(String operation, Function<String, Response> request, String token, AnswerLog log) {
        Timer.Sample sample = Timer.start(registry);
        String status = "none";
        try {
            Response response = request.apply("Bearer " + token);
            status = Integer.toString(response.getStatus());
            log.record(response.getStatus(), requestId(response));
            return response;
        } catch (ProcessingException e) {
            log.record(null, null);
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
