package io.amcfacade.upstream;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.amcfacade.ops.Tracing;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.regions.Region;
import io.amcfacade.resilience.Deadline;
import io.amcfacade.resilience.UpstreamPolicies;
import io.amcfacade.web.RequestMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.smallrye.mutiny.Uni;

/**
 * Makes AMC calls on behalf of the feature clients: adds the Login with Amazon token, replaces a
 * token AMC rejects (once per call), records each answer for the audit trail and the metrics, and
 * turns failures into problem exceptions. Every call runs under the {@link UpstreamPolicies} (rate
 * limit, retries, circuit breaker, bulkhead) and within the caller's deadline, each attempt bounded by
 * it. {@link UpstreamFanOut} spreads independent reads over other threads through {@link #detached}. Each
 * request sent to AMC is a span while tracing is on ({@link Tracing}): operation, attempt number, status, request id.
 * Every call names its region: it goes to that region's host with that region's token, and spends that region's
 * budget and breaker ({@link RegionalHosts}); an account's region is {@link AccountRegions}' to tell.
 */
@ApplicationScoped
class UpstreamCaller {

    static final String REQUEST_ID = "x-amzn-RequestId";
    /** Mutiny refuses to wait for nothing; an attempt that starts this close to the deadline times out at once. */
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(1);

    /** Where a call's answers are recorded: the request's {@link UpstreamExchange}, or a list off the request thread. */
    @FunctionalInterface
    private interface AnswerLog {
        void record(Region region, Integer status, String requestId);
    }

    /** The requests one call has sent to AMC so far, retries and a refresh after a 401 included (the span's number). */
    private static final class Attempts {
        private int sent;

        int next() {
            return ++sent;
        }
    }

    /** One request to AMC: the region's REST client and the bearer header value in, the answer out. */
    @FunctionalInterface
    interface Request {
        Uni<Response> send(AmcApi api, String bearer);
    }

    /** What AMC answered one attempt: its status ({@code null} when nothing came back) and request id. */
    record Answer(Region region, Integer status, String requestId) {
    }

    /** A read made off the request thread: its value or failure, and AMC's answers on the way. */
    record Detached<T>(T value, RuntimeException failure, List<Answer> answers) {
    }

    @Inject
    RegionalHosts hosts;
    @Inject
    UpstreamExchange exchange;
    @Inject
    RequestMetadata request;
    @Inject
    UpstreamPolicies policies;
    @Inject
    MeterRegistry registry;
    @Inject
    Tracing tracing;

    /** A call as the facade's own Amazon identity. */
    <T> T call(Region region, AmcOperation operation, Request send, Class<T> type, ErrorMapping errors) {
        exchange.starting();
        Deadline deadline = deadline();
        Attempts attempts = new Attempts();
        RegionalHosts.Host host = hosts.host(region);
        return policies.call(region, operation, deadline, () -> {
            try (Response response = sendRefreshingOnce(host, operation, send, host.tokens().accessToken(), deadline,
                    attempts, exchange::record)) {
                return read(operation, response, type, errors);
            }
        });
    }

    /** A call with somebody else's token (the invitee's): no refresh, a 401 is theirs to fix. */
    <T> T callWithToken(Region region, AmcOperation operation, String accessToken, Request send,
            Class<T> type, ErrorMapping errors) {
        exchange.starting();
        Deadline deadline = deadline();
        Attempts attempts = new Attempts();
        RegionalHosts.Host host = hosts.host(region);
        return policies.call(region, operation, deadline, () -> {
            try (Response response = send(host, operation, send, accessToken, deadline, attempts, exchange::record)) {
                return read(operation, response, type, errors);
            }
        });
    }

    /**
     * A call as the facade's own Amazon identity that does not touch the request scope, for threads
     * other than the request's: it answers AMC's answers instead of recording them, and its failure
     * instead of throwing it. {@link #record} then files the answers from the request thread.
     */
    <T> Detached<T> detached(Region region, AmcOperation operation, Request send, String token,
            Deadline deadline, Class<T> type, ErrorMapping errors) {
        List<Answer> answers = new ArrayList<>();
        Attempts attempts = new Attempts();
        RegionalHosts.Host host = hosts.host(region);
        try {
            T value = policies.call(region, operation, deadline, () -> {
                try (Response response = sendRefreshingOnce(host, operation, send, token, deadline, attempts,
                        (answered, status, requestId) -> answers.add(new Answer(answered, status, requestId)))) {
                    return read(operation, response, type, errors);
                }
            });
            return new Detached<>(value, null, answers);
        } catch (RuntimeException e) {
            return new Detached<>(null, e, answers);
        }
    }

    /** Files answers gathered off the request thread in this request's exchange, for the audit trail. */
    void record(List<Answer> answers) {
        answers.forEach(answer -> exchange.record(answer.region(), answer.status(), answer.requestId()));
    }

    /** The token {@link #detached} calls start with; fetched on the request thread so one refresh serves all. */
    String accessToken(Region region) {
        exchange.starting();
        return hosts.host(region).tokens().accessToken();
    }

    /**
     * The region's current token, for a later read of a walk off the request thread: a token replaced after a 401
     * on an earlier page is used from then on, not met again on every page.
     */
    String currentToken(Region region) {
        return hosts.host(region).tokens().accessToken();
    }

    /** The configured regions, in order. */
    List<Region> regions() {
        return hosts.regions();
    }

    /** By when the current caller must have its answer; {@link #detached} calls are handed it. */
    Deadline deadline() {
        return policies.deadlineFrom(request.startNanos());
    }

    private <T> T read(AmcOperation operation, Response response, Class<T> type, ErrorMapping errors) {
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        if (response.getStatus() / 100 == 2) {
            if (type == Void.class) {
                return null;
            }
            try {
                return AmcJson.read(body, type);
            } catch (IOException e) {
                throw UpstreamException.unreadable(operation, response.getStatus(), requestId(response),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                                .orElse(""));
            }
        }
        String message = AmcErrorBody.message(body);
        ProblemException specific = errors.map(response.getStatus(), AmcErrorBody.code(body), message);
        if (specific != null) {
            specific.problem().upstreamStatus(response.getStatus()).upstreamRequestId(requestId(response, body));
            throw specific;
        }
        throw UpstreamException.errorResponse(operation, response.getStatus(), requestId(response, body), message,
                response.getHeaderString("Retry-After"));
    }

    /** A 401 means the cached token died early (revoked, clock skew): replace it and try once more. */
    private Response sendRefreshingOnce(RegionalHosts.Host host, AmcOperation operation, Request send, String token,
            Deadline deadline, Attempts attempts, AnswerLog log) {
        Response response = send(host, operation, send, token, deadline, attempts, log);
        if (response.getStatus() != 401) {
            return response;
        }
        response.close();
        return send(host, operation, send, host.tokens().refreshAfterRejection(token), deadline, attempts, log);
    }

    private Response send(RegionalHosts.Host host, AmcOperation operation, Request send, String token,
            Deadline deadline, Attempts attempts, AnswerLog log) {
        if (deadline.expired()) {
            throw UpstreamException.deadlineExceeded(operation);
        }
        Span span = tracing.start("AMC " + operation.operationName(), SpanKind.CLIENT);
        if (span.isRecording()) {
            span.setAttribute("amc.operation", operation.operationName());
            span.setAttribute("amc.region", host.region().id());
            span.setAttribute("amc.attempt", attempts.next());
        }
        Timer.Sample sample = Timer.start(registry);
        String status = "none";
        try {
            Duration timeout = policies.attemptTimeout(deadline);
            Response response = send.send(host.api(), "Bearer " + token)
                    .await().atMost(timeout.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : timeout);
            status = Integer.toString(response.getStatus());
            log.record(accountRegion(operation, host), response.getStatus(), requestId(response));
            if (span.isRecording()) {
                answered(span, response);
            }
            return response;
        } catch (RuntimeException e) {
            log.record(accountRegion(operation, host), null, null);
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw UpstreamException.unreachable(operation, e);
        } finally {
            sample.stop(registry.timer("amc.upstream.requests", "operation", operation.operationName(), "status", status,
                    "region", host.region().id()));
            span.end();
        }
    }

    /** The region an account-scoped call went to, for the audit trail; a listing of accounts is no account's. */
    private static Region accountRegion(AmcOperation operation, RegionalHosts.Host host) {
        return operation == AmcOperation.LIST_ACCOUNTS ? null : host.region();
    }

    private static void answered(Span span, Response response) {
        span.setAttribute("http.response.status_code", response.getStatus());
        String requestId = requestId(response);
        if (requestId != null) {
            span.setAttribute("amc.request_id", requestId);
        }
        if (response.getStatus() >= 400) {
            span.setStatus(StatusCode.ERROR);
        }
    }

    String lastRequestId() {
        return exchange.lastRequestId();
    }

    private static String requestId(Response response) {
        return response.getHeaderString(REQUEST_ID);
    }

    /** The accounts API also puts the request id in its error body; the header wins when both are there. */
    private static String requestId(Response response, String errorBody) {
        String header = requestId(response);
        return header != null ? header : AmcErrorBody.requestId(errorBody);
    }
}
