package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.amcfacade.audit.integrity.AuditSealer;
import io.amcfacade.audit.integrity.VerifyCli;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.quarkus.test.junit.QuarkusTest;

/** Retention drops only whole sealed months, records doing so, and the rest of the trail stays provable, also offline. */
@QuarkusTest
class RetentionAndCliTest {

    @Inject
    AuditRetention retention;
    @Inject
    AuditSealer sealer;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "amc.audit.signing-key-file")
    String keyFile;

    @Test
    void aPurgedMonthIsRecordedAndTheRemainingTrailStillVerifies() throws Exception {
        OldMonths.MonthWithAction old = OldMonths.withOneAction(1800, "last-month");
        LocalDate oldMonth = old.month();
        String oldActor = old.actor();
        sealer.sealNow();

        List<LocalDate> purged = retention.purgeMonthsEndingBefore(LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1));

        assertThat(purged).contains(oldMonth);
        Map<String, Object> purge = AuditTrail.eventsOf(AuditRetention.ACTOR).get(0);
        assertThat(purge).containsEntry("action", "RETENTION_PURGE").containsEntry("outcome", "SUCCEEDED");
        assertThat((String) purge.get("detail")).contains("after checking it against seal");
        assertThat(AuditTrail.eventsOf(oldActor)).isEmpty();
        sealer.sealNow();
        Callers.as(Callers.uniqueSubject("auditor"), "auditor").get("/v1/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void theCommandLineVerifierProvesTheTrailWithoutTheService() throws Exception {
        Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer").get("/v1/accounts").then().statusCode(200);
        sealer.sealNow();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int status;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            status = VerifyCli.run(new String[] { "--jdbc-url", jdbcUrl, "--user", "postgres", "--key-file", keyFile });
        } finally {
            System.setOut(original);
        }

        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("INTACT").contains("seals checked");
        assertThat(VerifyCli.run(new String[] { "--jdbc-url", jdbcUrl })).isEqualTo(2);
    }
}
