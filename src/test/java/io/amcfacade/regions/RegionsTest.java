package io.amcfacade.regions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.api.model.AccessGrant;
import io.amcfacade.api.model.Account;
import io.amcfacade.api.model.AccountList;
import io.amcfacade.api.model.RegionStatus;
import io.amcfacade.support.AccessApi;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.Faults;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Metrics;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * One facade, three regions (the sandbox serves North America, Europe and the Far East, each on its own prefix
 * with its own accounts, token endpoint, faults and counts): every region's accounts are listed with their region,
 * every call for an account goes to its own region's host only, and one region's refused credentials, throttling
 * or outage leave the others' calls alone.
 */
@QuarkusTest
class RegionsTest {

    private static final String ACCOUNTS = Sandbox.ACCOUNTS;
    private static final String GERMANY = "A1PA6795UKMFR9";
    private static final String JAPAN = "A1VC38T7YXB528";
    private static final String NA_ACCOUNT = InvitationsApi.ACCOUNT;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void healthyAgain() {
        given().delete("/sandbox/eu/lwa/refusal").then().statusCode(200);
        Sandbox.healthyAgain();
    }

    @Test
    void oneFacadeListsTheAccountsOfAllThreeRegionsEachWithItsRegion() {
        String eu = Sandbox.newAccountIn("eu", GERMANY);
        String fe = Sandbox.newAccountIn("fe", JAPAN);
        long euListings = Sandbox.requestsIn("eu", ACCOUNTS);
        long feListings = Sandbox.requestsIn("fe", ACCOUNTS);

        AccountList list = Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer").get("/v1/accounts")
                .then().statusCode(200).extract().as(AccountList.class);

        Map<String, Account> byId = new HashMap<>();
        list.getAccounts().forEach(account -> byId.put(account.getAccountId(), account));
        assertThat(byId.get(NA_ACCOUNT)).returns(io.amcfacade.api.model.Region.NA, Account::getRegion)
                .returns(true, Account::getAvailable);
        assertThat(byId.get(eu)).returns(io.amcfacade.api.model.Region.EU, Account::getRegion)
                .returns(GERMANY, Account::getMarketplaceId);
        assertThat(byId.get(fe)).returns(io.amcfacade.api.model.Region.FE, Account::getRegion);
        assertThat(list.getRegions()).extracting(RegionStatus::getRegion).containsExactly(
                io.amcfacade.api.model.Region.NA, io.amcfacade.api.model.Region.EU, io.amcfacade.api.model.Region.FE);
        assertThat(list.getRegions()).allSatisfy(region -> assertThat(region.getAvailable()).isTrue());
        // Each region listed on its own host.
        assertThat(Sandbox.requestsIn("eu", ACCOUNTS)).isGreaterThan(euListings);
        assertThat(Sandbox.requestsIn("fe", ACCOUNTS)).isGreaterThan(feListings);
    }

    @Test
    void everyCallForAnEuAccountGoesToTheEuHostOnlyAndItsRegionIsKept() throws Exception {
        String eu = Sandbox.newAccountIn("eu", GERMANY);
        String subject = Callers.uniqueSubject("admin");
        String admin = Callers.token(subject, "amc-admin");
        Map<String, Long> naBefore = Sandbox.requestsIn("na");
        Map<String, Long> feBefore = Sandbox.requestsIn("fe");
        Map<String, Long> euBefore = Sandbox.requestsIn("eu");

        // The facade has never seen the account: it looks it up by listing every region, then sends it to EU.
        invite(admin, eu).statusCode(200).body("results[0].status", equalTo("CREATED"));
        given().auth().oauth2(admin).get("/v1/accounts/{a}/invitations", eu).then().statusCode(200);
        given().auth().oauth2(admin).get("/v1/accounts/{a}/users", eu).then().statusCode(200);
        given().auth().oauth2(admin).get("/v1/accounts/{a}/instances", eu).then().statusCode(200);

        assertThat(withoutTokens(changed(naBefore, Sandbox.requestsIn("na"))))
                .as("North America's host saw only the look-up").containsOnlyKeys(ACCOUNTS);
        assertThat(withoutTokens(changed(feBefore, Sandbox.requestsIn("fe"))))
                .as("the Far East's host saw only the look-up").containsOnlyKeys(ACCOUNTS);
        Map<String, Long> atEu = withoutTokens(changed(euBefore, Sandbox.requestsIn("eu")));
        assertThat(atEu).containsEntry("POST /user-invitations", 1L).containsKeys("POST /user-invitations/list",
                "POST /users/list", "GET /amc/instances");
        assertThat(regionStored(eu)).isEqualTo("eu");
        // The trail names the region each action was sent to (inside the record's hash: RecordChecks verify it).
        assertThat(AuditTrail.eventsOf(subject)).hasSize(4).allSatisfy(event -> assertThat(event.getUpstream().getRegion())
                .isEqualTo(io.amcfacade.api.model.Region.EU));

        // Known now: the next calls cost no look-up anywhere, and reach EU only.
        naBefore = Sandbox.requestsIn("na");
        feBefore = Sandbox.requestsIn("fe");
        euBefore = Sandbox.requestsIn("eu");
        given().auth().oauth2(admin).get("/v1/accounts/{a}/invitations", eu).then().statusCode(200);
        given().auth().oauth2(admin).get("/v1/accounts/{a}/users", eu).then().statusCode(200);
        assertThat(changed(naBefore, Sandbox.requestsIn("na"))).isEmpty();
        assertThat(changed(feBefore, Sandbox.requestsIn("fe"))).isEmpty();
        assertThat(changed(euBefore, Sandbox.requestsIn("eu"))).containsOnlyKeys("POST /user-invitations/list",
                "POST /users/list", "POST /userRoles/list");
    }

    @Test
    void theTrailIsReadByRegionInTheApiTheExportAndTheConsole() {
        String eu = Sandbox.newAccountIn("eu", GERMANY);
        String subject = Callers.uniqueSubject("regional");
        String admin = Callers.token(subject, "amc-admin");
        given().auth().oauth2(admin).get("/v1/accounts/{a}/users", eu).then().statusCode(200);
        given().auth().oauth2(admin).get("/v1/accounts/{a}/invitations", eu).then().statusCode(200);
        given().auth().oauth2(admin).get("/v1/accounts/{a}/users", NA_ACCOUNT).then().statusCode(200);
        String auditor = Callers.token(Callers.uniqueSubject("auditor"), "auditor");

        assertThat(regionalEvents(auditor, subject, "eu")).containsExactlyInAnyOrder("INVITATIONS_LIST eu", "USERS_LIST eu");
        assertThat(regionalEvents(auditor, subject, "na")).containsExactly("USERS_LIST na");
        assertThat(regionalEvents(auditor, subject, "fe")).isEmpty();
        given().auth().oauth2(auditor).queryParam("region", "us").get("/v1/audit/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("region"));

        String csv = given().auth().oauth2(auditor).queryParam("format", "csv").queryParam("actor", subject)
                .queryParam("region", "eu").get("/v1/audit/export").then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().filter(line -> !line.startsWith("#")).toList();
        List<String> header = List.of(lines.get(0).split(","));
        int region = header.indexOf("upstreamRegion");
        assertThat(region).as("the export has the region's column").isNotNegative();
        assertThat(lines.subList(1, lines.size())).hasSize(2)
                .allSatisfy(line -> assertThat(line.split(",", -1)[region]).isEqualTo("eu"));

        Map<String, String> session = io.amcfacade.console.ConsoleSignInTest.signIn(Callers.uniqueSubject("ada"), "auditor");
        String page = given().cookies(session).queryParam("actor", subject).queryParam("region", "na")
                .get("/console/activity").then().statusCode(200).extract().asString();
        assertThat(page).contains("<option value=\"na\" selected>na</option>").contains("USERS_LIST")
                .doesNotContain("INVITATIONS_LIST");
        given().cookies(session).queryParam("region", "mars").get("/console/activity").then().statusCode(400);
    }

    /** The actor's events the trail selects for {@code region}, as "ACTION region". */
    private static List<String> regionalEvents(String auditor, String actor, String region) {
        return given().auth().oauth2(auditor).queryParam("actor", actor).queryParam("region", region)
                .get("/v1/audit/events").then().statusCode(200).extract().as(io.amcfacade.api.model.AuditEventPage.class)
                .getEvents().stream().map(e -> e.getAction() + " " + e.getUpstream().getRegion()).toList();
    }

    @Test
    void aRegionAnotherReplicaLearnedIsUsedWithoutAListing() throws Exception {
        String fe = Sandbox.newAccountIn("fe", JAPAN);
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO account_regions (account_id, region, account_name, marketplace_id, learned_at) "
                        + "VALUES (?, 'fe', 'Learned elsewhere', ?, now())")) {
            insert.setString(1, fe);
            insert.setString(2, JAPAN);
            insert.executeUpdate();
        }
        long listings = Sandbox.requestsIn("na", ACCOUNTS) + Sandbox.requestsIn("eu", ACCOUNTS)
                + Sandbox.requestsIn("fe", ACCOUNTS);
        long feLists = Sandbox.requestsIn("fe", "POST /user-invitations/list");

        given().auth().oauth2(Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer"))
                .get("/v1/accounts/{a}/invitations", fe).then().statusCode(200);

        assertThat(Sandbox.requestsIn("na", ACCOUNTS) + Sandbox.requestsIn("eu", ACCOUNTS)
                + Sandbox.requestsIn("fe", ACCOUNTS)).isEqualTo(listings);
        assertThat(Sandbox.requestsIn("fe", "POST /user-invitations/list")).isEqualTo(feLists + 1);
    }

    @Test
    void anAccountNoRegionListsIsNotFoundAndNothingIsSentForIt() throws Exception {
        Map<String, Long> naBefore = Sandbox.requestsIn("na");

        given().auth().oauth2(Callers.token(Callers.uniqueSubject("admin"), "amc-admin"))
                .get("/v1/accounts/{a}/invitations", "ENTITYNOWHERE000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("ACCOUNT_NOT_FOUND"))
                .body("detail", containsString("ENTITYNOWHERE000"))
                .body("detail", containsString("na, eu, fe"));

        assertThat(withoutTokens(changed(naBefore, Sandbox.requestsIn("na")))).as("only the look-up, no call for the account").containsOnlyKeys(ACCOUNTS);
        assertThat(regionStored("ENTITYNOWHERE000")).isNull();
    }

    @Test
    void aWrongAccountIdRepeatedCostsTheListingsOnceAndAnAccountListedLaterIsFoundAtOnce() {
        String admin = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String wrong = "ENTITYREPEATED" + System.nanoTime() % 100;
        given().auth().oauth2(admin).get("/v1/accounts/{a}/invitations", wrong).then().statusCode(404)
                .body("code", equalTo("ACCOUNT_NOT_FOUND"));
        long listings = Sandbox.requestsIn("na", ACCOUNTS) + Sandbox.requestsIn("eu", ACCOUNTS)
                + Sandbox.requestsIn("fe", ACCOUNTS);

        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(admin).get("/v1/accounts/{a}/invitations", wrong).then().statusCode(404)
                    .contentType("application/problem+json").body("code", equalTo("ACCOUNT_NOT_FOUND"))
                    .body("detail", containsString(wrong));
        }
        assertThat(Sandbox.requestsIn("na", ACCOUNTS) + Sandbox.requestsIn("eu", ACCOUNTS)
                + Sandbox.requestsIn("fe", ACCOUNTS)).as("no region listed again for the same wrong id").isEqualTo(listings);

        // An account created afterwards is seen as soon as the accounts are listed, mark or not.
        String created = Sandbox.newAccountIn("eu", GERMANY);
        given().auth().oauth2(admin).get("/v1/accounts").then().statusCode(200);
        given().auth().oauth2(admin).get("/v1/accounts/{a}/invitations", created).then().statusCode(200);
    }

    @Test
    void anEuTokenFailureLeavesNorthAmericaUnaffectedAndShowsInTheList() {
        String eu = Sandbox.newAccountIn("eu", GERMANY);
        String viewer = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
        given().auth().oauth2(viewer).get("/v1/accounts/{a}/invitations", eu).then().statusCode(200);
        long naTokenCalls = Sandbox.requestsIn("na", Sandbox.LWA_TOKEN);

        // Europe's Login with Amazon refuses the identity from now on, and Europe's current token dies.
        given().put("/sandbox/eu/lwa/refusal").then().statusCode(200);
        given().post("/sandbox/eu/lwa/expire-tokens").then().statusCode(200);

        given().auth().oauth2(viewer).get("/v1/accounts/{a}/invitations", eu)
                .then().statusCode(502).body("code", equalTo("UPSTREAM_CREDENTIALS"))
                .body("detail", containsString("region eu"));
        given().auth().oauth2(viewer).get("/v1/accounts/{a}/invitations", NA_ACCOUNT).then().statusCode(200);
        given().auth().oauth2(viewer).get("/v1/accounts/{a}/users", NA_ACCOUNT).then().statusCode(200);
        assertThat(Sandbox.requestsIn("na", Sandbox.LWA_TOKEN)).as("North America needed no new token")
                .isEqualTo(naTokenCalls);

        AccountList list = given().auth().oauth2(viewer).get("/v1/accounts").then().statusCode(200)
                .extract().as(AccountList.class);
        RegionStatus euStatus = list.getRegions().get(1);
        assertThat(euStatus.getRegion()).isEqualTo(io.amcfacade.api.model.Region.EU);
        assertThat(euStatus.getAvailable()).isFalse();
        assertThat(euStatus.getProblem().getCode()).isEqualTo("UPSTREAM_CREDENTIALS");
        assertThat(list.getRegions().get(0).getAvailable()).isTrue();
        assertThat(list.getAccounts()).filteredOn(account -> account.getAccountId().equals(eu)).singleElement()
                .returns(false, Account::getAvailable).returns(io.amcfacade.api.model.Region.EU, Account::getRegion);
        assertThat(list.getAccounts()).filteredOn(account -> account.getAccountId().equals(NA_ACCOUNT)).singleElement()
                .returns(true, Account::getAvailable);
    }

    @Test
    void euThrottlingLeavesNorthAmericaUnaffected() throws Exception {
        String eu = Sandbox.newAccountIn("eu", GERMANY);
        String viewer = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
        given().auth().oauth2(viewer).get("/v1/accounts/{a}/invitations", eu).then().statusCode(200);
        long naThrottled = Sandbox.throttledIn("na", "POST /user-invitations/list");
        Sandbox.faultsIn("eu", Faults.throttle(1.0).retryAfter(1));

        // Europe is throttled for the whole of this request's deadline, while North America is asked meanwhile.
        CompletableFuture<Integer> euCall = CompletableFuture.supplyAsync(() -> given().auth().oauth2(viewer)
                .get("/v1/accounts/{a}/invitations", eu).then().extract().statusCode());
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            given().auth().oauth2(viewer).get("/v1/accounts/{a}/invitations", NA_ACCOUNT).then().statusCode(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("a North America call")
                    .isLessThan(1500);
        }
        assertThat(euCall.get(30, TimeUnit.SECONDS)).isIn(429, 503);

        assertThat(Sandbox.throttledIn("eu", "POST /user-invitations/list")).isPositive();
        assertThat(Sandbox.throttledIn("na", "POST /user-invitations/list")).isEqualTo(naThrottled);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(Metrics.sum(metrics, "amc_ratelimit_outbound_share", "group=\"invitations\",region=\"eu\""))
                .as("Europe's share of its own budget fell").isLessThan(1.0);
    }

    @Test
    void aRegionThrottledForTheWholeDeadlineDoesNotCostTheOthersTheirPlaceInTheList() {
        String fe = Sandbox.newAccountIn("fe", JAPAN);
        Sandbox.faultsIn("eu", Faults.throttle(1.0).retryAfter(1));

        // Europe is listed beside the others, not before the Far East: its wait does not spend the Far East's deadline.
        AccountList list = Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer").get("/v1/accounts")
                .then().statusCode(200).extract().as(AccountList.class);

        assertThat(list.getRegions()).extracting(RegionStatus::getAvailable).containsExactly(true, false, true);
        assertThat(list.getAccounts()).filteredOn(account -> account.getAccountId().equals(fe)).singleElement()
                .returns(true, Account::getAvailable);
    }

    @Test
    void anEuOutageOpensOnlyEuropesBreaker() {
        String eu = Sandbox.newAccountIn("eu", GERMANY);
        String viewer = Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer");
        given().auth().oauth2(viewer).get("/v1/accounts/{a}/invitations", eu).then().statusCode(200);
        Sandbox.faultsIn("eu", Faults.errors(1.0, 503));

        String code = null;
        for (int i = 0; i < 20 && !"UPSTREAM_CIRCUIT_OPEN".equals(code); i++) {
            code = given().auth().oauth2(viewer).get("/v1/accounts/{a}/invitations", eu).then().extract().path("code");
        }
        assertThat(code).isEqualTo("UPSTREAM_CIRCUIT_OPEN");

        given().auth().oauth2(viewer).get("/v1/accounts/{a}/invitations", NA_ACCOUNT).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'amc-upstream' }.data.'circuitBreaker.eu'", equalTo("open"))
                .body("checks.find { it.name == 'amc-upstream' }.data.'circuitBreaker.na'", equalTo("closed"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(Metrics.sum(metrics, "amc_upstream_requests_seconds_count", "region=\"eu\""))
                .as("upstream metrics carry the region").isPositive();
    }

    @Test
    void theReconcilersPassCoversEveryRegionEachOnItsOwnHost() {
        String fe = Sandbox.newAccountIn("fe", JAPAN);
        String email = InvitationsApi.uniqueEmail("fe-console");
        AccessApi.consoleAddUser(fe, email, "viewer");
        long feUserLists = Sandbox.requestsIn("fe", "POST /users/list");

        // A whole pass, as the schedule runs it: the Far East account is found by listing the Far East's host.
        Callers.as(Callers.uniqueSubject("auditor"), "auditor").post("/v1/access/reconciliations")
                .then().statusCode(200);

        assertThat(AccessApi.grants(fe, null).getGrants()).extracting(AccessGrant::getEmailAddress)
                .contains(email, "admin@" + fe.toLowerCase(java.util.Locale.ROOT) + ".example");
        assertThat(Sandbox.requestsIn("fe", "POST /users/list")).isGreaterThan(feUserLists);
    }

    private static io.restassured.response.ValidatableResponse invite(String token, String accountId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("invitations", List.of(InvitationsApi.invitee(InvitationsApi.uniqueEmail("eu"), "viewer")),
                        "notifyInvitedUsers", false))
                .post("/v1/accounts/{account}/invitations", accountId).then();
    }

    /** Calls to AMC itself: a token refresh from the region's Login with Amazon endpoint is not one. */
    private static Map<String, Long> withoutTokens(Map<String, Long> changed) {
        changed.remove(Sandbox.LWA_TOKEN);
        return changed;
    }

    /** The endpoints whose request count changed, with by how much. */
    private static Map<String, Long> changed(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> changed = new HashMap<>();
        after.forEach((endpoint, count) -> {
            long delta = count - before.getOrDefault(endpoint, 0L);
            if (delta != 0) {
                changed.put(endpoint, delta);
            }
        });
        return changed;
    }

    private String regionStored(String accountId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT region FROM account_regions WHERE account_id = ?")) {
            select.setString(1, accountId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
