package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.maintenance.AuditRetention;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The legal hold lives in the database: placed and lifted only through an audited call, and while it
 * stands the database refuses to purge, to the retention job and to a superuser calling the function.
 */
@QuarkusTest
class LegalHoldTest {

    @Inject
    AuditRetention retention;
    @Inject
    AuditSealer sealer;

    @AfterEach
    void liftAndKeepForever() throws SQLException {
        hold(false, "test over");
        OwnerDatabase.execute("SELECT audit_set_retention(NULL)");
    }

    @Test
    void noMonthIsDroppedWhileTheHoldStandsAndLiftingItIsAudited() throws Exception {
        String auditor = Callers.uniqueSubject("hold-auditor");
        Callers.as(auditor, "auditor").contentType("application/json").body(Map.of("active", true, "reason", "case 114"))
                .put("/v1/audit/legal-hold").then().statusCode(200).body("active", equalTo(true));
        OldMonths.MonthWithAction held = OldMonths.withOneAction(1900, "held");
        OwnerDatabase.execute("SELECT audit_set_retention('P1D')");
        sealer.sealNow(); // sealed and expired: only the hold stands in the way

        assertThat(retention.purgeExpired()).isEmpty();
        assertThatThrownBy(() -> retention.purge(held.month())).hasMessageContaining("legal hold");
        assertThatThrownBy(() -> OwnerDatabase.execute("SELECT audit_purge_month('" + held.month() + "')"))
                .hasMessageContaining("legal hold");
        assertThat(AuditTrail.eventsOf(held.actor())).hasSize(1);
        assertThat(OldMonths.isPurged(held.month())).isFalse();
        assertThat(AuditTrail.eventsOf(AuditRetention.ACTOR).get(0)).returns(AuditOutcome.FAILED, AuditEvent::getOutcome)
                .returns("RETENTION_REFUSED", AuditEvent::getErrorCode);

        Callers.as(auditor, "auditor").contentType("application/json").body(Map.of("active", false, "reason", "case closed"))
                .put("/v1/audit/legal-hold").then().statusCode(200).body("active", equalTo(false));

        assertThat(retention.purge(held.month()).records()).isEqualTo(1);
        assertThat(AuditTrail.eventsOf(auditor)).extracting(e -> e.getAction()).containsOnly("AUDIT_LEGAL_HOLD");
    }

    @Test
    void theServiceRoleCannotChangeTheHoldWithoutAnAuditedIntent() {
        assertThatThrownBy(() -> {
            try (var connection = java.sql.DriverManager.getConnection(OwnerDatabase.url(), "amc_app", "");
                    var statement = connection.createStatement()) {
                statement.execute("SELECT audit_set_legal_hold(false, gen_random_uuid(), 'sneaky')");
            }
        }).hasMessageContaining("AUDIT_LEGAL_HOLD intent");
    }

    private static void hold(boolean active, String reason) {
        Callers.as(Callers.uniqueSubject("hold-auditor"), "auditor").contentType("application/json")
                .body(Map.of("active", active, "reason", reason)).put("/v1/audit/legal-hold").then().statusCode(200);
    }
}
