package io.amcfacade.upstream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.regions.Region;
import io.amcfacade.upstream.AmcManagerAccountWire.LinkResult;
import io.amcfacade.upstream.AmcManagerAccountWire.LinkedAccount;
import io.amcfacade.upstream.AmcManagerAccountWire.ManagerAccount;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The facade's upstream client for manager accounts and for how access is held, against the sandbox over real HTTP:
 * each region's manager accounts read on that region's host only, links and unlinks with their per-account results
 * sent to the manager account's host, through the same policies as every call (a 500 to a link is not sent again),
 * and the access scope sent on the user and permission listings. Every request and answer is also checked against
 * contract/upstream/amc.yaml.
 */
@QuarkusTest
class ManagerAccountsUpstreamTest {

    @Inject
    AmcManagerAccountsClient managerAccounts;
    @Inject
    AmcAccessClient access;

    @AfterEach
    void healthyEurope() {
        given().delete("/sandbox/eu/faults").then().statusCode(200);
    }

    @Test
    void eachRegionsManagerAccountsAreReadOnThatRegionsHostOnly() {
        String account = newAccount("eu");
        String managerAccount = newManagerAccount("eu");
        given().contentType(ContentType.JSON).body(Map.of("accountId", account))
                .post("/sandbox/manager-accounts/{id}/links", managerAccount).then().statusCode(201);
        long naBefore = requests("na", "GET /managerAccounts");
        long euBefore = requests("eu", "GET /managerAccounts");

        var listings = inRequest(() -> managerAccounts.listEverywhere());

        assertThat(listings).extracting(AmcManagerAccountsClient.RegionManagerAccounts::region)
                .containsExactly(Region.NA, Region.EU, Region.FE);
        assertThat(listings).allMatch(AmcManagerAccountsClient.RegionManagerAccounts::available);
        ManagerAccount europe = listings.get(1).managerAccounts().stream()
                .filter(m -> m.managerAccountId().equals(managerAccount)).findFirst().orElseThrow();
        assertThat(europe.linkedAccounts()).extracting(LinkedAccount::accountId, LinkedAccount::isAmcAccount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(account, true));
        assertThat(listings.get(0).managerAccounts()).noneMatch(m -> m.managerAccountId().equals(managerAccount));
        assertThat(listings.get(2).managerAccounts()).noneMatch(m -> m.managerAccountId().equals(managerAccount));
        assertThat(requests("na", "GET /managerAccounts")).isEqualTo(naBefore + 1);
        assertThat(requests("eu", "GET /managerAccounts")).isEqualTo(euBefore + 1);
    }

    @Test
    void linkingAndUnlinkingGoToTheManagerAccountsHostWithPerAccountResults() {
        String account = newAccount("eu");
        String managerAccount = newManagerAccount("eu");
        long naBefore = requests("na", "POST /managerAccounts/{id}/associate");

        LinkResult linked = inRequest(() -> managerAccounts.link(Region.EU, managerAccount,
                List.of(account, "ENTITY1ACMERETAIL0")));

        assertThat(linked.succeedAccounts()).extracting(AmcManagerAccountWire.AccountToUpdate::id).containsExactly(account);
        assertThat(linked.failedAccounts()).extracting(f -> f.account().id(), f -> f.error().code())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ENTITY1ACMERETAIL0", "BAD_REQUEST"));
        assertThat(linkedAccountIds(managerAccount)).containsExactly(account);
        assertThat(requests("na", "POST /managerAccounts/{id}/associate")).isEqualTo(naBefore);

        LinkResult unlinked = inRequest(() -> managerAccounts.unlink(Region.EU, managerAccount, List.of(account)));
        assertThat(unlinked.succeedAccounts()).extracting(AmcManagerAccountWire.AccountToUpdate::id).containsExactly(account);
        assertThat(unlinked.failedAccounts()).isEmpty();
        assertThat(linkedAccountIds(managerAccount)).isEmpty();
    }

    @Test
    void aLinkAnswered500IsNotSentAgainAndMoreThanTwentyAccountsAreNeverSent() {
        String account = newAccount("eu");
        String managerAccount = newManagerAccount("eu");
        given().contentType(ContentType.JSON).body(Map.of("errorRate", 1.0, "errorStatus", 500, "times", 1,
                "endpoints", List.of("POST /managerAccounts/{id}/associate")))
                .put("/sandbox/eu/faults").then().statusCode(200);
        long before = requests("eu", "POST /managerAccounts/{id}/associate");

        assertThatThrownBy(() -> inRequest(() -> managerAccounts.link(Region.EU, managerAccount, List.of(account))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().getCode()).isEqualTo("UPSTREAM_OUTCOME_UNKNOWN"));
        assertThat(requests("eu", "POST /managerAccounts/{id}/associate")).isEqualTo(before + 1);

        List<String> twentyOne = IntStream.range(0, 21).mapToObj(i -> account).toList();
        assertThatThrownBy(() -> inRequest(() -> managerAccounts.link(Region.EU, managerAccount, twentyOne)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(requests("eu", "POST /managerAccounts/{id}/associate")).isEqualTo(before + 1);
    }

    @Test
    void aUserReachingTheAccountThroughAManagerAccountIsReadAsIndirectWithTheManagerAccountsRole() {
        String account = newAccount("eu");
        String managerAccount = newManagerAccount("eu");
        String email = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String userId = given().contentType(ContentType.JSON).body(Map.of("emailAddress", email, "role", "EDITOR"))
                .post("/sandbox/manager-accounts/{id}/users", managerAccount).then().statusCode(201)
                .extract().path("userId");
        given().contentType(ContentType.JSON).body(Map.of("accountId", account))
                .post("/sandbox/manager-accounts/{id}/links", managerAccount).then().statusCode(201);

        assertThat(inRequest(() -> access.allUsers(account, AccessScope.DIRECT)))
                .extracting(AmcUserWire.User::userId).doesNotContain(userId);
        assertThat(inRequest(() -> access.allUsers(account, AccessScope.INDIRECT)))
                .extracting(AmcUserWire.User::userId).containsExactly(userId);
        assertThat(inRequest(() -> access.allUsers(account, AccessScope.EFFECTIVE)))
                .extracting(AmcUserWire.User::userId).contains(userId).hasSize(2);
        assertThat(inRequest(() -> access.permissions(account, userId, AccessScope.DIRECT))).isEmpty();
        assertThat(inRequest(() -> access.permissions(account, userId, AccessScope.ALL)))
                .extracting(AmcUserWire.Permission::id, AmcUserWire.Permission::resourceType,
                        AmcUserWire.Permission::accessLevel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(managerAccount, "MANAGER_ACCOUNT", "EDITOR"));

        given().delete("/sandbox/manager-accounts/{id}/links/{account}", managerAccount, account).then().statusCode(200);
        assertThat(inRequest(() -> access.allUsers(account, AccessScope.ALL)))
                .extracting(AmcUserWire.User::userId).doesNotContain(userId);
        assertThatThrownBy(() -> inRequest(() -> access.permissions(account, userId, AccessScope.ALL)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().getCode()).isEqualTo("USER_NOT_FOUND"));
    }

    /** The upstream caller keeps each call's deadline and exchange in the request context, as a resource has it. */
    private static <T> T inRequest(Supplier<T> call) {
        ManagedContext context = Arc.container().requestContext();
        if (context.isActive()) {
            return call.get();
        }
        context.activate();
        try {
            return call.get();
        } finally {
            context.terminate();
        }
    }

    private static List<String> linkedAccountIds(String managerAccount) {
        return given().get("/sandbox/manager-accounts/{id}", managerAccount).then().statusCode(200)
                .extract().path("linkedAccountIds");
    }

    private static long requests(String region, String endpoint) {
        Number value = given().get("/sandbox/" + region + "/stats").then().statusCode(200)
                .extract().path("endpoints.'" + endpoint + "'.requests");
        return value == null ? 0 : value.longValue();
    }

    private static String newAccount(String region) {
        return given().contentType(ContentType.JSON).body(Map.of("accountName", "Manager accounts upstream test"))
                .post("/sandbox/" + region + "/accounts").then().statusCode(201).extract().path("accountId");
    }

    private static String newManagerAccount(String region) {
        return given().contentType(ContentType.JSON).body(Map.of("managerAccountName", "Agency"))
                .post("/sandbox/" + region + "/manager-accounts").then().statusCode(201).extract().path("managerAccountId");
    }
}
