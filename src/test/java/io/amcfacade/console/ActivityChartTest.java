package io.amcfacade.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.query.AuditCounts.DayCount;

/** The activity chart laid out from typed counts: plain functions, no database. */
class ActivityChartTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-01");

    @Test
    void everyOutcomeTheTrailKnowsHasItsPlaceAndColour() {
        ActivityChart chart = ActivityChart.of(List.of(), DAY, DAY);

        assertThat(ActivityChart.ORDER).containsExactlyInAnyOrder(AuditOutcome.values());
        assertThat(chart.legend()).extracting(ActivityChart.Legend::css).contains("succeeded", "partial", "pending");
    }

    @Test
    void aDaysOutcomesStackSuccessesAtTheBottomAndAddUp() {
        ActivityChart chart = ActivityChart.of(List.of(new DayCount(DAY, AuditOutcome.FAILED, 2),
                new DayCount(DAY, AuditOutcome.SUCCEEDED, 6), new DayCount(DAY, AuditOutcome.FAILED, 1)), DAY, DAY);

        assertThat(chart.total()).isEqualTo(9);
        ActivityChart.Bar bar = chart.bars().get(0);
        assertThat(bar.segments()).extracting(ActivityChart.Segment::outcome).containsExactly("SUCCEEDED", "FAILED");
        assertThat(bar.segments()).extracting(ActivityChart.Segment::count).containsExactly(6L, 3L);
        assertThat(bar.segments().get(0).y()).isGreaterThan(bar.segments().get(1).y());
    }
}
