package io.amcfacade.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests the HTTP codec lets through but Vert.x's router refuses before any route takes them, sent over a
 * socket as a fuzzer sends them: each is a problem document with the correlation id, audited as
 * {@code REQUEST_REFUSED}, and quotes nothing that was sent.
 */
@QuarkusTest
class RoutingRefusalsTest {

    @Test
    void noHostAHostThatIsNoHostAndATargetThatIsNoPathAreAuditedProblems() {
        String marker = "route" + UUID.randomUUID().toString().substring(0, 8);
        refused("GET /v1/audit/events?" + marker + " HTTP/1.1\r\n", "host", marker);
        refused("GET /v1/audit/events?" + marker + " HTTP/1.1\r\nHost: a b" + marker + "\r\n", "host", marker);
        refused("GET v1/audit/events?" + marker + " HTTP/1.1\r\nHost: localhost\r\n", "path", marker);
        refused("GET * HTTP/1.1\r\nHost: localhost\r\n", "path", marker);

        given().auth().oauth2(Callers.token(Callers.uniqueSubject("auditor"), "auditor")).get("/v1/audit/events?limit=1")
                .then().statusCode(200);
    }

    private static void refused(String head, String named, String marker) {
        String correlationId = "route-" + UUID.randomUUID();

        RawHttp.Answer answer = RawHttp.exchange((head + "X-Request-Id: " + correlationId + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).as(head).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as(head).isEqualTo("application/problem+json");
        assertThat(answer.header("X-Request-Id")).isEqualTo(correlationId);
        assertThat(answer.body()).contains("\"code\":\"BAD_REQUEST\"").contains("\"correlationId\":\"" + correlationId + "\"")
                .contains(named).doesNotContain(marker).doesNotContain("stack");
        AuditEvent event = AuditTrail.eventOfRequest("REQUEST_REFUSED", correlationId);
        assertThat(event.getOutcome()).as(head).isEqualTo(AuditOutcome.REJECTED);
    }
}
