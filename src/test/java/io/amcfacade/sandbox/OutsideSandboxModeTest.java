package io.amcfacade.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.amcfacade.security.SimulatorTokens;
import io.amcfacade.support.Metrics;
import io.amcfacade.support.TestIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

/**
 * With {@code amc.api.base-url} set the sandbox is gone and its tokens are worthless; the facade's own operator
 * functions remain.
 */
@QuarkusTest
@TestProfile(OutsideSandboxModeTest.RealUpstream.class)
class OutsideSandboxModeTest {

    private static final String CLIENT_SECRET = "test-client-secret-do-not-leak";

    /** Points at a closed local port, standing in for an unreachable AMC. */
    public static class RealUpstream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "amc.api.base-url", "http://127.0.0.1:9",
                    "amc.lwa.token-url", "http://127.0.0.1:9/auth/o2/token",
                    "amc.lwa.client-id", "amzn1.application-oa2-client.test",
                    "amc.lwa.client-secret", CLIENT_SECRET,
                    "amc.lwa.refresh-token", "Atzr|test-refresh-token",
                    "mp.jwt.verify.publickey.location", TestIssuer.publicKeyLocation(),
                    "mp.jwt.verify.issuer", TestIssuer.ISSUER);
        }
    }

    @Test
    void sandboxRoutesAnswer404() {
        given().contentType(ContentType.JSON).body("{\"subject\":\"alice\",\"roles\":[\"amc-admin\"]}")
                .post("/sandbox/tokens")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/sandbox/stats").then().statusCode(404);
        given().get("/sandbox/amc/accounts").then().statusCode(404);
    }

    @Test
    void aTokenSignedWithTheSandboxKeyIsRefused() throws Exception {
        SandboxSigningKeys keys = SandboxSigningKeys.loadOrCreate(Path.of("target", "test-data", "keys").toAbsolutePath());
        String sandboxToken = Jwt.issuer(SimulatorTokens.ISSUER).subject("alice")
                .groups(Set.of("amc-admin")).expiresIn(300).sign(keys.privateKey().toString());

        given().auth().oauth2(sandboxToken).get("/v1/accounts")
                .then().statusCode(401)
                .body("code", equalTo("UNAUTHORIZED"));
    }

    /**
     * Reconciling on demand is the facade's, not the sandbox's: it is there, asks AMC (unreachable here) and says
     * that the pass could not even list the accounts.
     */
    @Test
    void anAuditorCanStillRunAReconciliationPass() {
        given().auth().oauth2(TestIssuer.token("compliance-officer", "auditor"))
                .post("/v1/access/reconciliations")
                .then().statusCode(200)
                .body("accounts", equalTo(0))
                .body("throttled", equalTo(1));
    }

    @Test
    void anUnreachableUpstreamIsA503ProblemThatLeaksNoSecret() {
        given().auth().oauth2(TestIssuer.token("svc-onboarding", "amc-viewer"))
                .get("/v1/accounts")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body(not(containsString(CLIENT_SECRET)))
                .body(not(containsString("Atzr|")));
    }

    /**
     * The one-region shorthand {@code amc.api.base-url} is North America's host, and the only region asked: its
     * Login with Amazon endpoint (unreachable here) is the only one tried, and the list names North America alone.
     */
    @Test
    void theShorthandServesNorthAmericaAlone() {
        given().auth().oauth2(TestIssuer.token("svc-onboarding", "amc-viewer")).get("/v1/accounts")
                .then().statusCode(503);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(Metrics.sum(metrics, "amc_lwa_token_refreshes_total", "region=\"na\"")).isPositive();
        assertThat(metrics.lines().filter(line -> line.startsWith("amc_lwa_token_refreshes_total{")
                || line.startsWith("amc_upstream_requests_seconds_count{"))
                .filter(line -> !line.contains("region=\"na\""))).isEmpty();
    }
}
