package io.amcfacade.ratelimit;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.resilience.RetryAfter;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Keeps the whole fleet inside its AMC budget: every attempt takes a token from its group's shared
 * bucket first. A caller waits for a token as long as its deadline allows (the token is reserved in the
 * database meanwhile, so waiters are served in order), and otherwise gets a 429 with {@code Retry-After}.
 * A wait is only worth it while enough of the deadline is left for the call itself: {@link
 * io.amcfacade.resilience.UpstreamPolicies} decides how long that is.
 */
@ApplicationScoped
public class OutboundRateLimiter {

    private static final String KEY_PREFIX = "amc-upstream:";

    @Inject
    BucketStore store;
    @Inject
    OutboundLimitConfig config;
    @Inject
    MeterRegistry registry;

    /** Takes a token of {@code group}, waiting at most {@code maxWait} for it. */
    public void acquire(String group, Duration maxWait) {
        BucketProxy bucket = store.bucket(KEY_PREFIX + group, config.groups().get(group).limit());
        Timer.Sample waited = Timer.start(registry);
        ConsumptionProbe probe;
        try {
            probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return;
            }
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            if (wait.compareTo(maxWait) <= 0 && bucket.asBlocking().tryConsume(1, maxWait)) {
                waited.stop(registry.timer("amc.ratelimit.outbound.waits", "group", group));
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an AMC rate-limit token", e);
        } catch (RuntimeException e) {
            throw BucketStore.unavailable(e);
        }
        registry.counter("amc.ratelimit.outbound.rejections", "group", group).increment();
        throw new ProblemException(Problems.of(ProblemCode.UPSTREAM_RATE_LIMITED,
                "The facade's AMC budget for " + group + " calls is spent for now and the request's deadline "
                        + "came first. Nothing was sent; retry after the indicated time."),
                Map.of("Retry-After", RetryAfter.seconds(Duration.ofNanos(probe.getNanosToWaitForRefill()))), null);
    }
}
