package io.amcfacade.resilience;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.web.RetryAfter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The circuit breaker and the bulkhead every AMC attempt passes (SmallRye Fault Tolerance). Only
 * failures that say AMC is unwell count against the breaker: 5xx, timeouts, connection errors; a 429
 * means busy, not broken, and a 4xx is an answer. While open, and when too many calls are in flight,
 * callers get a fast 503 with {@code Retry-After} instead of a pile-up.
 */
@ApplicationScoped
public class UpstreamGuard {

    /** The breaker's name, for {@code CircuitBreakerMaintenance}. */
    public static final String BREAKER = "amc-upstream";
    /** A bulkhead frees up as soon as one call ends; a second is a fair guess. */
    private static final String BUSY_RETRY_AFTER = "1";

    @Inject
    UpstreamPolicyConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    CircuitBreakerMaintenance maintenance;

    private Guard guard;
    private Counter bulkheadRejections;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;
    private volatile long openedAtNanos;

    @PostConstruct
    void build() {
        bulkheadRejections = registry.counter("amc.upstream.bulkhead.rejections");
        for (CircuitBreakerState each : CircuitBreakerState.values()) {
            registry.gauge("amc.upstream.circuit.state", Tags.of("state",
                    each.name().toLowerCase(Locale.ROOT)), this, guard -> guard.state == each ? 1 : 0);
        }
        guard = Guard.create().withDescription(BREAKER)
                .withCircuitBreaker().name(BREAKER)
                .requestVolumeThreshold(config.circuitBreaker().failureThreshold()).failureRatio(1.0)
                .delay(config.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(config.circuitBreaker().successThreshold())
                .when(UpstreamGuard::meansUnwell)
                .onStateChange(this::changed).done()
                .withBulkhead().limit(config.bulkhead().maxConcurrentCalls()).onRejected(bulkheadRejections::increment).done()
                .build();
    }

    private void changed(CircuitBreakerState now) {
        if (now == CircuitBreakerState.OPEN) {
            openedAtNanos = System.nanoTime();
        }
        state = now;
    }

    /**
     * Refuses at once while the breaker is open and its delay has not passed, before the attempt takes
     * anything from the fleet's AMC budget: an attempt the breaker would refuse must not wait for a token,
     * nor spend one. Once the delay is over the attempt goes on, and the breaker lets it probe AMC.
     */
    void refuseWhileOpen() {
        if (state == CircuitBreakerState.OPEN && maintenance.currentState(BREAKER) == CircuitBreakerState.OPEN
                && System.nanoTime() - openedAtNanos < config.circuitBreaker().delay().toNanos()) {
            throw circuitOpen(null);
        }
    }

    private ProblemException circuitOpen(Throwable cause) {
        return new ProblemException(Problems.of(ProblemCode.UPSTREAM_CIRCUIT_OPEN,
                "AMC failed repeatedly; calls are paused to let it recover. Nothing was sent; retry later."),
                Map.of("Retry-After", RetryAfter.seconds(config.circuitBreaker().delay())), cause);
    }

    /** Runs one attempt through the breaker and the bulkhead. */
    <T> T call(Supplier<T> attempt) {
        try {
            @SuppressWarnings("unchecked")
            Class<T> synchronous = (Class<T>) Object.class;
            return guard.get(attempt, synchronous);
        } catch (CircuitBreakerOpenException e) {
            throw circuitOpen(e);
        } catch (BulkheadException e) {
            throw new ProblemException(Problems.of(ProblemCode.UPSTREAM_BUSY,
                    "This replica already has " + config.bulkhead().maxConcurrentCalls()
                            + " AMC calls in flight. Nothing was sent; retry shortly."),
                    Map.of("Retry-After", BUSY_RETRY_AFTER), e);
        }
    }

    /** Whether calls are currently refused because AMC kept failing (readiness reports it). */
    public boolean open() {
        return state == CircuitBreakerState.OPEN;
    }

    private static boolean meansUnwell(Throwable failure) {
        return failure instanceof ClassifiedFailure classified && classified.failure() != null
                && classified.failure().upstreamUnwell();
    }
}
