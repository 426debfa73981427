package io.amcfacade.support;

import java.util.List;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditEventPage;

/** Reads the audit trail through the API, as an auditor does, as the contract's {@link AuditEvent}s. */
public final class AuditTrail {

    private AuditTrail() {
    }

    /** The newest events of one actor, newest first (the reader's own AUDIT_QUERY events excluded). */
    public static List<AuditEvent> eventsOf(String actorSubject) {
        return Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .queryParam("actor", actorSubject)
                .queryParam("limit", 100)
                .get("/v1/audit/events")
                .then().statusCode(200)
                .extract().as(AuditEventPage.class).getEvents();
    }

    /**
     * The event of an action that carries the given correlation id, among that action's newest 200. Only that
     * event is read as the model: the others may be other tests' deliberately forged or unfinished records.
     */
    public static AuditEvent eventOfRequest(String action, String correlationId) {
        AuditEvent event = Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .queryParam("action", action)
                .queryParam("limit", 200)
                .get("/v1/audit/events")
                .then().statusCode(200)
                .extract().jsonPath().getObject("events.find { it.correlationId == '" + correlationId + "' }",
                        AuditEvent.class);
        if (event == null) {
            throw new AssertionError("No " + action + " audit event with correlation id " + correlationId);
        }
        return event;
    }

    /** The single newest event of one actor with the given correlation id. */
    public static AuditEvent eventWithCorrelation(String actorSubject, String correlationId) {
        return eventsOf(actorSubject).stream()
                .filter(e -> correlationId.equals(e.getCorrelationId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No audit event of " + actorSubject + " with correlation id " + correlationId));
    }
}
