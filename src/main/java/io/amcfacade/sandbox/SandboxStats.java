package io.amcfacade.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the simulator was asked and answered, per region ({@link SandboxRegion}) and endpoint, so tests can count
 * real upstream calls, and which host they went to.
 */
@ApplicationScoped
public class SandboxStats {

    private final Map<String, Map<String, Counters>> regions = new ConcurrentHashMap<>();
    private final LongAdder withTraceContext = new LongAdder();

    private Counters counters(String region, String endpoint) {
        return regions.computeIfAbsent(region, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(endpoint, e -> new Counters());
    }

    public void record(String region, String endpoint, int status) {
        Counters counters = counters(region, endpoint);
        counters.requests.increment();
        if (status == 429) {
            counters.throttled.increment();
        } else if (status >= 400) {
            counters.errors.increment();
        }
    }

    /** A request whose connection was closed before it was processed: no answer at all. */
    public void recordDropped(String region, String endpoint) {
        Counters counters = counters(region, endpoint);
        counters.requests.increment();
        counters.dropped.increment();
    }

    /** A processed request (already counted) whose answer was then lost: replaced by an error, or dropped. */
    public void recordLostAnswer(String region, String endpoint, boolean dropped) {
        Counters counters = counters(region, endpoint);
        (dropped ? counters.dropped : counters.errors).increment();
    }

    public Map<String, EndpointStats> snapshot(String region) {
        Map<String, EndpointStats> result = new TreeMap<>();
        regions.getOrDefault(region, Map.of()).forEach((endpoint, c) -> result.put(endpoint,
                new EndpointStats(c.requests.sum(), c.throttled.sum(), c.errors.sum(), c.dropped.sum())));
        return result;
    }

    /** Forgets one region's counts (and the trace-context count, which is the simulator's as a whole). */
    public void reset(String region) {
        regions.remove(region);
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
