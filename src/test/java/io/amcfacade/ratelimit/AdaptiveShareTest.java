package io.amcfacade.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Additive increase, multiplicative decrease of a replica's share of its AMC budget. */
class AdaptiveShareTest {

    private static final long SECOND = 1_000_000_000L;
    private static final org.assertj.core.data.Offset<Double> OFF = org.assertj.core.data.Offset.offset(1e-9);

    @Test
    void a429CutsTheShareOncePerIntervalAndSuccessesGiveItBackBitByBit() {
        AdaptiveShare share = new AdaptiveShare(0.25, 0.1, SECOND);
        assertThat(share.cost(10)).isEqualTo(1);

        share.throttled(0);
        share.throttled(SECOND / 2);
        assertThat(share.share()).as("429s of one burst cut once").isCloseTo(0.7, OFF);

        for (int i = 1; i <= 5; i++) {
            share.throttled(i * SECOND);
        }
        assertThat(share.share()).as("never below the floor").isEqualTo(0.25);
        assertThat(share.cost(10)).isEqualTo(4);
        assertThat(share.cost(3)).as("never more than the bucket holds").isEqualTo(3);

        for (int i = 0; i < 3; i++) {
            share.accepted();
        }
        assertThat(share.share()).isCloseTo(0.55, OFF);
        assertThat(share.cost(10)).isEqualTo(2);
        for (int i = 0; i < 100; i++) {
            share.accepted();
        }
        assertThat(share.share()).isEqualTo(1.0);
    }
}
