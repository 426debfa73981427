package io.amcfacade.manageraccounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditTarget;
import io.amcfacade.api.model.LinkedAccount;
import io.amcfacade.api.model.ManagerAccount;
import io.amcfacade.api.model.ManagerAccountLinkResult;
import io.amcfacade.api.model.ManagerAccountLinkStatus;
import io.amcfacade.api.model.ManagerAccountLinksResult;
import io.amcfacade.api.model.ManagerAccountList;
import io.amcfacade.api.model.Region;
import io.amcfacade.api.model.RegionStatus;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.Faults;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Manager accounts through the facade, against the sandbox in its three regions (the same profile as RegionsTest):
 * every region's manager accounts with their linked accounts, a region that fails shown as such, linking and
 * unlinking on the manager account's own region's host only, a result per account, and the trail carrying each
 * account's result, the region, and every refusal.
 */
@QuarkusTest
class ManagerAccountsTest {

    private static final String LIST = "GET /managerAccounts";
    private static final String LINK = "POST /managerAccounts/{id}/associate";
    private static final String UNLINK = "POST /managerAccounts/{id}/disassociate";
    private static final String US = "ATVPDKIKX0DER";
    private static final String GERMANY = "A1PA6795UKMFR9";
    private static final String JAPAN = "A1VC38T7YXB528";

    /**
     * The first look-up of an unseen manager account fetches three regions' tokens and lists the three regions within
     * one request deadline (5 s on this profile); on a cold JVM on the shared 2-core host the first use of the three
     * regions' clients took longer (DEADLINE_EXCEEDED, when the regions were still listed one after the other), so
     * the regions are listed once before the first test: the tests are about what the facade sends, not start-up.
     */
    private static boolean warm;

    @BeforeEach
    void regionsListedOnce() {
        if (warm) {
            return;
        }
        warm = true;
        Callers.as(Callers.uniqueSubject("warm-up"), "amc-viewer").get("/v1/manager-accounts").then().statusCode(200);
    }

    @AfterEach
    void healthyAgain() {
        Sandbox.healthyAgain();
    }

    @Test
    void theListShowsEveryRegionsManagerAccountsWithTheirLinkedAccounts() {
        String naAccount = Sandbox.newAccountIn("na", US);
        String euAccount = Sandbox.newAccountIn("eu", GERMANY);
        String feAccount = Sandbox.newAccountIn("fe", JAPAN);
        String na = managerAccountIn("na", "Agency NA");
        String eu = managerAccountIn("eu", "Agency EU");
        String fe = managerAccountIn("fe", "Agency FE");
        linkBehindTheFacade("na", na, naAccount);
        linkBehindTheFacade("eu", eu, euAccount);
        linkBehindTheFacade("fe", fe, feAccount);
        String viewer = Callers.uniqueSubject("viewer");

        ManagerAccountList list = Callers.as(viewer, "amc-viewer").get("/v1/manager-accounts")
                .then().statusCode(200).extract().as(ManagerAccountList.class);

        assertThat(list.getRegions()).extracting(RegionStatus::getRegion).containsExactly(Region.NA, Region.EU, Region.FE);
        assertThat(list.getRegions()).allSatisfy(r -> assertThat(r.getAvailable()).isTrue());
        assertThat(find(list, na)).returns(Region.NA, ManagerAccount::getRegion).returns("Agency NA",
                ManagerAccount::getManagerAccountName).returns(true, ManagerAccount::getAvailable);
        assertThat(find(list, eu).getRegion()).isEqualTo(Region.EU);
        assertThat(find(list, fe).getRegion()).isEqualTo(Region.FE);
        LinkedAccount linked = find(list, eu).getLinkedAccounts().get(0);
        assertThat(linked).returns(euAccount, LinkedAccount::getAccountId).returns("MARKETING_CLOUD",
                LinkedAccount::getAccountType).returns(GERMANY, LinkedAccount::getMarketplaceId);
        assertThat(find(list, fe).getLinkedAccounts()).extracting(LinkedAccount::getAccountId).containsExactly(feAccount);

        ManagerAccountList euOnly = Callers.as(viewer, "amc-viewer").queryParam("region", "eu").get("/v1/manager-accounts")
                .then().statusCode(200).extract().as(ManagerAccountList.class);
        assertThat(euOnly.getRegions()).extracting(RegionStatus::getRegion).containsExactly(Region.EU);
        assertThat(euOnly.getManagerAccounts()).extracting(ManagerAccount::getRegion).containsOnly(Region.EU);
        assertThat(euOnly.getManagerAccounts()).extracting(ManagerAccount::getManagerAccountId).contains(eu)
                .doesNotContain(na, fe);

        ManagerAccount one = Callers.as(viewer, "amc-viewer").get("/v1/manager-accounts/{id}", fe)
                .then().statusCode(200).extract().as(ManagerAccount.class);
        assertThat(one.getLinkedAccounts()).extracting(LinkedAccount::getAccountId).containsExactly(feAccount);

        List<AuditEvent> events = AuditTrail.eventsOf(viewer);
        assertThat(events).extracting(AuditEvent::getAction).containsExactly("MANAGER_ACCOUNT_GET",
                "MANAGER_ACCOUNTS_LIST", "MANAGER_ACCOUNTS_LIST");
        assertThat(events.get(0).getTargets()).extracting(AuditTarget::getKind, AuditTarget::getId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MANAGER_ACCOUNT", fe));
        assertThat(events.get(0).getUpstream().getRegion()).isEqualTo(Region.FE);
    }

    @Test
    void aRegionThatFailsIsShownUnavailableWithWhatItListedLastInsteadOfFailingTheList() {
        String fe = managerAccountIn("fe", "Agency FE down");
        String viewer = Callers.uniqueSubject("viewer");
        Callers.as(viewer, "amc-viewer").get("/v1/manager-accounts").then().statusCode(200);
        Sandbox.faultsIn("fe", Faults.errors(1.0, 500).on(LIST));

        ManagerAccountList list = Callers.as(viewer, "amc-viewer").get("/v1/manager-accounts")
                .then().statusCode(200).extract().as(ManagerAccountList.class);

        RegionStatus feStatus = list.getRegions().get(2);
        assertThat(feStatus.getRegion()).isEqualTo(Region.FE);
        assertThat(feStatus.getAvailable()).isFalse();
        assertThat(feStatus.getProblem().getCode()).startsWith("UPSTREAM_");
        assertThat(list.getRegions().subList(0, 2)).allSatisfy(r -> assertThat(r.getAvailable()).isTrue());
        assertThat(find(list, fe)).returns(false, ManagerAccount::getAvailable).returns(Region.FE, ManagerAccount::getRegion);

        // One region asked for, and it fails: its problem is the answer.
        Callers.as(viewer, "amc-viewer").queryParam("region", "fe").get("/v1/manager-accounts").then()
                .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(500))
                .body("code", org.hamcrest.Matchers.startsWith("UPSTREAM_"));
    }

    @Test
    void aRegionSlowerThanTheDeadlineLeavesTheOtherRegionsListed() {
        String eu = managerAccountIn("eu", "Agency EU beside a slow region");
        Sandbox.faultsIn("na", Faults.latency(8000).on(LIST));

        ManagerAccountList list = Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer").get("/v1/manager-accounts")
                .then().statusCode(200).extract().as(ManagerAccountList.class);

        // Listed one after the other, North America took the whole deadline, Europe and the Far East ran out of it
        // before they were asked, and the whole list was a 504.
        assertThat(list.getRegions()).extracting(RegionStatus::getRegion, RegionStatus::getAvailable).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Region.NA, false), org.assertj.core.groups.Tuple.tuple(Region.EU, true),
                org.assertj.core.groups.Tuple.tuple(Region.FE, true));
        assertThat(find(list, eu).getAvailable()).isTrue();
    }

    @Test
    void anEuManagerAccountsLinkGoesToTheEuHostOnlyAndTheSandboxShowsTheLink() {
        String account = Sandbox.newAccountIn("eu", GERMANY);
        String eu = managerAccountIn("eu", "Agency EU link");
        String admin = Callers.uniqueSubject("admin");
        Callers.as(admin, "amc-admin").get("/v1/manager-accounts").then().statusCode(200); // learns its region
        Map<String, Long> naBefore = Sandbox.requestsIn("na");
        Map<String, Long> feBefore = Sandbox.requestsIn("fe");
        Map<String, Long> euBefore = Sandbox.requestsIn("eu");

        ManagerAccountLinksResult result = link(admin, eu, List.of(account)).statusCode(200)
                .extract().as(ManagerAccountLinksResult.class);

        assertThat(result).returns(eu, ManagerAccountLinksResult::getManagerAccountId)
                .returns(Region.EU, ManagerAccountLinksResult::getRegion).returns(1, ManagerAccountLinksResult::getSucceeded)
                .returns(0, ManagerAccountLinksResult::getFailed);
        assertThat(result.getResults()).extracting(ManagerAccountLinkResult::getAccountId, ManagerAccountLinkResult::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(account, ManagerAccountLinkStatus.LINKED));
        given().get("/sandbox/eu/manager-accounts/{id}", eu).then().statusCode(200)
                .body("linkedAccountIds", hasItem(account));
        assertThat(changed(naBefore, Sandbox.requestsIn("na"))).isEmpty();
        assertThat(changed(feBefore, Sandbox.requestsIn("fe"))).isEmpty();
        assertThat(withoutTokens(changed(euBefore, Sandbox.requestsIn("eu")))).containsEntry(LINK, 1L)
                .containsEntry(LIST, 1L).hasSize(2);

        AuditEvent event = AuditTrail.eventsOf(admin).get(0);
        assertThat(event.getAction()).isEqualTo("MANAGER_ACCOUNT_LINK");
        assertThat(event.getOutcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(event.getUpstream().getRegion()).isEqualTo(Region.EU);
        assertThat(event.getRequestSummary()).contains("\"region\":\"eu\"").contains(account);
        assertThat(event.getTargets()).extracting(AuditTarget::getKind, AuditTarget::getId, AuditTarget::getOutcome)
                .contains(org.assertj.core.groups.Tuple.tuple("MANAGER_ACCOUNT", eu, null),
                        org.assertj.core.groups.Tuple.tuple("ACCOUNT", account, "CREATED"));

        // "Who linked this AMC account to a manager account?" finds it by the account's id.
        assertThat(Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("targetId", account)
                .queryParam("action", "MANAGER_ACCOUNT_LINK").get("/v1/audit/events").then().statusCode(200)
                .extract().jsonPath().getList("events.eventId", String.class)).containsExactly(event.getEventId().toString());

        // Unlinked again the same way: the trail says REMOVED, the sandbox no longer holds the link.
        ManagerAccountLinksResult unlinked = given().auth().oauth2(Callers.token(admin, "amc-admin"))
                .contentType(ContentType.JSON).body(Map.of("accountIds", List.of(account)))
                .post("/v1/manager-accounts/{id}/unlink", eu).then().statusCode(200)
                .extract().as(ManagerAccountLinksResult.class);
        assertThat(unlinked.getResults().get(0).getStatus()).isEqualTo(ManagerAccountLinkStatus.UNLINKED);
        given().get("/sandbox/eu/manager-accounts/{id}", eu).then().statusCode(200)
                .body("linkedAccountIds", org.hamcrest.Matchers.not(hasItem(account)));
        AuditEvent unlink = AuditTrail.eventsOf(admin).get(0);
        assertThat(unlink.getAction()).isEqualTo("MANAGER_ACCOUNT_UNLINK");
        assertThat(unlink.getTargets()).extracting(AuditTarget::getId, AuditTarget::getOutcome)
                .contains(org.assertj.core.groups.Tuple.tuple(account, "REMOVED"));
    }

    @Test
    void aMixOfAccountsGetsAResultEachAndTheTrailCarriesThemAll() {
        String linkedBefore = Sandbox.newAccountIn("eu", GERMANY);
        String fresh = Sandbox.newAccountIn("eu", GERMANY);
        String american = Sandbox.newAccountIn("na", US);
        String eu = managerAccountIn("eu", "Agency EU mix");
        linkBehindTheFacade("eu", eu, linkedBefore);
        String admin = Callers.uniqueSubject("admin");
        long links = Sandbox.requestsIn("eu", LINK);

        // The facade has not seen this manager account: it is looked up by listing the regions, not guessed.
        ManagerAccountLinksResult result = link(admin, eu, List.of(fresh, linkedBefore, american, "ENTITYNOSUCHACCOUNT"))
                .statusCode(200).extract().as(ManagerAccountLinksResult.class);

        assertThat(result.getSucceeded()).isEqualTo(2);
        assertThat(result.getFailed()).isEqualTo(2);
        assertThat(result.getResults()).extracting(ManagerAccountLinkResult::getAccountId,
                ManagerAccountLinkResult::getStatus).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(fresh, ManagerAccountLinkStatus.LINKED),
                        org.assertj.core.groups.Tuple.tuple(linkedBefore, ManagerAccountLinkStatus.ALREADY_LINKED),
                        org.assertj.core.groups.Tuple.tuple(american, ManagerAccountLinkStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple("ENTITYNOSUCHACCOUNT", ManagerAccountLinkStatus.FAILED));
        // Amazon's own code and message for the account of another region.
        assertThat(result.getResults().get(2).getError().getCode()).isEqualTo("BAD_REQUEST");
        assertThat(result.getResults().get(2).getError().getMessage()).contains(american);
        // One call, without the account already linked.
        assertThat(Sandbox.requestsIn("eu", LINK)).isEqualTo(links + 1);

        AuditEvent event = AuditTrail.eventsOf(admin).get(0);
        assertThat(event.getOutcome()).isEqualTo(AuditOutcome.PARTIAL);
        assertThat(event.getUpstream().getRegion()).isEqualTo(Region.EU);
        assertThat(event.getTargets().stream().filter(t -> "ACCOUNT".equals(t.getKind()) && t.getOutcome() != null))
                .extracting(AuditTarget::getId, AuditTarget::getOutcome, AuditTarget::getErrorCode).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(fresh, "CREATED", null),
                        org.assertj.core.groups.Tuple.tuple(linkedBefore, "UNCHANGED", null),
                        org.assertj.core.groups.Tuple.tuple(american, "FAILED", "BAD_REQUEST"),
                        org.assertj.core.groups.Tuple.tuple("ENTITYNOSUCHACCOUNT", "FAILED", "BAD_REQUEST"));

        // Unlinking one that is linked and one that is not: the latter is not sent.
        long unlinks = Sandbox.requestsIn("eu", UNLINK);
        given().auth().oauth2(Callers.token(admin, "amc-admin")).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(fresh, american))).post("/v1/manager-accounts/{id}/unlink", eu)
                .then().statusCode(200).body("results[0].status", equalTo("UNLINKED"))
                .body("results[1].status", equalTo("NOT_LINKED")).body("succeeded", equalTo(2));
        assertThat(Sandbox.requestsIn("eu", UNLINK)).isEqualTo(unlinks + 1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsAnsweredAsBeforeWithoutLinkingAgain() {
        String account = Sandbox.newAccountIn("eu", GERMANY);
        String eu = managerAccountIn("eu", "Agency EU retry");
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        long links = Sandbox.requestsIn("eu", LINK);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).header("Idempotency-Key", "link-" + eu).contentType(ContentType.JSON)
                    .body(Map.of("accountIds", List.of(account))).post("/v1/manager-accounts/{id}/link", eu)
                    .then().statusCode(200).body("results[0].status", equalTo("LINKED"));
        }
        assertThat(Sandbox.requestsIn("eu", LINK)).isEqualTo(links + 1);
    }

    @Test
    void refusalsAreAnsweredAsProblemsNamingTheFieldAndAudited() {
        String account = Sandbox.newAccountIn("eu", GERMANY);
        String eu = managerAccountIn("eu", "Agency EU refusals");
        String admin = Callers.uniqueSubject("admin");
        long links = Sandbox.requestsIn("eu", LINK);

        link(admin, eu, IntStream.range(0, 21).mapToObj(i -> "ENTITY" + i).toList()).statusCode(400)
                .body("code", equalTo("INVALID_REQUEST")).body("errors.field", hasItem("accountIds"));
        link(admin, eu, List.of(account, account)).statusCode(400).body("errors[0].field", equalTo("accountIds[1]"));
        link(admin, "amzn1.ads-account.g.nosuch", List.of(account)).statusCode(404)
                .body("code", equalTo("MANAGER_ACCOUNT_NOT_FOUND")).body("errors[0].field", equalTo("managerAccountId"));
        String viewer = Callers.uniqueSubject("viewer");
        given().auth().oauth2(Callers.token(viewer, "amc-viewer")).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account))).post("/v1/manager-accounts/{id}/link", eu)
                .then().statusCode(403);
        assertThat(Sandbox.requestsIn("eu", LINK)).as("nothing refused was sent").isEqualTo(links);

        // Amazon fails the whole call: its problem is the answer, and the account's result in the trail is not "linked".
        Sandbox.faultsIn("eu", Faults.errors(1.0, 500).on(LINK).beforeProcessing());
        ValidatableResponse failed = link(admin, eu, List.of(account));
        failed.statusCode(502);
        given().get("/sandbox/eu/manager-accounts/{id}", eu).then().body("linkedAccountIds",
                org.hamcrest.Matchers.not(hasItem(account)));

        List<AuditEvent> events = AuditTrail.eventsOf(admin);
        assertThat(events).extracting(AuditEvent::getAction).containsOnly("MANAGER_ACCOUNT_LINK").hasSize(4);
        assertThat(events).extracting(AuditEvent::getHttpStatus).containsExactly(502, 404, 400, 400);
        assertThat(events.get(1).getErrorCode()).isEqualTo("MANAGER_ACCOUNT_NOT_FOUND");
        assertThat(events.get(1).getTargets()).extracting(AuditTarget::getKind).containsExactly("MANAGER_ACCOUNT");
        assertThat(events.get(2).getOutcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(events.get(0).getUpstream().getRegion()).isEqualTo(Region.EU);
        assertThat(events.get(0).getTargets().stream().filter(t -> account.equals(t.getId()) && t.getOutcome() != null))
                .extracting(AuditTarget::getOutcome).singleElement().isIn("FAILED", "UNKNOWN");
        assertThat(AuditTrail.eventsOf(viewer)).singleElement().returns(AuditOutcome.DENIED, AuditEvent::getOutcome)
                .returns("MANAGER_ACCOUNT_LINK", AuditEvent::getAction);
    }

    private static ValidatableResponse link(String subject, String managerAccountId, List<String> accountIds) {
        return given().auth().oauth2(Callers.token(subject, "amc-admin")).contentType(ContentType.JSON)
                .body(Map.of("accountIds", accountIds)).post("/v1/manager-accounts/{id}/link", managerAccountId).then();
    }

    private static ManagerAccount find(ManagerAccountList list, String managerAccountId) {
        return list.getManagerAccounts().stream().filter(m -> m.getManagerAccountId().equals(managerAccountId))
                .findFirst().orElseThrow(() -> new AssertionError("No manager account " + managerAccountId));
    }

    /** A manager account made in {@code region}, as Amazon's console would. */
    static String managerAccountIn(String region, String name) {
        return given().contentType(ContentType.JSON).body(Map.of("managerAccountName", name))
                .post(Sandbox.regionPath(region) + "/manager-accounts").then().statusCode(201)
                .extract().path("managerAccountId");
    }

    static void linkBehindTheFacade(String region, String managerAccountId, String accountId) {
        given().contentType(ContentType.JSON).body(Map.of("accountId", accountId))
                .post(Sandbox.regionPath(region) + "/manager-accounts/{id}/links", managerAccountId).then().statusCode(201);
    }

    private static Map<String, Long> changed(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> changed = new TreeMap<>();
        after.forEach((endpoint, count) -> {
            long delta = count - before.getOrDefault(endpoint, 0L);
            if (delta > 0) {
                changed.put(endpoint, delta);
            }
        });
        return changed;
    }

    private static Map<String, Long> withoutTokens(Map<String, Long> requests) {
        Map<String, Long> rest = new TreeMap<>(requests);
        rest.remove(Sandbox.LWA_TOKEN);
        return rest;
    }
}
