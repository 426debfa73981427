package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;

/**
 * When the intent cannot be written the action is refused and AMC is never called. The failure is
 * real: a PostgreSQL trigger rejects the intents of one caller.
 */
@QuarkusTest
class FailClosedAuditTest {

    private static final String BROKEN_CALLER = "audit-outage-probe";

    @BeforeEach
    void breakTheAuditTrailForOneCaller() throws SQLException {
        execute("""
                CREATE OR REPLACE FUNCTION test_reject_intent() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit storage unavailable (test)'; END $$""");
        execute("DROP TRIGGER IF EXISTS test_reject_intent ON audit_records");
        execute("CREATE TRIGGER test_reject_intent BEFORE INSERT ON audit_records FOR EACH ROW "
                + "WHEN (NEW.actor_subject = '" + BROKEN_CALLER + "') EXECUTE FUNCTION test_reject_intent()");
    }

    @AfterEach
    void repair() throws SQLException {
        execute("DROP TRIGGER IF EXISTS test_reject_intent ON audit_records");
        execute("DROP FUNCTION IF EXISTS test_reject_intent()");
    }

    @Test
    void anActionWhoseIntentCannotBeRecordedIsRefusedWith503AndAmcIsNotCalled() {
        long accountCalls = Sandbox.requests(Sandbox.ACCOUNTS);
        long grants = Sandbox.requests(Sandbox.LWA_TOKEN);

        Callers.as(BROKEN_CALLER, "amc-admin")
                .get("/v1/accounts")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("code", equalTo("AUDIT_UNAVAILABLE"));

        assertThat(Sandbox.requests(Sandbox.ACCOUNTS)).isEqualTo(accountCalls);
        assertThat(Sandbox.requests(Sandbox.LWA_TOKEN)).isEqualTo(grants);
    }

    @Test
    void anActionThatTouchesNothingIsNotAnsweredWhenItCannotBeRecorded() {
        // An audit query makes no AMC call: its intent goes in with its outcome, and the answer waits for that.
        Callers.as(BROKEN_CALLER, "auditor")
                .queryParam("limit", 1)
                .get("/v1/audit/events")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("code", equalTo("AUDIT_UNAVAILABLE"))
                .body("events", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void otherCallersAreServedWhileOneCallersIntentsFail() {
        Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer").get("/v1/accounts").then().statusCode(200);
    }

    private static void execute(String sql) throws SQLException {
        OwnerDatabase.execute(sql);
    }
}
