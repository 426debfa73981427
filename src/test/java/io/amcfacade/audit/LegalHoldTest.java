package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.amcfacade.audit.integrity.AuditSealer;
import io.amcfacade.support.AuditTrail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Under legal hold, retention that would drop a sealed month drops nothing, on schedule or on demand. */
@QuarkusTest
@TestProfile(LegalHoldTest.OneDayRetentionUnderLegalHold.class)
class LegalHoldTest {

    public static class OneDayRetentionUnderLegalHold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("amc.audit.retention", "P1D", "amc.audit.legal-hold", "true");
        }
    }

    @Inject
    AuditRetention retention;
    @Inject
    AuditSealer sealer;

    @Test
    void noMonthIsDroppedWhileTheHoldStands() throws Exception {
        OldMonths.MonthWithAction held = OldMonths.withOneAction(1900, "held");
        LocalDate oldMonth = held.month();
        String oldActor = held.actor();
        sealer.sealNow(); // sealed: only the hold stands in the way of retention

        assertThat(retention.purgeExpired()).isEmpty();
        assertThatThrownBy(() -> retention.purgeMonthsEndingBefore(LocalDate.now(ZoneOffset.UTC)))
                .hasMessageContaining("legal hold");

        assertThat(AuditTrail.eventsOf(oldActor)).hasSize(1);
        assertThat(OldMonths.isPurged(oldMonth)).isFalse();
        assertThat(AuditTrail.eventsOf(AuditRetention.ACTOR))
                .noneMatch(event -> String.valueOf(event.get("detail")).contains(AuditPartitions.name(oldMonth)));
    }
}
