package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
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
        LocalDate oldMonth = monthNeverPurged();
        OwnerDatabase.execute("SELECT audit_ensure_partition('" + oldMonth + "')");
        String oldActor = Callers.uniqueSubject("held");
        OrphanIntents.insert(oldActor, UUID.randomUUID(), oldMonth.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60),
                "ACCOUNTS_LIST");
        sealer.sealNow(); // sealed: only the hold stands in the way of retention

        assertThat(retention.purgeExpired()).isEmpty();
        assertThatThrownBy(() -> retention.purgeMonthsEndingBefore(LocalDate.now(ZoneOffset.UTC)))
                .hasMessageContaining("legal hold");

        assertThat(AuditTrail.eventsOf(oldActor)).hasSize(1);
        assertThat(isPurged(oldMonth)).isFalse();
        assertThat(AuditTrail.eventsOf(AuditRetention.ACTOR))
                .noneMatch(event -> String.valueOf(event.get("detail")).contains(AuditPartitions.name(oldMonth)));
    }

    /** A month of the last century that no earlier run's retention test dropped (dropped months never return). */
    private static LocalDate monthNeverPurged() throws SQLException {
        Random random = new Random();
        while (true) {
            LocalDate month = LocalDate.of(1900 + random.nextInt(100), 1 + random.nextInt(12), 1);
            if (!isPurged(month)) {
                return month;
            }
        }
    }

    private static boolean isPurged(LocalDate month) throws SQLException {
        try (Connection connection = OwnerDatabase.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM audit_purges WHERE month = ?")) {
            statement.setObject(1, month);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
