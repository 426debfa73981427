package io.amcfacade.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.amcfacade.ratelimit.OutboundRateLimiter;
import io.amcfacade.regions.Region;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * When a throttled create is sent again, on a fake clock: production's deadline (8 s), attempt timeout (4 s)
 * and AMC budget busy the way {@code bench/resilience 200 8} keeps it (other callers hold the group's tokens
 * booked {@link #QUEUE} ahead), AMC answering 429 + {@code Retry-After: 1} a given number of times.
 * <p>
 * Before: each retry waited its Retry-After out and only then queued for a token, behind every caller that had
 * come meanwhile (1.4 s per attempt), and a token wait had to leave half an attempt timeout (2 s) of the
 * deadline, although a retry that found a token at once went out with less: a create throttled five times
 * was refused {@code UPSTREAM_RATE_LIMITED} at its sixth attempt with 2 s of its deadline unused.
 */
class ThrottledRetryTimingTest {

    private static final Duration DEADLINE = Duration.ofSeconds(8);
    private static final Duration QUEUE = Duration.ofMillis(400);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Operation CREATE = new Operation();

    private final FakeClock clock = new FakeClock();
    private final List<Long> sent = new ArrayList<>();

    @Test
    void aRetryQueuesForItsTokenDuringItsRetryAfterSoEachAttemptIsOneRetryAfterApart() {
        UpstreamPolicies policies = policies(new BookedAhead(QUEUE));

        assertThat(policies.call(Region.NA, CREATE, deadline(), amcThrottling(5))).isEqualTo("created");

        assertThat(sent).as("sent (ms): the first after the queue, each retry as its Retry-After ends")
                .containsExactly(400L, 1400L, 2400L, 3400L, 4400L, 5400L);
    }

    @Test
    void aTokenWaitMayRunUntilTheReserveBeforeTheDeadline() {
        UpstreamPolicies policies = policies(new BookedAhead(QUEUE));

        assertThat(policies.call(Region.NA, CREATE, deadline(), amcThrottling(6))).isEqualTo("created");

        assertThat(sent).as("the seventh attempt queued with 2 s left and went out with 1.6 s left")
                .hasSize(7).endsWith(6400L);
    }

    /** Nothing known yet of how fast AMC answers (fewer than 32 attempts): the configured second stands. */
    @Test
    void aTokenThatWouldComeWithinTheReserveIsNotWaitedForAndNothingIsSent() {
        UpstreamPolicies policies = policies(new BookedAhead(QUEUE));

        assertThatThrownBy(() -> policies.call(Region.NA, CREATE, deadline(), amcThrottling(7)))
                .isInstanceOfSatisfying(ProblemException.class, refused -> assertThat(refused.problem().getCode())
                        .isEqualTo(ProblemCode.UPSTREAM_RATE_LIMITED.name()));
        assertThat(sent).as("the eighth would queue with 1 s left: a token 0.4 s away leaves less than the reserve")
                .hasSize(7);
        assertThat(clock.millis()).as("refused as it asked, not at the deadline").isEqualTo(7000);
    }

    /**
     * Once AMC is known to answer in 20 ms, the reserve is the 100 ms floor (twice 20 ms is less): the eighth
     * attempt, which a fixed second refused with 1.5 s of the deadline left, waits 0.4 s for its token and goes
     * out. Seven 429s in a row are one create in 128; eight, one in 256 (bench/resilience 200 8).
     */
    @Test
    void onceAmcIsKnownToAnswerQuicklyTheEighthAttemptMayStillWaitForItsToken() {
        UpstreamPolicies policies = policies(new BookedAhead(QUEUE));
        answeredQuickly(policies, 32, Duration.ofMillis(20));
        long start = clock.millis();

        assertThat(policies.call(Region.NA, CREATE, deadline(), amcThrottling(7, Duration.ofMillis(20)))).isEqualTo("created");

        assertThat(sent.stream().map(at -> at - start)).as("eight attempts, the last queued 7.14 s in and sent as its Retry-After ended")
                .containsExactly(400L, 1420L, 2440L, 3460L, 4480L, 5500L, 6520L, 7540L);
    }

    /** One slow answer among the last 32 (0.6 s: twice is more than the configured second) brings the whole second back. */
    @Test
    void oneSlowRecentAttemptBringsTheWholeReserveBack() {
        UpstreamPolicies policies = policies(new BookedAhead(QUEUE));
        answeredQuickly(policies, 31, Duration.ofMillis(20));
        answeredQuickly(policies, 1, Duration.ofMillis(600));

        assertThatThrownBy(() -> policies.call(Region.NA, CREATE, deadline(), amcThrottling(7, Duration.ofMillis(20))))
                .isInstanceOfSatisfying(ProblemException.class, refused -> assertThat(refused.problem().getCode())
                        .isEqualTo(ProblemCode.UPSTREAM_RATE_LIMITED.name()));
        assertThat(sent).hasSize(7);
    }

    @Test
    void aTokenThatComesBeforeTheRetryAfterEndsIsHeldUntilItEnds() {
        // The queue was 0.8 s long when the retry joined it, then callers ahead gave up: the token came after 0.2 s.
        BookedAhead limiter = new BookedAhead(Duration.ofMillis(200));
        limiter.estimate = Duration.ofMillis(800);
        UpstreamPolicies policies = policies(limiter);

        assertThat(policies.call(Region.NA, CREATE, deadline(), amcThrottling(2))).isEqualTo("created");

        assertThat(sent).containsExactly(200L, 1200L, 2200L);
    }

    @Test
    void withTokensToSpareARetryWaitsItsRetryAfterAndNoLonger() {
        UpstreamPolicies policies = policies(new BookedAhead(Duration.ZERO));

        assertThat(policies.call(Region.NA, CREATE, deadline(), amcThrottling(3))).isEqualTo("created");

        assertThat(sent).containsExactly(0L, 1000L, 2000L, 3000L);
    }

    private UpstreamPolicies policies(OutboundRateLimiter limiter) {
        return new UpstreamPolicies(new ProductionSettings(), new NoBreaker(), limiter, new SimpleMeterRegistry(), clock);
    }

    private Deadline deadline() {
        return Deadline.after(clock.nanoTime(), DEADLINE);
    }

    /** {@code calls} creates AMC accepts at once, each taking {@code took}; not counted in {@link #sent}. */
    private void answeredQuickly(UpstreamPolicies policies, int calls, Duration took) {
        for (int i = 0; i < calls; i++) {
            assertThat(policies.call(Region.NA, CREATE, deadline(), () -> {
                clock.sleep(took);
                return "created";
            })).isEqualTo("created");
        }
    }

    /** AMC's answer to each attempt: 429 + {@code Retry-After: 1} the first {@code times}, then success. */
    private Supplier<String> amcThrottling(int times) {
        return amcThrottling(times, Duration.ZERO);
    }

    /** As {@link #amcThrottling(int)}, each answer taking {@code took} on the fake clock. */
    private Supplier<String> amcThrottling(int times, Duration took) {
        return () -> {
            sent.add(clock.millis());
            clock.sleep(took);
            if (sent.size() <= times) {
                throw new Throttled();
            }
            return "created";
        };
    }

    private static final class Throttled extends ProblemException implements ClassifiedFailure {
        Throttled() {
            super(Problems.of(ProblemCode.UPSTREAM_THROTTLED, "AMC answered 429"), Map.of(), null);
        }

        @Override
        public AttemptFailure failure() {
            return AttemptFailure.THROTTLED;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.of(RETRY_AFTER);
        }
    }

    /** Time passes only when the policies wait. */
    private static final class FakeClock implements PolicyClock {
        private long now = 1_000_000_000L;
        private final long start = now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration wait) {
            now += Math.max(0, wait.toNanos());
        }

        long millis() {
            return (now - start) / 1_000_000;
        }
    }

    /**
     * The group's bucket with other callers' tokens booked {@code queue} ahead: a token comes {@code queue}
     * after it is asked for (if that is within the wait allowed; otherwise the refusal, as the real limiter).
     */
    private final class BookedAhead extends OutboundRateLimiter {
        private final Duration queue;
        Duration estimate;

        BookedAhead(Duration queue) {
            this.queue = queue;
            this.estimate = queue;
        }

        @Override
        public void acquire(Region region, String group, Duration maxWait) {
            if (queue.compareTo(maxWait) > 0) {
                throw new ProblemException(Problems.of(ProblemCode.UPSTREAM_RATE_LIMITED, "no token in time"), Map.of(),
                        null);
            }
            clock.sleep(queue);
        }

        @Override
        public Duration queueWait(Region region, String group) {
            return estimate;
        }

        @Override
        public void throttled(Region region, String group) {
        }

        @Override
        public void accepted(Region region, String group) {
        }
    }

    private static final class NoBreaker extends UpstreamGuard {
        @Override
        void refuseWhileOpen(Region region) {
        }

        @Override
        <T> T call(Region region, Supplier<T> attempt) {
            return attempt.get();
        }
    }

    private static final class Operation implements UpstreamPolicies.Operation {
        @Override
        public String operationName() {
            return "POST /user-invitations";
        }

        @Override
        public String rateGroup() {
            return "invitations";
        }

        @Override
        public RetryClass retryClass() {
            return RetryClass.ONLY_IF_NOT_PROCESSED;
        }
    }

    /** The production defaults of {@link UpstreamPolicyConfig} that a throttled create meets. */
    private static final class ProductionSettings implements UpstreamPolicyConfig {
        @Override
        public Duration deadline() {
            return DEADLINE;
        }

        @Override
        public Duration attemptTimeout() {
            return Duration.ofSeconds(4);
        }

        @Override
        public Duration tokenWaitReserve() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Retry retry() {
            return new Retry() {
                @Override
                public int maxAttempts() {
                    return 3;
                }

                @Override
                public Duration initialBackoff() {
                    return Duration.ofMillis(200);
                }

                @Override
                public Duration maxBackoff() {
                    return Duration.ofSeconds(2);
                }

                @Override
                public Duration retryAfterCap() {
                    return Duration.ofSeconds(5);
                }

                @Override
                public int budgetTokens() {
                    return 10;
                }

                @Override
                public double budgetTokenRatio() {
                    return 0.1;
                }
            };
        }

        @Override
        public CircuitBreaker circuitBreaker() {
            throw new UnsupportedOperationException("the guard is a stand-in");
        }

        @Override
        public Bulkhead bulkhead() {
            throw new UnsupportedOperationException("the guard is a stand-in");
        }
    }
}
