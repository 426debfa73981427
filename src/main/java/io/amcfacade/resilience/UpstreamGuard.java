package io.amcfacade.resilience;

import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
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
import io.amcfacade.regions.Region;
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
 * callers get a fast 503 with {@code Retry-After} instead of a pile-up. Each region has its own breaker and
 * bulkhead: one region's outage opens only its own breaker and fills only its own bulkhead.
 */
@ApplicationScoped
public class UpstreamGuard {

    /** The breakers' names start so; {@link #breaker(Region)} is one region's, for {@code CircuitBreakerMaintenance}. */
    public static final String BREAKER = "amc-upstream";
    /** A bulkhead frees up as soon as one call ends; a second is a fair guess. */
    private static final String BUSY_RETRY_AFTER = "1";

    @Inject
    UpstreamPolicyConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    CircuitBreakerMaintenance maintenance;

    private final Map<Region, RegionGuard> guards = new EnumMap<>(Region.class);

    /** One region's breaker and bulkhead, and what the breaker last said. */
    private static final class RegionGuard {
        private Guard guard;
        private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;
        private volatile long openedAtNanos;

        void changed(CircuitBreakerState now) {
            if (now == CircuitBreakerState.OPEN) {
                openedAtNanos = System.nanoTime();
            }
            state = now;
        }
    }

    /** The circuit breaker of {@code region}: {@code amc-upstream} for NA (its name before regions), {@code amc-upstream-eu}, … */
    public static String breaker(Region region) {
        return region == Region.NA ? BREAKER : BREAKER + "-" + region.id();
    }

    @PostConstruct
    void build() {
        for (Region region : Region.values()) {
            RegionGuard regional = new RegionGuard();
            Counter bulkheadRejections = registry.counter("amc.upstream.bulkhead.rejections", "region", region.id());
            for (CircuitBreakerState each : CircuitBreakerState.values()) {
                registry.gauge("amc.upstream.circuit.state", Tags.of("state", each.name().toLowerCase(Locale.ROOT),
                        "region", region.id()), regional, guard -> guard.state == each ? 1 : 0);
            }
            regional.guard = Guard.create().withDescription(breaker(region))
                    .withCircuitBreaker().name(breaker(region))
                    .requestVolumeThreshold(config.circuitBreaker().failureThreshold()).failureRatio(1.0)
                    .delay(config.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(config.circuitBreaker().successThreshold())
                    .when(UpstreamGuard::meansUnwell)
                    .onStateChange(regional::changed).done()
                    .withBulkhead().limit(config.bulkhead().maxConcurrentCalls())
                    .onRejected(bulkheadRejections::increment).done()
                    .build();
            guards.put(region, regional);
        }
    }

    /**
     * Refuses at once while the breaker is open and its delay has not passed, before the attempt takes
     * anything from the fleet's AMC budget: an attempt the breaker would refuse must not wait for a token,
     * nor spend one. Once the delay is over the attempt goes on, and the breaker lets it probe AMC.
     */
    void refuseWhileOpen(Region region) {
        RegionGuard regional = guards.get(region);
        if (regional.state == CircuitBreakerState.OPEN
                && maintenance.currentState(breaker(region)) == CircuitBreakerState.OPEN
                && System.nanoTime() - regional.openedAtNanos < config.circuitBreaker().delay().toNanos()) {
            throw circuitOpen(region, null);
        }
    }

    private ProblemException circuitOpen(Region region, Throwable cause) {
        return new ProblemException(Problems.of(ProblemCode.UPSTREAM_CIRCUIT_OPEN,
                "AMC (region " + region + ") failed repeatedly; calls to it are paused to let it recover. Nothing was "
                        + "sent; retry later."),
                Map.of("Retry-After", RetryAfter.seconds(config.circuitBreaker().delay())), cause);
    }

    /** Runs one attempt through the breaker and the bulkhead. */
    <T> T call(Region region, Supplier<T> attempt) {
        try {
            @SuppressWarnings("unchecked")
            Class<T> synchronous = (Class<T>) Object.class;
            return guards.get(region).guard.get(attempt, synchronous);
        } catch (CircuitBreakerOpenException e) {
            throw circuitOpen(region, e);
        } catch (BulkheadException e) {
            throw new ProblemException(Problems.of(ProblemCode.UPSTREAM_BUSY,
                    "This replica already has " + config.bulkhead().maxConcurrentCalls()
                            + " AMC calls in flight to region " + region + ". Nothing was sent; retry shortly."),
                    Map.of("Retry-After", BUSY_RETRY_AFTER), e);
        }
    }

    /** Whether calls to {@code region} are currently refused because its AMC host kept failing (readiness reports it). */
    public boolean open(Region region) {
        // The breaker's own state: a reset (CircuitBreakerMaintenance) closes it without a state-change event.
        return guards.get(region).state == CircuitBreakerState.OPEN
                && maintenance.currentState(breaker(region)) == CircuitBreakerState.OPEN;
    }

    private static boolean meansUnwell(Throwable failure) {
        return failure instanceof ClassifiedFailure classified && classified.failure() != null
                && classified.failure().upstreamUnwell();
    }
}
