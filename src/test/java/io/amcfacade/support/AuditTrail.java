package io.amcfacade.support;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Reads the audit trail through the API, as an auditor does. */
public final class AuditTrail {

    private AuditTrail() {
    }

    /** The newest events of one actor, newest first (the reader's own AUDIT_QUERY events excluded). */
    public static List<Map<String, Object>> eventsOf(String actorSubject) {
        JsonPath page = Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .queryParam("actor", actorSubject)
                .queryParam("limit", 100)
                .get("/v1/audit/events")
                .then().statusCode(200)
                .extract().jsonPath();
        return page.getList("events");
    }

    /** The event of an action that carries the given correlation id, among that action's newest 200. */
    public static Map<String, Object> eventOfRequest(String action, String correlationId) {
        JsonPath page = Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .queryParam("action", action)
                .queryParam("limit", 200)
                .get("/v1/audit/events")
                .then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> events = page.getList("events");
        return events.stream()
                .filter(e -> correlationId.equals(e.get("correlationId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + action + " audit event with correlation id " + correlationId));
    }

    /** The single newest event of one actor with the given correlation id. */
    public static Map<String, Object> eventWithCorrelation(String actorSubject, String correlationId) {
        return eventsOf(actorSubject).stream()
                .filter(e -> correlationId.equals(e.get("correlationId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No audit event of " + actorSubject + " with correlation id " + correlationId));
    }
}
