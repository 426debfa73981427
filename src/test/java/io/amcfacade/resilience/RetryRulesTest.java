package io.amcfacade.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.amcfacade.web.RetryAfter;

/** The pure rules of the retry policy: what may be retried, how long to wait, when the budget says stop. */
class RetryRulesTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void repeatableOperationsRetryEveryFailureOthersOnlyWhatProvesNothingWasDone() {
        for (AttemptFailure failure : AttemptFailure.values()) {
            assertThat(RetryClass.REPEATABLE.retries(failure)).isTrue();
        }
        assertThat(RetryClass.ONLY_IF_NOT_PROCESSED.retries(AttemptFailure.THROTTLED)).isTrue();
        assertThat(RetryClass.ONLY_IF_NOT_PROCESSED.retries(AttemptFailure.REFUSED)).isTrue();
        assertThat(RetryClass.ONLY_IF_NOT_PROCESSED.retries(AttemptFailure.SERVER_ERROR)).isFalse();
        assertThat(RetryClass.ONLY_IF_NOT_PROCESSED.retries(AttemptFailure.TIMEOUT)).isFalse();
        assertThat(RetryClass.ONLY_IF_NOT_PROCESSED.retries(AttemptFailure.CONNECTION_LOST)).isFalse();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(RetryAfter.parse("3", NOW)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 12:00:07 GMT", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 11:59:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEmpty();
    }

    @Test
    void retryAfterSentToCallersIsWholeSecondsRoundedUp() {
        assertThat(RetryAfter.seconds(Duration.ofMillis(1))).isEqualTo("1");
        assertThat(RetryAfter.seconds(Duration.ofMillis(1001))).isEqualTo("2");
        assertThat(RetryAfter.seconds(Duration.ZERO)).isEqualTo("1");
    }

    @Test
    void backoffIsJitteredBelowADoublingCappedCeiling() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(300));
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.before(1)).isBetween(Duration.ZERO, Duration.ofMillis(100));
            assertThat(backoff.before(2)).isBetween(Duration.ZERO, Duration.ofMillis(200));
            assertThat(backoff.before(30)).isBetween(Duration.ZERO, Duration.ofMillis(300));
        }
    }

    @Test
    void theBudgetStopsRetriesOnceHalfIsSpentAndSuccessesRefillIt() {
        RetryBudget budget = new RetryBudget(10, 0.5);
        for (int i = 0; i < 4; i++) {
            assertThat(budget.failedMayRetry()).isTrue();
        }
        assertThat(budget.failedMayRetry()).as("five of ten spent").isFalse();
        budget.succeeded();
        budget.succeeded();
        assertThat(budget.failedMayRetry()).as("two successes make up for one failure only").isFalse();
        budget.succeeded();
        budget.succeeded();
        budget.succeeded();
        assertThat(budget.failedMayRetry()).isTrue();
    }
}
