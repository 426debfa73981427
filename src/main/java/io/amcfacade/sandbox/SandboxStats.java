package io.amcfacade.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/** What the simulator was asked and answered, per endpoint, so tests can count real upstream calls. */
@ApplicationScoped
public class SandboxStats {

    private final Map<String, Counters> endpoints = new ConcurrentHashMap<>();
    private final LongAdder withTraceContext = new LongAdder();

    public void record(String endpoint, int status) {
        Counters counters = endpoints.computeIfAbsent(endpoint, e -> new Counters());
        counters.requests.increment();
        if (status == 429) {
            counters.throttled.increment();
        } else if (status >= 400) {
            counters.errors.increment();
        }
    }

    /** A request whose connection was closed before it was processed: no answer at all. */
    public void recordDropped(String endpoint) {
        Counters counters = endpoints.computeIfAbsent(endpoint, e -> new Counters());
        counters.requests.increment();
        counters.dropped.increment();
    }

    /** A processed request (already counted) whose answer was then lost: replaced by an error, or dropped. */
    public void recordLostAnswer(String endpoint, boolean dropped) {
        Counters counters = endpoints.computeIfAbsent(endpoint, e -> new Counters());
        (dropped ? counters.dropped : counters.errors).increment();
    }

    public long requests(String endpoint) {
        Counters counters = endpoints.get(endpoint);
        return counters == null ? 0 : counters.requests.sum();
    }

    public Map<String, EndpointStats> snapshot() {
        Map<String, EndpointStats> result = new TreeMap<>();
        endpoints.forEach((endpoint, c) -> result.put(endpoint,
                new EndpointStats(c.requests.sum(), c.throttled.sum(), c.errors.sum(), c.dropped.sum())));
        return result;
    }

    public void reset() {
        endpoints.clear();
        withTraceContext.reset();
    }

    /** A request to the simulated AMC or Login with Amazon that carried W3C trace context or baggage. */
    public void recordTraceContext() {
        withTraceContext.increment();
    }

    /** How many requests reached the simulator with trace context: the facade sends Amazon none. */
    public long requestsWithTraceContext() {
        return withTraceContext.sum();
    }

    /**
     * Counts for one endpoint: requests received, 429s returned, other 4xx/5xx returned, and connections
     * closed without an answer (before or after processing).
     */
    public record EndpointStats(long requests, long throttled, long errors, long dropped) {
    }

    private static final class Counters {
        final LongAdder requests = new LongAdder();
        final LongAdder throttled = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder dropped = new LongAdder();
    }
}
