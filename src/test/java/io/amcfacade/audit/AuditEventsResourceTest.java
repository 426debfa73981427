package io.amcfacade.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEventPage;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AuditEventsResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void pagesWalkTheTrailNewestFirstWithoutGapsOrRepeats() {
        String subject = Callers.uniqueSubject("paging");
        String token = Callers.token(subject, "amc-viewer");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, given().auth().oauth2(token).get("/v1/accounts").then().statusCode(200)
                    .extract().header("X-Request-Id"));
        }
        String auditor = Callers.token(Callers.uniqueSubject("auditor"), "auditor");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(auditor).queryParam("actor", subject).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            AuditEventPage page = request.get("/v1/audit/events").then().statusCode(200).extract().as(AuditEventPage.class);
            assertThat(page.getEvents()).hasSizeLessThanOrEqualTo(2);
            page.getEvents().forEach(event -> seen.add(event.getCorrelationId()));
            cursor = page.getNextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(made);
    }

    @Test
    void filtersByActionAndOutcome() {
        String subject = Callers.uniqueSubject("mixed");
        String token = Callers.token(subject, "amc-viewer");
        given().auth().oauth2(token).get("/v1/accounts").then().statusCode(200);
        given().auth().oauth2(token).get("/v1/audit/events").then().statusCode(403);

        Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .queryParam("actor", subject).queryParam("outcome", "DENIED")
                .get("/v1/audit/events")
                .then().statusCode(200)
                .body("events", hasSize(1))
                .body("events[0].action", equalTo("AUDIT_QUERY"))
                .body("events[0].httpStatus", equalTo(403));

        Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .queryParam("actor", subject).queryParam("action", "ACCOUNTS_LIST")
                .get("/v1/audit/events")
                .then().statusCode(200)
                .body("events", hasSize(1))
                .body("events.outcome", everyItem(equalTo("SUCCEEDED")))
                .body("nextCursor", nullValue());
    }

    @Test
    void readingTheTrailIsItselfAudited() {
        String auditor = Callers.uniqueSubject("auditor");
        Callers.as(auditor, "auditor").queryParam("limit", 1).get("/v1/audit/events").then().statusCode(200);

        AuditEvent event = AuditTrail.eventsOf(auditor).get(0);
        assertThat(event).returns("AUDIT_QUERY", AuditEvent::getAction).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome)
                .returns(200, AuditEvent::getHttpStatus);
    }

    @Test
    void oneEventIsReadByIdAndItsReadIsAuditedWithTheEventAsTarget() {
        String subject = Callers.uniqueSubject("viewer");
        Callers.as(subject, "amc-viewer").get("/v1/accounts").then().statusCode(200);
        String eventId = AuditTrail.eventsOf(subject).get(0).getEventId().toString();
        String auditor = Callers.uniqueSubject("auditor");

        Callers.as(auditor, "auditor")
                .get("/v1/audit/events/{id}", eventId)
                .then().statusCode(200)
                .body("eventId", equalTo(eventId))
                .body("action", equalTo("ACCOUNTS_LIST"))
                .body("actor.subject", equalTo(subject));

        assertThat(AuditTrail.eventsOf(auditor).get(0)).returns("AUDIT_GET", AuditEvent::getAction)
                .returns(eventId, AuditEvent::getTargetId);
    }

    @Test
    void anUnknownEventIsA404Problem() {
        Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .get("/v1/audit/events/{id}", "00000000-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("AUDIT_EVENT_NOT_FOUND"));
    }

    @Test
    void onlyAuditorsReadTheTrail() {
        Callers.as(Callers.uniqueSubject("admin"), "amc-admin", "amc-viewer")
                .get("/v1/audit/events")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("This operation needs one of the roles auditor."));
    }

    @Test
    void badQueryParametersAre400sNamingTheParameter() {
        String auditor = Callers.token(Callers.uniqueSubject("auditor"), "auditor");
        assertInvalid(auditor, "limit", "0", "limit");
        assertInvalid(auditor, "limit", "501", "limit");
        assertInvalid(auditor, "limit", "ten", "limit");
        assertInvalid(auditor, "outcome", "MAYBE", "outcome");
        assertInvalid(auditor, "action", "accounts list", "action");
        assertInvalid(auditor, "cursor", "bm90LWEtY3Vyc29y", "cursor");
    }

    @Test
    void aMalformedEventIdIsA400NamingIt() {
        Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .get("/v1/audit/events/{id}", "not-a-uuid")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("eventId"));
    }

    private static void assertInvalid(String token, String parameter, String value, String field) {
        given().auth().oauth2(token).queryParam(parameter, value)
                .get("/v1/audit/events")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("errors[0].field", equalTo(field));
    }
}
