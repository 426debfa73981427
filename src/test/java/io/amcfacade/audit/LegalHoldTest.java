package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.amcfacade.audit.integrity.AuditSealer;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;
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
        LocalDate oldMonth = OldMonths.neverPurged(1900);
        OwnerDatabase.execute("SELECT audit_ensure_partition('" + oldMonth + "')");
        String oldActor = Callers.uniqueSubject("held");
        OrphanIntents.insert(oldActor, UUID.randomUUID(), oldMonth.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60),
                "ACCOUNTS_LIST");
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
