package io.amcfacade.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RecentAttemptsTest {

    private static final Duration CONFIGURED = Duration.ofSeconds(1);

    private final RecentAttempts recent = new RecentAttempts();

    @Test
    void untilThirtyTwoAttemptsAreKnownTheConfiguredReserveStands() {
        took(31, 20);
        assertThat(recent.reserve(CONFIGURED)).isEqualTo(CONFIGURED);
        took(1, 20);
        assertThat(recent.reserve(CONFIGURED)).isEqualTo(RecentAttempts.FLOOR);
    }

    @Test
    void theReserveIsTwiceTheSlowestRecentAttemptWithinTheFloorAndTheConfiguredReserve() {
        took(31, 20);
        took(1, 150);
        assertThat(recent.reserve(CONFIGURED)).isEqualTo(Duration.ofMillis(300));
        took(1, 700);
        assertThat(recent.reserve(CONFIGURED)).isEqualTo(CONFIGURED);
    }

    @Test
    void aSlowAttemptCountsUntilThirtyTwoNewerOnesHavePushedItOut() {
        took(1, 400);
        took(31, 10);
        assertThat(recent.reserve(CONFIGURED)).isEqualTo(Duration.ofMillis(800));
        took(1, 10);
        assertThat(recent.reserve(CONFIGURED)).isEqualTo(RecentAttempts.FLOOR);
    }

    private void took(int attempts, long millis) {
        for (int i = 0; i < attempts; i++) {
            recent.took(Duration.ofMillis(millis).toNanos());
        }
    }
}
