package io.amcfacade.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.ratelimit.OutboundRateLimiter;
import io.amcfacade.regions.Region;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where retries live: runs one AMC call as attempts, each after a token from the fleet-wide rate limit
 * and through the {@link UpstreamGuard}. A failed attempt is retried only when its operation's {@link
 * RetryClass} allows it, the attempts ({@code amc.upstream.retry.max-attempts}) and the retry budget
 * have room, and the wait ({@code Retry-After}, capped, or jittered back-off) ends before the caller's
 * deadline; a throttled attempt (429) only needs the deadline. Local refusals (rate limit, open
 * breaker, full bulkhead) are never retried. Budgets, breakers and the recent attempts that size a token wait
 * are each region's own: a region that fails or throttles never slows another.
 */
@ApplicationScoped
public class UpstreamPolicies {

    private final UpstreamPolicyConfig config;
    private final UpstreamGuard guard;
    private final OutboundRateLimiter limiter;
    private final MeterRegistry registry;
    private final PolicyClock clock;
    private final Map<Region, RetryBudget> budgets = new ConcurrentHashMap<>();
    private final Backoff backoff;
    private final Map<String, RecentAttempts> recentByGroup = new ConcurrentHashMap<>();

    @Inject
    UpstreamPolicies(UpstreamPolicyConfig config, UpstreamGuard guard, OutboundRateLimiter limiter, MeterRegistry registry) {
        this(config, guard, limiter, registry, PolicyClock.SYSTEM);
    }

    UpstreamPolicies(UpstreamPolicyConfig config, UpstreamGuard guard, OutboundRateLimiter limiter, MeterRegistry registry,
            PolicyClock clock) {
        this.config = config;
        this.guard = guard;
        this.limiter = limiter;
        this.registry = registry;
        this.clock = clock;
        this.backoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
    }

    /** What the policies need to know about an operation. */
    public interface Operation {
        /** As in metrics and problem details, e.g. {@code POST /user-invitations}. */
        String operationName();

        /** The outbound rate-limit group it spends tokens from. */
        String rateGroup();

        RetryClass retryClass();
    }

    /** The deadline of a request that started at {@code startNanos}. */
    public Deadline deadlineFrom(long startNanos) {
        return Deadline.after(startNanos, config.deadline());
    }

    /** How long one attempt may take: the per-attempt timeout, or what is left of the deadline if less. */
    public Duration attemptTimeout(Deadline deadline) {
        Duration left = deadline.remaining();
        return left.compareTo(config.attemptTimeout()) < 0 ? left : config.attemptTimeout();
    }

    /**
     * How long an attempt may wait for a rate-limit token: what is left of the deadline less a reserve, so
     * that a token that comes late still leaves time to use it. The reserve is twice the slowest of the
     * group's recent attempts ({@link RecentAttempts}), at most {@code amc.upstream.token-wait-reserve}: while
     * AMC answers in tens of milliseconds, a throttled create's eighth attempt may still wait for its token
     * seven seconds in, where a fixed second refused it (bench/resilience).
     */
    private Duration tokenWait(RecentAttempts recent, Deadline deadline) {
        Duration reserve = recent.reserve(config.tokenWaitReserve());
        Duration wait = deadline.remainingAt(clock.nanoTime()).minus(reserve);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    public <T> T call(Region region, Operation operation, Deadline deadline, Supplier<T> attempt) {
        Tries tries = new Tries();
        RecentAttempts recent = recentByGroup.computeIfAbsent(region.id() + ":" + operation.rateGroup(),
                group -> new RecentAttempts());
        long resumeAt = 0;
        for (int attempts = 1;; attempts++) {
            boolean retry = attempts > 1;
            try {
                if (retry) {
                    pauseUntilTheQueueIsAsLong(region, operation, resumeAt);
                }
                guard.refuseWhileOpen(region);
                limiter.acquire(region, operation.rateGroup(), tokenWait(recent, deadline));
                if (retry) {
                    clock.sleep(Duration.ofNanos(resumeAt - clock.nanoTime()));
                }
                T result = timed(region, recent, attempt);
                budget(region).succeeded();
                limiter.accepted(region, operation.rateGroup());
                attempts(operation, attempts);
                return result;
            } catch (ProblemException failed) {
                Optional<Duration> wait = retryWait(region, operation, failed, tries, deadline);
                if (wait.isEmpty()) {
                    attempts(operation, attempts);
                    throw failed;
                }
                registry.counter("amc.upstream.retries", "operation", operation.operationName(),
                        "failure", ((ClassifiedFailure) failed).failure().name(), "region", region.id()).increment();
                resumeAt = clock.nanoTime() + wait.get().toNanos();
            }
        }
    }

    /** Runs one attempt through the guard and notes how long AMC took, answer or failure. */
    private <T> T timed(Region region, RecentAttempts recent, Supplier<T> attempt) {
        long sent = clock.nanoTime();
        boolean reached = false;
        try {
            T result = guard.call(region, attempt);
            reached = true;
            return result;
        } catch (ProblemException failed) {
            // The guard's own refusals (breaker, bulkhead) never reached AMC: they say nothing about its speed.
            reached = failed instanceof ClassifiedFailure;
            throw failed;
        } finally {
            if (reached) {
                recent.took(clock.nanoTime() - sent);
            }
        }
    }

    /**
     * A retry waits for the end of its pause ({@code Retry-After} or back-off) and for its token at once: it
     * sleeps only until the group's token queue is as long as what is left of the pause, then joins the
     * queue, so its token comes as the pause ends. Waiting the pause out first and queueing after, a retry
     * paid the queue on top of every pause, behind callers that had come meanwhile with their whole
     * deadline ahead of them (bench/resilience). A token that comes early is held until the pause is over
     * ({@link #call}): AMC never sees a retry before its {@code Retry-After}. Only retries ask the bucket
     * how long its queue is; a first attempt goes straight to it.
     */
    private void pauseUntilTheQueueIsAsLong(Region region, Operation operation, long resumeAt) {
        long pause = resumeAt - clock.nanoTime();
        if (pause > 0) {
            clock.sleep(Duration.ofNanos(pause).minus(limiter.queueWait(region, operation.rateGroup())));
        }
    }

    /**
     * A 429 is AMC saying "not now" about a request it provably did not process: it is waited out and
     * tried again while the deadline allows, without counting against the attempts or the retry budget,
     * which are there for a failing AMC. It does slow this replica's share of the AMC budget down.
     */
    private Optional<Duration> retryWait(Region region, Operation operation, ProblemException failed, Tries tries,
            Deadline deadline) {
        if (!(failed instanceof ClassifiedFailure classified) || classified.failure() == null) {
            return Optional.empty();
        }
        boolean throttled = classified.failure() == AttemptFailure.THROTTLED;
        int retry;
        if (throttled) {
            limiter.throttled(region, operation.rateGroup());
            retry = ++tries.throttled;
        } else {
            boolean budgetLeft = budget(region).failedMayRetry();
            retry = ++tries.failed;
            if (!operation.retryClass().retries(classified.failure()) || retry >= config.retry().maxAttempts()
                    || !budgetLeft) {
                return Optional.empty();
            }
        }
        Optional<Duration> asked = classified.retryAfter();
        if (asked.isPresent() && asked.get().compareTo(config.retry().retryAfterCap()) > 0) {
            return Optional.empty();
        }
        Duration wait = asked.orElseGet(() -> backoff.before(retry));
        return wait.compareTo(deadline.remainingAt(clock.nanoTime())) < 0 ? Optional.of(wait) : Optional.empty();
    }

    /** The region's retry budget: a failing region spends only its own. */
    private RetryBudget budget(Region region) {
        return budgets.computeIfAbsent(region,
                r -> new RetryBudget(config.retry().budgetTokens(), config.retry().budgetTokenRatio()));
    }

    /** The failed attempts of one call so far: throttled ones and the others are counted apart. */
    private static final class Tries {
        int throttled;
        int failed;
    }

    private void attempts(Operation operation, int attempts) {
        registry.summary("amc.upstream.attempts", "operation", operation.operationName()).record(attempts);
    }
}
