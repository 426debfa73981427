package io.amcfacade.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogAllowanceTest {

    private static final long MINUTE = 60_000;

    @Test
    void allowsTheGivenNumberOfLinesAMinuteAndNamesTheWithheldOnesInTheNextLine() {
        LogAllowance allowance = new LogAllowance(3);
        long start = 10 * MINUTE;

        assertThat(allowance.take(start)).isZero();
        assertThat(allowance.take(start + 1)).isZero();
        assertThat(allowance.take(start + 2)).isZero();
        assertThat(allowance.take(start + 3)).as("fourth line in the minute").isEqualTo(-1);
        assertThat(allowance.take(start + MINUTE - 1)).isEqualTo(-1);

        assertThat(allowance.take(start + MINUTE)).as("first line of the next minute, naming the two withheld").isEqualTo(2);
        assertThat(allowance.take(start + MINUTE + 1)).isZero();
    }

    @Test
    void aFloodInOneMinuteIsCountedNotLogged() {
        LogAllowance allowance = new LogAllowance(CodecRefusals.LOG_LINES_PER_MINUTE);
        long logged = 0;
        for (int i = 0; i < 100_000; i++) {
            if (allowance.take(5 * MINUTE + i % MINUTE) >= 0) {
                logged++;
            }
        }

        assertThat(logged).isEqualTo(CodecRefusals.LOG_LINES_PER_MINUTE);
        assertThat(allowance.take(6 * MINUTE)).isEqualTo(100_000 - CodecRefusals.LOG_LINES_PER_MINUTE);
    }
}
