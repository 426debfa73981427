package io.amcfacade.resilience;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.NonDefaultSettings;
import io.amcfacade.support.Callers;
import io.amcfacade.support.Faults;
import io.amcfacade.support.Metrics;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * While the breaker is open, a call it will refuse takes nothing from the fleet's AMC budget and waits
 * for nothing: the refusal comes before the rate limit. With a budget of one call a second, every refusal
 * would otherwise first wait for a token (and spend it on a call never made).
 */
@QuarkusTest
@TestProfile(NonDefaultSettings.class)
class OpenBreakerSpendsNoBudgetTest {

    private static final String LIST_INSTANCES = "GET /amc/instances";

    @AfterEach
    void healthyAgain() {
        Sandbox.healthyAgain();
    }

    @Test
    void refusalsOfAnOpenBreakerTakeNoRateLimitToken() {
        String subject = Callers.uniqueSubject("viewer");
        Sandbox.faults(Faults.errors(1.0, 500).on(LIST_INSTANCES));
        for (int i = 0; i < 5 && listInstances(subject).extract().statusCode() != 503; i++) {
            // Failed attempts (each after its token) until the breaker opens.
        }
        listInstances(subject).statusCode(503).body("code", equalTo("UPSTREAM_CIRCUIT_OPEN"));
        double waitsBefore = waits();

        for (int i = 0; i < 3; i++) {
            listInstances(subject).statusCode(503).body("code", equalTo("UPSTREAM_CIRCUIT_OPEN"));
        }

        assertThat(waits()).as("no refusal waited for a token of the instances budget").isEqualTo(waitsBefore);
    }

    private static double waits() {
        String metrics = Callers.as("metrics", "auditor").get("/q/metrics").asString();
        return Metrics.sum(metrics, "amc_ratelimit_outbound_waits_seconds_count", "group=\"instances\"");
    }

    private static ValidatableResponse listInstances(String subject) {
        return given().spec(Callers.as(subject, "amc-viewer")).get("/v1/accounts/{account}/instances", "ENTITY1ACMERETAIL0").then();
    }
}
