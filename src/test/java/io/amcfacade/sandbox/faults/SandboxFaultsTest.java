package io.amcfacade.sandbox.faults;

import static io.amcfacade.sandbox.amc.InvitationCalls.ACME;
import static io.amcfacade.sandbox.amc.InvitationCalls.create;
import static io.amcfacade.sandbox.amc.InvitationCalls.item;
import static io.amcfacade.sandbox.amc.InvitationCalls.listAll;
import static io.amcfacade.sandbox.amc.InvitationCalls.lwaToken;
import static io.amcfacade.sandbox.amc.InvitationCalls.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.sandbox.amc.SandboxInvitationsResource;
import io.amcfacade.support.Faults;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The sandbox's fault injection, called directly over HTTP as the facade would meet it. */
@QuarkusTest
class SandboxFaultsTest {

    private static final String CREATE = SandboxInvitationsResource.CREATE;

    @AfterEach
    void healthyAgain() {
        Sandbox.clearFaults();
    }

    @Test
    void throttlesWithTheConfiguredRetryAfterAndCountsThe429s() {
        String token = lwaToken();
        long throttled = Sandbox.throttled(CREATE);
        Sandbox.faults(Faults.throttle(1.0).retryAfter(7).on(CREATE));

        create(token, ACME, List.of(item(uniqueEmail("throttled"), "Throttled", "viewer")))
                .statusCode(429).header("Retry-After", "7").header("amazon-advertising-api-throttled", "true");

        assertThat(Sandbox.throttled(CREATE)).isEqualTo(throttled + 1);
    }

    @Test
    void aFaultBeforeProcessingCreatesNothing() {
        String token = lwaToken();
        String email = uniqueEmail("before");
        Sandbox.faults(Faults.errors(1.0, 503).beforeProcessing());

        create(token, ACME, List.of(item(email, "Before", "viewer"))).statusCode(503);

        Sandbox.clearFaults();
        assertThat(listAll(token, ACME)).noneMatch(invitation -> email.equals(emailOf(invitation)));
    }

    @Test
    void aFaultAfterProcessingCreatesTheInvitationAndLosesTheAnswer() {
        String token = lwaToken();
        String email = uniqueEmail("after");
        long dropped = Sandbox.dropped(CREATE);
        Sandbox.faults(Faults.dropConnections(1.0).afterProcessing().on(CREATE));

        assertThatThrownBy(() -> create(token, ACME, List.of(item(email, "After", "viewer"))))
                .as("the connection closes without an answer").hasMessageContaining("failed to respond");

        Sandbox.clearFaults();
        assertThat(listAll(token, ACME)).filteredOn(invitation -> email.equals(emailOf(invitation))).hasSize(1);
        assertThat(Sandbox.dropped(CREATE)).isEqualTo(dropped + 1);
    }

    @Test
    void faultsStopAfterTheirCount() {
        String token = lwaToken();
        Sandbox.faults(Faults.errors(1.0, 502).on(CREATE).times(1));

        create(token, ACME, List.of(item(uniqueEmail("once"), "Once", "viewer"))).statusCode(502);
        create(token, ACME, List.of(item(uniqueEmail("twice"), "Twice", "viewer"))).statusCode(200);
    }

    @Test
    void answers429AboveItsOwnRate() {
        String token = lwaToken();
        int calls = 8;
        Sandbox.faults(Faults.maxRequestsPerSecond(1));
        long started = System.nanoTime();
        int throttled = 0;
        for (int i = 0; i < calls; i++) {
            throttled += create(token, ACME, List.of(item(uniqueEmail("burst"), "Burst", "viewer")))
                    .extract().statusCode() == 429 ? 1 : 0;
        }
        long allowed = 1 + (long) Math.ceil((System.nanoTime() - started) / 1e9);

        assertThat(throttled).as("one at once, then one a second: %d of %d allowed", allowed, calls)
                .isGreaterThanOrEqualTo((int) (calls - allowed));
    }

    @Test
    void refusesAnOutOfRangeRateNamingTheField() {
        given().contentType(ContentType.JSON).body(Faults.throttle(1.5)).put("/sandbox/faults")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("throttleRate"));
    }

    private static String emailOf(Map<String, Object> invitation) {
        return ((Map<?, ?>) invitation.get("user")).get("emailAddress").toString();
    }
}
