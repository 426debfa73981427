package io.amcfacade.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenLeaseTest {

    private static final long WINDOW = 100_000_000L;

    @Test
    void aLeaseIsATenthOfASecondsBudgetAndNeverMoreThanAQuarterOfTheBurst() {
        assertThat(TokenLease.sizeFor(10, 10)).isEqualTo(1);
        assertThat(TokenLease.sizeFor(1000, 1000)).isEqualTo(100);
        assertThat(TokenLease.sizeFor(1000, 40)).isEqualTo(10);
        assertThat(TokenLease.sizeFor(1, 1)).isEqualTo(1);
        assertThat(TokenLease.sizeFor(1_000_000, 1_000_000)).isEqualTo(TokenLease.MAX_SIZE);
    }

    @Test
    void leasedTokensAreSpentWithoutAskingTheBucketUntilTheyRunOut() {
        TokenLease lease = new TokenLease(5, WINDOW);
        assertThat(lease.trySpend(1, 0)).isFalse();
        assertThat(lease.toTake(1)).isEqualTo(5);
        lease.renewed(5, 1, 0);
        for (int i = 0; i < 4; i++) {
            assertThat(lease.trySpend(1, 10)).isTrue();
        }
        assertThat(lease.trySpend(1, 10)).isFalse();
        assertThat(lease.toTake(1)).isEqualTo(5);
    }

    @Test
    void anExpiredLeaseIsNotSpentButTheNextLeaseTakesItsTokensOver() {
        TokenLease lease = new TokenLease(5, WINDOW);
        lease.renewed(5, 1, 0);
        assertThat(lease.trySpend(1, WINDOW)).isFalse();
        assertThat(lease.toTake(1)).isEqualTo(1);
        lease.renewed(1, 1, WINDOW);
        assertThat(lease.trySpend(4, WINDOW + 1)).isTrue();
        assertThat(lease.trySpend(1, WINDOW + 1)).isFalse();
    }

    @Test
    void anAttemptCostingMoreThanALeaseTakesItsWholeCost() {
        TokenLease lease = new TokenLease(2, WINDOW);
        assertThat(lease.toTake(4)).isEqualTo(4);
        lease.renewed(4, 4, 0);
        assertThat(lease.trySpend(1, 1)).isFalse();
    }

    @Test
    void tokensOfALeaseNobodyRenewedAreReclaimedOnceAfterTheGrace() {
        TokenLease lease = new TokenLease(5, WINDOW);
        lease.renewed(5, 2, 0);
        assertThat(lease.reclaim(WINDOW, WINDOW)).isZero();
        assertThat(lease.reclaim(2 * WINDOW, WINDOW)).isEqualTo(3);
        assertThat(lease.reclaim(3 * WINDOW, WINDOW)).isZero();
        assertThat(lease.toTake(1)).isEqualTo(5);
    }
}
