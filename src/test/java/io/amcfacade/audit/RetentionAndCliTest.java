package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.integrity.SealSigner;
import io.amcfacade.audit.integrity.verifying.VerifyCli;
import io.amcfacade.audit.maintenance.AuditRetention;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** Retention drops only whole sealed months the database's policy lets go, records and seals doing so, and the rest stays provable, also offline. */
@QuarkusTest
class RetentionAndCliTest {

    @Inject
    AuditRetention retention;
    @Inject
    AuditSealer sealer;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "amc.audit.seal-key-file")
    String sealKeyFile;

    @AfterEach
    void keepForeverAgain() throws Exception {
        OwnerDatabase.execute("SELECT audit_set_retention(NULL)");
    }

    @Test
    void aPurgedMonthIsRecordedSealedAndTheRemainingTrailStillVerifies() throws Exception {
        OldMonths.MonthWithAction old = OldMonths.withOneAction(1800, "last-month");
        OwnerDatabase.execute("SELECT audit_set_retention('P1D')");
        sealer.sealNow();
        Instant before = Instant.now();

        AuditRetention.Purge purge = retention.purge(old.month());

        assertThat(purge.records()).isEqualTo(1);
        AuditEvent event = AuditTrail.eventsOf(AuditRetention.ACTOR).get(0);
        assertThat(event).returns("RETENTION_PURGE", AuditEvent::getAction).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome);
        assertThat(event.getDetail()).contains("1 records, after checking it against seal " + purge.sealId());
        assertThat(AuditTrail.eventsOf(old.actor())).isEmpty();
        sealer.sealNow();
        Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("from", before.toString()).get("/v1/audit/verify")
                .then().statusCode(200).body("intact", equalTo(true))
                .body("purges.month", hasItem(old.month().toString().substring(0, 7)));
    }

    @Test
    void theCommandLineVerifierProvesTheTrailWithThePublicKeyAlone() throws Exception {
        Instant before = Instant.now();
        Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer").get("/v1/accounts").then().statusCode(200);
        sealer.sealNow();
        String publicKey = SealSigner.publicKeyFile(java.nio.file.Path.of(sealKeyFile)).toString();

        Cli run = cli("--jdbc-url", jdbcUrl, "--user", "postgres", "--public-key", publicKey, "--from", before.toString());

        assertThat(run.status()).as(run.printed()).isZero();
        assertThat(run.printed()).contains("INTACT").contains("seals checked");
        assertThat(cli("--jdbc-url", jdbcUrl).status()).isEqualTo(2);
    }

    record Cli(int status, String printed) {
    }

    static Cli cli(String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int status;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            status = VerifyCli.run(args);
        } finally {
            System.setOut(original);
        }
        return new Cli(status, printed.toString(StandardCharsets.UTF_8));
    }
}
