package io.amcfacade;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.FacadeProcess;
import io.amcfacade.support.TestIssuer;
import io.amcfacade.support.upstream.PrismMock;
import io.amcfacade.support.upstream.UpstreamContract;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged jar out of sandbox mode, pointed at Prism mocks of contract/upstream/ (AMC, and Login
 * with Amazon as the token stub): all 21 upstream-backed {@code /v1} operations answer as documented.
 * Prism refuses every request that breaks the contract, so each 2xx here is also a request that kept
 * it; its log is checked for refusals at the end. The ids are the contract's examples.
 */
class UpstreamContractIT {

    private static final String ACCOUNT = "ENTITY1EXAMPLE0001";
    private static final String INVITATION = "amzn1.invitation.example0001";
    private static final String USER = "amzn1.user.example0002";

    private static PrismMock amc;
    private static PrismMock lwa;
    private static FacadeProcess facade;

    @BeforeAll
    static void start() throws Exception {
        Path workDir = Files.createTempDirectory("amc-facade-upstream-it");
        amc = PrismMock.start(UpstreamContract.DIRECTORY.resolve("amc.yaml"), workDir.resolve("prism-amc.log"));
        lwa = PrismMock.start(UpstreamContract.DIRECTORY.resolve("login-with-amazon.yaml"),
                workDir.resolve("prism-lwa.log"));
        facade = FacadeProcess.outOfSandboxMode(workDir, amc.baseUri(), lwa.baseUri() + "/auth/o2/token",
                "amzn1.application-oa2-client.example", "example-secret", "Atzr|example-refresh-token");
    }

    @AfterAll
    static void stop() throws Exception {
        if (facade != null) {
            facade.close();
        }
        if (amc != null) {
            amc.close();
        }
        if (lwa != null) {
            lwa.close();
        }
    }

    @Test
    void all21UpstreamBackedOperationsWorkAgainstAMockOfTheContract() throws Exception {
        admin().get("/v1/accounts").then().statusCode(200).body("accounts[0].accountId", equalTo(ACCOUNT));

        admin().contentType(ContentType.JSON).body(Map.of("invitations", List.of(Map.of(
                "emailAddress", "invitee@example.com", "userName", "Example Invitee", "role", "viewer"))))
                .post("/v1/accounts/{a}/invitations", ACCOUNT).then().statusCode(200)
                .body("results[0].invitation.invitationId", equalTo(INVITATION));
        admin().get("/v1/accounts/{a}/invitations", ACCOUNT).then().statusCode(200)
                .body("invitations[0].invitationId", equalTo(INVITATION));
        admin().contentType(ContentType.JSON).body(Map.of("updates", List.of(Map.of("invitationId", INVITATION,
                "action", "revoke")))).patch("/v1/accounts/{a}/invitations", ACCOUNT).then().statusCode(200);
        admin().get("/v1/accounts/{a}/invitations/{i}", ACCOUNT, INVITATION).then().statusCode(200)
                .body("emailAddress", equalTo("invitee@example.com"));
        // Resend before revoke: the facade remembers its own successful revoke (its trail) and refuses to
        // resend a revoked invitation without asking AMC, whatever a stateless mock would answer.
        admin().post("/v1/accounts/{a}/invitations/{i}/resend", ACCOUNT, INVITATION).then().statusCode(200);
        admin().post("/v1/accounts/{a}/invitations/{i}/revoke", ACCOUNT, INVITATION).then().statusCode(200);
        admin().header("X-Amz-Invitee-Token", "Atza|invitee-token")
                .post("/v1/invitations/{i}/redeem", INVITATION).then().statusCode(200);

        admin().get("/v1/accounts/{a}/users", ACCOUNT).then().statusCode(200)
                .body("users", hasSize(2)).body("users[1].role", equalTo("admin"));
        admin().contentType(ContentType.JSON).body(Map.of("changes", List.of(Map.of("userId", USER,
                "action", "setRole", "role", "viewer")))).patch("/v1/accounts/{a}/users", ACCOUNT).then()
                .statusCode(200);
        admin().contentType(ContentType.JSON).body(Map.of("role", "viewer"))
                .put("/v1/accounts/{a}/users/{u}/role", ACCOUNT, USER).then().statusCode(200);
        admin().delete("/v1/accounts/{a}/users/{u}", ACCOUNT, USER).then().statusCode(200);

        admin().get("/v1/accounts/{a}/instances", ACCOUNT).then().statusCode(200)
                .body("instances[0].instanceId", equalTo("amcexample01"))
                .body("instances[0]", not(hasKey("awsAccountId")));
        admin().get("/v1/accounts/{a}/instances/{i}", ACCOUNT, "amcexample01").then().statusCode(200)
                .body("instanceId", equalTo("amcexample01")).body("creationStatus", equalTo("COMPLETED"));

        // Issue 24's writes. The mock answers its examples for any instance id: each write names another, so no
        // operation the facade still follows stands in the way of the next.
        admin().contentType(ContentType.JSON).header("Idempotency-Key", "upstream-it-create")
                .body(Map.of("name", "Example Retail AMC europe", "advertiserName", "Example Retail"))
                .post("/v1/accounts/{a}/instances", ACCOUNT).then().statusCode(202)
                .body("instanceId", equalTo("amcexample01")).body("state", equalTo("SUCCEEDED"));
        admin().contentType(ContentType.JSON).body(Map.of("name", "Example Retail AMC renamed"))
                .put("/v1/accounts/{a}/instances/{i}", ACCOUNT, "amcexample01").then().statusCode(200);
        admin().get("/v1/accounts/{a}/instances/{i}/advertisers", ACCOUNT, "amcexample01").then().statusCode(200)
                .body("advertisers[0].type", equalTo("SPONSORED_ADS"));
        admin().contentType(ContentType.JSON).body(Map.of("add", List.of(Map.of("id", "ENTITY1EXAMPLE0002",
                "type", "SPONSORED_ADS", "marketplaceId", "ATVPDKIKX0DER"))))
                .post("/v1/accounts/{a}/instances/{i}/advertisers/updates", ACCOUNT, "amcexample02").then()
                .statusCode(202).body("updateId", equalTo(2));
        admin().get("/v1/accounts/{a}/instances/{i}/advertisers/updates", ACCOUNT, "amcexample01").then()
                .statusCode(200).body("updates[0].status", equalTo("COMPLETED"));
        admin().get("/v1/accounts/{a}/instances/{i}/advertisers/updates/{u}", ACCOUNT, "amcexample01", 2).then()
                .statusCode(200).body("status", equalTo("REQUESTED"));
        String etag = admin().get("/v1/accounts/{a}/instances/{i}", ACCOUNT, "amcexample03").then().statusCode(200)
                .extract().header("ETag");
        admin().header("If-Match", etag).delete("/v1/accounts/{a}/instances/{i}", ACCOUNT, "amcexample03").then()
                .statusCode(202).body("kind", equalTo("INSTANCE_DELETE"));

        assertThat(amc.log()).as("Prism refused no request of the facade").doesNotContain("Request terminated with error")
                .doesNotContain("✖  error");
        assertThat(lwa.log()).doesNotContain("Request terminated with error");
    }

    private static RequestSpecification admin() {
        return given().spec(facade.spec()).auth().oauth2(TestIssuer.token("it-upstream-admin", "amc-admin"));
    }
}
