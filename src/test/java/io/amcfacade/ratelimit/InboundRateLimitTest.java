package io.amcfacade.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.support.NonDefaultSettings;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Each caller's own limit, by role, with the IETF draft's headers; here auditors may make
 * {@link NonDefaultSettings#AUDITS_PER_MINUTE} (3) calls a minute.
 */
@QuarkusTest
@TestProfile(NonDefaultSettings.class)
class InboundRateLimitTest {

    @Test
    void everyAnswerSaysWhichPolicyAppliesAndWhatIsLeft() {
        String subject = Callers.uniqueSubject("auditor");

        audit(subject).statusCode(200)
                .header("RateLimit-Policy", "\"auditor\";q=3;w=60")
                .header("RateLimit", matchesPattern("\"auditor\";r=2;t=[1-9][0-9]*"));
        audit(subject).statusCode(200).header("RateLimit", matchesPattern("\"auditor\";r=1;t=[1-9][0-9]*"));
    }

    @Test
    void aCallerOverItsLimitGets429WithRetryAfterWhileOthersGoOn() {
        String subject = Callers.uniqueSubject("auditor");
        for (int i = 0; i < 3; i++) {
            audit(subject).statusCode(200);
        }

        String retryAfter = audit(subject).statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED"))
                .header("RateLimit", matchesPattern("\"auditor\";r=0;t=[1-9][0-9]*"))
                .extract().header("Retry-After");

        assertThat(Integer.parseInt(retryAfter)).as("one of three tokens a minute comes back in 20 s").isBetween(1, 20);
        audit(Callers.uniqueSubject("auditor")).statusCode(200);
        assertThat(AuditTrail.eventsOf(subject)).as("the refusal is audited too")
                .anySatisfy(event -> assertThat(event).returns(429, AuditEvent::getHttpStatus));
    }

    @Test
    void callersWithSeveralRolesGetTheMostGenerousLimit() {
        Callers.as(Callers.uniqueSubject("both"), "auditor", "amc-viewer").get("/v1/audit/events").then()
                .statusCode(200).header("RateLimit-Policy", matchesPattern("\"amc-viewer\";q=\\d+;w=60"));
    }

    private static ValidatableResponse audit(String subject) {
        return Callers.as(subject, "auditor").queryParam("limit", 1).get("/v1/audit/events").then();
    }
}
