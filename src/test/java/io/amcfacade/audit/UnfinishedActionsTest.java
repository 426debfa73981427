package io.amcfacade.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** An action whose outcome never arrives: PENDING while it could still be running, UNKNOWN once its process must have died. */
@QuarkusTest
class UnfinishedActionsTest {

    @AfterEach
    void repair() throws SQLException {
        OwnerDatabase.execute("DROP TRIGGER IF EXISTS test_lose_outcome ON audit_records",
                "DROP FUNCTION IF EXISTS test_lose_outcome()");
    }

    @Test
    void anOutcomeThatCannotBeWrittenLeavesTheActionPending() throws SQLException {
        String subject = Callers.uniqueSubject("crashing");
        OwnerDatabase.execute("""
                CREATE FUNCTION test_lose_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM audit_records i WHERE i.event_id = NEW.event_id AND i.kind = 'INTENT'
                               AND i.actor_subject = '%s') THEN
                        RAISE EXCEPTION 'the process died (test)';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(subject),
                "CREATE TRIGGER test_lose_outcome BEFORE INSERT ON audit_records FOR EACH ROW "
                        + "WHEN (NEW.kind = 'OUTCOME') EXECUTE FUNCTION test_lose_outcome()");

        Callers.as(subject, "amc-viewer").get("/v1/accounts").then().statusCode(200);

        AuditEvent event = AuditTrail.eventsOf(subject).get(0);
        assertThat(event).returns("ACCOUNTS_LIST", AuditEvent::getAction).returns(AuditOutcome.PENDING, AuditEvent::getOutcome)
                .returns(null, AuditEvent::getCompletedAt);
    }

    @Test
    void anIntentWhoseProcessDiedLongAgoReadsUnknown() throws SQLException {
        String subject = Callers.uniqueSubject("died");
        UUID eventId = UUID.randomUUID();
        OrphanIntents.insert(subject, eventId, Instant.now().minusSeconds(3600), "INVITATIONS_CREATE");

        Callers.as(Callers.uniqueSubject("auditor"), "auditor").get("/v1/audit/events/{id}", eventId)
                .then().statusCode(200).body("outcome", equalTo("UNKNOWN"));
        Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("outcome", "UNKNOWN").queryParam("actor", subject)
                .get("/v1/audit/events").then().statusCode(200).body("events.eventId", hasItem(eventId.toString()));
    }
}
