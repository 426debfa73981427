package io.amcfacade.support;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The faults a test injects into the simulated AMC ({@code PUT /sandbox/faults}), field by field as the
 * sandbox's {@code SandboxFaultSettings} reads them; a field left {@code null} is not sent. Start from what
 * strikes ({@link #throttle}, {@link #errors}, {@link #latency}, ...) and narrow it down:
 * {@code Faults.errors(1.0, 503).on(LIST_INSTANCES).times(1)}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Faults(Double throttleRate, Integer retryAfterSeconds, Double errorRate, Integer errorStatus,
        Integer latencyMs, Double dropConnectionRate, Integer maxRequestsPerSecond, String phase,
        List<String> endpoints, Integer times, String answerBody) {

    /** A share of requests answered 429 before they are processed, without {@code Retry-After} unless {@link #retryAfter}. */
    public static Faults throttle(double rate) {
        return new Faults(rate, null, null, null, null, null, null, null, null, null, null);
    }

    /** A share of requests answered with this status (500, 502, 503 or 504), before processing unless {@link #afterProcessing}. */
    public static Faults errors(double rate, int status) {
        return new Faults(null, null, rate, status, null, null, null, null, null, null, null);
    }

    /** Every request waits this long before it is processed. */
    public static Faults latency(int millis) {
        return new Faults(null, null, null, null, millis, null, null, null, null, null, null);
    }

    /** A share of connections closed without an answer, before processing unless {@link #afterProcessing}. */
    public static Faults dropConnections(double rate) {
        return new Faults(null, null, null, null, null, rate, null, null, null, null, null);
    }

    /** AMC's own rate limit: above this many requests a second the sandbox answers 429. */
    public static Faults maxRequestsPerSecond(int rate) {
        return new Faults(null, null, null, null, null, null, rate, null, null, null, null);
    }

    /** Every successful answer's body replaced, as is, after the request is processed. */
    public static Faults answerBody(String body) {
        return new Faults(null, null, null, null, null, null, null, null, null, null, body);
    }

    /** The 429s say {@code Retry-After: seconds}. */
    public Faults retryAfter(int seconds) {
        return new Faults(throttleRate, seconds, errorRate, errorStatus, latencyMs, dropConnectionRate,
                maxRequestsPerSecond, phase, endpoints, times, answerBody);
    }

    /** Errors and drops strike before the request is processed: nothing is done (the sandbox's default, said out loud). */
    public Faults beforeProcessing() {
        return withPhase("BEFORE");
    }

    /** Errors and drops strike after the request is processed: it is done, and its answer lost. */
    public Faults afterProcessing() {
        return withPhase("AFTER");
    }

    /** Only these endpoints, named as in {@code /sandbox/stats} (e.g. {@code "POST /user-invitations"}). */
    public Faults on(String... endpointNames) {
        return new Faults(throttleRate, retryAfterSeconds, errorRate, errorStatus, latencyMs, dropConnectionRate,
                maxRequestsPerSecond, phase, List.of(endpointNames), times, answerBody);
    }

    /** Only the first {@code count} requests it strikes. */
    public Faults times(int count) {
        return new Faults(throttleRate, retryAfterSeconds, errorRate, errorStatus, latencyMs, dropConnectionRate,
                maxRequestsPerSecond, phase, endpoints, count, answerBody);
    }

    private Faults withPhase(String when) {
        return new Faults(throttleRate, retryAfterSeconds, errorRate, errorStatus, latencyMs, dropConnectionRate,
                maxRequestsPerSecond, when, endpoints, times, answerBody);
    }
}
