package io.amcfacade;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.amcfacade.support.FacadeProcess;
import io.amcfacade.support.TestIssuer;
import io.amcfacade.support.upstream.AmazonDefinitions;
import io.amcfacade.support.upstream.DefinitionsRun;
import io.amcfacade.support.upstream.PrismMock;
import io.amcfacade.support.upstream.UpstreamContract;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The issue reporter's check, repeatable: the packaged jar out of sandbox mode against Prism mocks
 * ({@code --errors}) of Amazon's own four definitions, not the project's copy, behind one router by path, with the
 * Login with Amazon stub. Drives all 14 upstream-backed {@code /v1} operations the way a client
 * would (ids come from the facade's own listings, since the mock makes them up) and reports each one in
 * {@code target/amazon-definitions/report.md}: its status and every request Prism refused.
 *
 * <p>Amazon's files cannot be committed, so this runs only when asked, with {@code -Pamazon-definitions
 * -Damazon.definitions=DIR} (docs/upstream.md); asked without them, it fails rather than skips.
 */
class AmazonDefinitionsIT {

    private static DefinitionsRun mocks;
    private static FacadeProcess facade;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Path> definitions = AmazonDefinitions.required();
        Path workDir = Files.createTempDirectory("amc-facade-amazon-definitions");
        // One region: a static mock never ends a listing, so with several regions the facade could never learn which
        // region's host serves an account, and every account's call would meet the paging guard first. The regions are
        // checked by the proxy run (AmazonDefinitionsProxyIT), with the sandbox's three behind proxies of their own.
        mocks = DefinitionsRun.mocks(definitions, List.of("na"), workDir);
        PrismMock lwa = mocks.also(PrismMock.start(UpstreamContract.DIRECTORY.resolve("login-with-amazon.yaml"),
                workDir.resolve("prism-lwa.log")));
        facade = FacadeProcess.outOfSandboxMode(workDir, mocks.baseUris(), lwa.baseUri() + "/auth/o2/token",
                "amzn1.application-oa2-client.0f3c5a9e2b7d4c1e8a6f", "amzn1.oa2-cs.v1.5b0e8c4d2f9a7e6b1c3d",
                "Atzr|IwEBIJk8x2Lq-refresh");
    }

    @AfterAll
    static void stop() throws Exception {
        if (facade != null) {
            facade.close();
        }
        if (mocks != null) {
            mocks.close();
        }
    }

    @Test
    void all25UpstreamBackedOperationsWorkAgainstMocksOfAmazonsOwnDefinitions() throws Exception {
        try {
            drive();
        } finally {
            mocks.report("mock", "The facade against Prism mocks of Amazon's own definitions");
        }
        List<DefinitionsRun.Outcome> outcomes = mocks.outcomes();
        assertThat(outcomes).hasSize(25);
        assertThat(outcomes.subList(21, 25)).as("the manager-account operations read no listing to its end: all answer 200")
                .allMatch(DefinitionsRun.Outcome::passed);
        assertThat(outcomes).as("Prism refused no request and no answer, and the facade answered 200 or, where a "
                + "listing never ends, its paging guard's 502; see target/amazon-definitions/mock.md")
                .allMatch(o -> o.passed() || o.metPagingGuard());
        // Since regions (issue 25) an account the facade has not seen is looked up in its regions' listings before
        // anything is sent for it, and the mock never ends a listing: every account's operation meets the paging
        // guard on GET /amc/accounts first. The proxy run (AmazonDefinitionsProxyIT) drives them with real data.
        assertThat(outcomes.subList(1, 7)).as("the account's invitation operations stop at the look-up's paging guard")
                .allMatch(o -> o.metPagingGuard() && o.body().contains("GET /amc/accounts"));
        assertThat(outcomes.get(7)).as("redeem names no account: it reaches Amazon's invitation definition")
                .returns(true, DefinitionsRun.Outcome::passed);
    }

    private static void drive() throws Exception {
        Response accounts = mocks.run("GET /v1/accounts", () -> admin().get("/v1/accounts"));
        String account = first(accounts, "accounts[0].accountId", "ENTITY1EXAMPLE0001");

        mocks.run("POST /v1/accounts/{a}/invitations", () -> admin().contentType(ContentType.JSON)
                .body(Map.of("invitations", List.of(Map.of("emailAddress", "dana.lee@example.com",
                        "userName", "Dana Lee", "role", "viewer"))))
                .post("/v1/accounts/{a}/invitations", account));
        Response invitations = mocks.run("GET /v1/accounts/{a}/invitations",
                () -> admin().get("/v1/accounts/{a}/invitations", account));
        String invitation = first(invitations, "invitations[0].invitationId", "amzn1.invitation.example0001");
        // The mock's accounts listing never ends (see docs/upstream.md); its invitations name their account.
        String owner = first(invitations, "invitations[0].accountId", account);
        mocks.run("PATCH /v1/accounts/{a}/invitations", () -> admin().contentType(ContentType.JSON)
                .body(Map.of("updates", List.of(Map.of("invitationId", invitation, "action", "resend"))))
                .patch("/v1/accounts/{a}/invitations", owner));
        mocks.run("GET /v1/accounts/{a}/invitations/{i}",
                () -> admin().get("/v1/accounts/{a}/invitations/{i}", owner, invitation));
        // Resend before revoke: after its own successful revoke the facade refuses a resend without asking AMC.
        mocks.run("POST /v1/accounts/{a}/invitations/{i}/resend",
                () -> admin().post("/v1/accounts/{a}/invitations/{i}/resend", owner, invitation));
        mocks.run("POST /v1/accounts/{a}/invitations/{i}/revoke",
                () -> admin().post("/v1/accounts/{a}/invitations/{i}/revoke", owner, invitation));
        mocks.run("POST /v1/invitations/{i}/redeem", () -> admin().header("X-Amz-Invitee-Token",
                "Atza|IwEBIPk3invitee").post("/v1/invitations/{i}/redeem", invitation));

        Response users = mocks.run("GET /v1/accounts/{a}/users", () -> admin().get("/v1/accounts/{a}/users", account));
        String user = first(users, "users[0].userId", "amzn1.account.example0002");
        mocks.run("PATCH /v1/accounts/{a}/users", () -> admin().contentType(ContentType.JSON)
                .body(Map.of("changes", List.of(Map.of("userId", user, "action", "setRole", "role", "viewer"))))
                .patch("/v1/accounts/{a}/users", account));
        mocks.run("PUT /v1/accounts/{a}/users/{u}/role", () -> admin().contentType(ContentType.JSON)
                .body(Map.of("role", "viewer")).put("/v1/accounts/{a}/users/{u}/role", account, user));
        mocks.run("DELETE /v1/accounts/{a}/users/{u}",
                () -> admin().delete("/v1/accounts/{a}/users/{u}", account, user));

        Response instances = mocks.run("GET /v1/accounts/{a}/instances",
                () -> admin().get("/v1/accounts/{a}/instances", account));
        String instance = first(instances, "instances[0].instanceId", "amcexample01");
        mocks.run("GET /v1/accounts/{a}/instances/{i}",
                () -> admin().get("/v1/accounts/{a}/instances/{i}", account, instance));

        // Issue 24's writes: a create and an advertiser update (both 202, followed by the operation), a rename, the
        // advertisers and updates read, and a delete of another listed instance (named by its ETag). Each write
        // touches an instance no open operation holds, so the facade's own 409 never stands in for AMC's answer.
        mocks.run("POST /v1/accounts/{a}/instances", () -> admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Definitions check")).post("/v1/accounts/{a}/instances", account));
        mocks.run("PUT /v1/accounts/{a}/instances/{i}", () -> admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Definitions check renamed")).put("/v1/accounts/{a}/instances/{i}", account, instance));
        mocks.run("GET /v1/accounts/{a}/instances/{i}/advertisers",
                () -> admin().get("/v1/accounts/{a}/instances/{i}/advertisers", account, instance));
        Response update = mocks.run("POST /v1/accounts/{a}/instances/{i}/advertisers/updates",
                () -> admin().contentType(ContentType.JSON).body(Map.of("add", List.of(Map.of("id", "dspdefinitions",
                        "type", "DISPLAY")))).post("/v1/accounts/{a}/instances/{i}/advertisers/updates", account, instance));
        long updateId = update.statusCode() == 202 && update.jsonPath().get("updateId") != null
                ? update.jsonPath().getLong("updateId") : 1L;
        mocks.run("GET /v1/accounts/{a}/instances/{i}/advertisers/updates",
                () -> admin().get("/v1/accounts/{a}/instances/{i}/advertisers/updates", account, instance));
        mocks.run("GET /v1/accounts/{a}/instances/{i}/advertisers/updates/{u}",
                () -> admin().get("/v1/accounts/{a}/instances/{i}/advertisers/updates/{u}", account, instance, updateId));
        String deleted = first(instances, "instances[1].instanceId", instance);
        String etag = admin().get("/v1/accounts/{a}/instances/{i}", account, deleted).header("ETag");
        mocks.run("DELETE /v1/accounts/{a}/instances/{i}", () -> admin().header("If-Match", String.valueOf(etag))
                .delete("/v1/accounts/{a}/instances/{i}", account, deleted));

        // Issue 25's manager accounts: listed in every region, read, an account not linked yet linked and a linked
        // one unlinked (the facade sends only what would change; the mock's ids are placeholders).
        Response managerAccounts = mocks.run("GET /v1/manager-accounts", () -> admin().get("/v1/manager-accounts"));
        String managerAccount = first(managerAccounts, "managerAccounts[0].managerAccountId", "amzn1.ads.manager.example");
        String linked = first(managerAccounts, "managerAccounts[0].linkedAccounts[0].accountId", account);
        mocks.run("GET /v1/manager-accounts/{m}", () -> admin().get("/v1/manager-accounts/{m}", managerAccount));
        mocks.run("POST /v1/manager-accounts/{m}/link", () -> admin().contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(linked + "-definitions"))).post("/v1/manager-accounts/{m}/link",
                        managerAccount));
        mocks.run("POST /v1/manager-accounts/{m}/unlink", () -> admin().contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(linked))).post("/v1/manager-accounts/{m}/unlink", managerAccount));
    }

    private static String first(Response response, String path, String fallback) {
        String value = response.statusCode() == 200 ? response.jsonPath().getString(path) : null;
        return value != null ? value : fallback;
    }

    private static RequestSpecification admin() {
        return given().spec(facade.spec()).auth().oauth2(TestIssuer.token("it-amazon-admin", "amc-admin"));
    }
}
