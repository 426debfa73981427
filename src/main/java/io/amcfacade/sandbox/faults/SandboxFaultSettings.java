package io.amcfacade.sandbox.faults;

import java.util.List;
import java.util.Set;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/**
 * The faults {@code PUT /sandbox/faults} injects into the simulated AMC endpoints (never into the
 * Login with Amazon token endpoint or the sandbox's own controls). Every field is optional.
 *
 * @param throttleRate share of requests answered 429 before they are processed
 * @param retryAfterSeconds {@code Retry-After} on those 429s; absent means none is sent, as AMC sometimes does
 * @param errorRate share of requests answered {@code errorStatus}
 * @param errorStatus 500, 502, 503 or 504 (default 500)
 * @param latencyMs added before each request is processed
 * @param dropConnectionRate share of requests whose connection is closed without an answer
 * @param maxRequestsPerSecond above this rate the sandbox answers 429 itself, like AMC: a token bucket
 *        holding one second of requests, refilled continuously
 * @param phase {@code BEFORE} (default): errors and drops happen before the request is processed, so
 *        nothing is done; {@code AFTER}: the request is processed (an invitation is created) and then its
 *        answer is replaced by the error or lost with the connection
 * @param endpoints the endpoints to fault, as named in {@code /sandbox/stats}; absent means all
 * @param times how many requests to fault (throttle, error, drop or replace) before the faults stop; absent means no end
 * @param answerBody replaces the body of every successful answer (after the request is processed) with this
 *        text, as is: an AMC answer with fields the facade did not expect, or one it cannot read at all
 */
public record SandboxFaultSettings(Double throttleRate, Integer retryAfterSeconds, Double errorRate,
        Integer errorStatus, Integer latencyMs, Double dropConnectionRate, Integer maxRequestsPerSecond,
        Phase phase, List<String> endpoints, Integer times, String answerBody) {

    /** When an error or a dropped connection strikes: before or after the request is processed. */
    public enum Phase {
        BEFORE, AFTER
    }

    static final SandboxFaultSettings NONE = new SandboxFaultSettings(null, null, null, null, null, null, null, null,
            null, null, null);
    private static final Set<Integer> ERROR_STATUSES = Set.of(500, 502, 503, 504);

    /** Refuses values outside their range with a 400 that names the field. */
    SandboxFaultSettings validated() {
        rate("throttleRate", throttleRate);
        rate("errorRate", errorRate);
        rate("dropConnectionRate", dropConnectionRate);
        atLeast("retryAfterSeconds", retryAfterSeconds, 0);
        atLeast("latencyMs", latencyMs, 0);
        atLeast("maxRequestsPerSecond", maxRequestsPerSecond, 1);
        atLeast("times", times, 1);
        if (errorStatus != null && !ERROR_STATUSES.contains(errorStatus)) {
            throw invalid("errorStatus", "must be 500, 502, 503 or 504");
        }
        return this;
    }

    boolean applies(String endpoint) {
        return endpoints == null || endpoints.contains(endpoint);
    }

    double throttle() {
        return throttleRate == null ? 0 : throttleRate;
    }

    double error() {
        return errorRate == null ? 0 : errorRate;
    }

    double drop() {
        return dropConnectionRate == null ? 0 : dropConnectionRate;
    }

    int status() {
        return errorStatus == null ? 500 : errorStatus;
    }

    int latency() {
        return latencyMs == null ? 0 : latencyMs;
    }

    boolean after() {
        return phase == Phase.AFTER;
    }

    private static void rate(String field, Double value) {
        if (value != null && (value < 0 || value > 1)) {
            throw invalid(field, "must be between 0.0 and 1.0");
        }
    }

    private static void atLeast(String field, Integer value, int min) {
        if (value != null && value < min) {
            throw invalid(field, "must be at least " + min);
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problems.invalidField(field, message));
    }
}
