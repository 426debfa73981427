package io.amcfacade.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Additive increase, multiplicative decrease of a replica's share of its AMC budget. */
class AdaptiveShareTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void a429HalvesTheShareOncePerIntervalAndSuccessesGiveItBackBitByBit() {
        AdaptiveShare share = new AdaptiveShare(0.125, 0.05, SECOND);
        assertThat(share.cost(10)).isEqualTo(1);

        share.throttled(0);
        share.throttled(SECOND / 2);
        assertThat(share.share()).as("429s of one burst halve once").isEqualTo(0.5);
        assertThat(share.cost(10)).isEqualTo(2);

        share.throttled(SECOND);
        share.throttled(2 * SECOND);
        share.throttled(3 * SECOND);
        assertThat(share.share()).as("never below the floor").isEqualTo(0.125);
        assertThat(share.cost(10)).isEqualTo(8);
        assertThat(share.cost(5)).as("never more than the bucket holds").isEqualTo(5);

        for (int i = 0; i < 10; i++) {
            share.accepted();
        }
        assertThat(share.share()).isCloseTo(0.625, org.assertj.core.data.Offset.offset(1e-9));
        for (int i = 0; i < 100; i++) {
            share.accepted();
        }
        assertThat(share.share()).isEqualTo(1.0);
    }
}
