package io.amcfacade.sandbox.amc;

import static io.amcfacade.sandbox.amc.InvitationCalls.json;
import static io.amcfacade.sandbox.amc.InvitationCalls.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The simulated Manager Account API and the access scope of the user lists: manager accounts seen only on their own
 * region's host, links of up to 20 accounts answered 207 per account, and a user who reaches an account only through
 * a manager account listed as INDIRECT (and EFFECTIVE, ALL), never as DIRECT.
 */
@QuarkusTest
class SandboxManagerAccountsTest {

    private static final String LINK_TYPE = SandboxMediaTypes.LINK_ACCOUNTS;

    private String token;

    @BeforeEach
    void freshAccessToken() {
        token = InvitationCalls.lwaToken();
    }

    @Test
    void aManagerAccountIsListedOnlyOnItsOwnRegionsHostWithItsLinkedAmcAccounts() {
        String account = newAccount("eu");
        String managerAccount = newManagerAccount("eu", "Agency Europe");
        link(managerAccount, account);

        listManagerAccounts("eu").statusCode(200).contentType(SandboxMediaTypes.MANAGER_ACCOUNTS)
                .body("managerAccounts.find { it.managerAccountId == '" + managerAccount + "' }.managerAccountName",
                        equalTo("Agency Europe"))
                .body("managerAccounts.find { it.managerAccountId == '" + managerAccount + "' }.linkedAccounts",
                        contains(Map.of("accountId", account, "accountName", "Manager accounts test",
                                "accountType", "MARKETING_CLOUD", "marketplaceId", "A1PA6795UKMFR9")));
        listManagerAccounts("na").statusCode(200)
                .body("managerAccounts.managerAccountId", not(hasItem(managerAccount)));
        listManagerAccounts("fe").statusCode(200)
                .body("managerAccounts.managerAccountId", not(hasItem(managerAccount)));
    }

    @Test
    void theListingWithoutATokenIsRefusedWithoutABodyAsAmazonDeclaresNone() {
        given().header(InvitationCalls.CLIENT_ID_HEADER, "amzn1.application-oa2-client.sandbox")
                .get("/sandbox/managerAccounts").then().statusCode(401).body(emptyOrNullString());
    }

    @Test
    void linkingAnswers207WithEachAccountsResult() {
        String linkable = newAccount("eu");
        String alreadyLinked = newAccount("eu");
        String managerAccount = newManagerAccount("eu", "Agency");
        link(managerAccount, alreadyLinked);

        update("eu", managerAccount, "associate", List.of(account(linkable), account(alreadyLinked),
                account(InvitationCalls.ACME), Map.of("id", "123", "type", "DSP_ADVERTISER_ID")))
                .statusCode(207).contentType(SandboxMediaTypes.LINKED_ACCOUNTS)
                .body("succeedAccounts.id", contains(linkable))
                .body("failedAccounts.account.id", contains(alreadyLinked, InvitationCalls.ACME, "123"))
                .body("failedAccounts.error.code", contains("BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST"));
        listManagerAccounts("eu").statusCode(200)
                .body("managerAccounts.find { it.managerAccountId == '" + managerAccount + "' }.linkedAccounts.accountId",
                        containsInAnyOrder(alreadyLinked, linkable));

        update("eu", managerAccount, "disassociate", List.of(account(linkable), account(linkable)))
                .statusCode(207)
                .body("succeedAccounts.id", contains(linkable))
                .body("failedAccounts.account.id", contains(linkable));
        listManagerAccounts("eu").statusCode(200)
                .body("managerAccounts.find { it.managerAccountId == '" + managerAccount + "' }.linkedAccounts.accountId",
                        contains(alreadyLinked));
    }

    @Test
    void moreThanTwentyAccountsOrAnotherRegionsManagerAccountAreRefusedWhole() {
        String managerAccount = newManagerAccount("eu", "Agency");
        List<Map<String, Object>> twentyOne = IntStream.range(0, 21)
                .mapToObj(i -> account("ENTITYX" + i)).toList();
        update("eu", managerAccount, "associate", twentyOne).statusCode(400)
                .contentType(SandboxMediaTypes.LINKED_ACCOUNTS).body("code", equalTo("BAD_REQUEST"));
        update("na", managerAccount, "associate", List.of(account(InvitationCalls.ACME))).statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        InvitationCalls.as(token).contentType(ContentType.JSON).body(json(Map.of("accounts", List.of())))
                .post("/sandbox/eu/managerAccounts/{id}/associate", managerAccount).then().statusCode(415);
    }

    @Test
    void aUserReachingTheAccountOnlyThroughAManagerAccountIsIndirectNotDirect() {
        String account = newAccount("eu");
        String managerAccount = newManagerAccount("eu", "Agency");
        String email = uniqueEmail("agent");
        String userId = given().contentType(ContentType.JSON).body(json(Map.of("emailAddress", email, "role", "admin")))
                .post("/sandbox/eu/manager-accounts/{id}/users", managerAccount).then().statusCode(201)
                .body("role", equalTo("ADMIN")).extract().path("userId");
        String seedAdmin = SandboxState.seedAdminEmail(account);

        link(managerAccount, account);
        users(account, null).body("users.emailAddress", contains(seedAdmin));
        users(account, "DIRECT").body("users.emailAddress", contains(seedAdmin));
        users(account, "INDIRECT").body("users.emailAddress", contains(email));
        users(account, "EFFECTIVE").body("users.emailAddress", contains(seedAdmin, email));
        users(account, "ALL").body("users.emailAddress", contains(seedAdmin, email));

        permissions(account, userId, "DIRECT").statusCode(200).body("permissions", empty());
        permissions(account, userId, "INDIRECT").statusCode(200)
                .contentType(SandboxMediaTypes.LIST_USER_PERMISSIONS)
                .body("permissions", contains(Map.of("id", managerAccount, "resourceType", "MANAGER_ACCOUNT",
                        "accessLevel", "ADMIN", "countryCodes", List.of())));
        permissions(account, userId, "ALL").statusCode(200).body("permissions.id", contains(managerAccount));

        given().delete("/sandbox/manager-accounts/{id}/links/{account}", managerAccount, account).then().statusCode(200);
        users(account, "INDIRECT").body("users", empty());
        users(account, "ALL").body("users.emailAddress", contains(seedAdmin));
        permissions(account, userId, "ALL").statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aDirectUserHasTheAccountsOwnPermissionAndTheScopeMustNameExactlyOneValue() {
        String account = newAccount("eu");
        String seedAdminId = given().get("/sandbox/accounts/{id}/users", account).then().statusCode(200)
                .extract().path("users[0].userId");
        permissions(account, seedAdminId, "DIRECT").statusCode(200)
                .body("permissions", contains(Map.of("id", account, "resourceType", "AMC_ACCOUNT",
                        "accessLevel", "ADMIN", "countryCodes", List.of())));
        permissions(account, seedAdminId, "INDIRECT").statusCode(200).body("permissions", empty());
        InvitationCalls.asAdmin(token, account).contentType(UserCalls.LIST_USERS_TYPE)
                .body(json(Map.of("accessScopeFilter", Map.of("include", List.of("DIRECT", "INDIRECT")))))
                .post("/sandbox/eu/users/list").then().statusCode(400).body("code", equalTo("BAD_REQUEST"));
    }

    private ValidatableResponse listManagerAccounts(String region) {
        return InvitationCalls.as(token).accept(SandboxMediaTypes.MANAGER_ACCOUNTS)
                .get("/sandbox/" + region + "/managerAccounts").then();
    }

    private ValidatableResponse update(String region, String managerAccount, String action,
            List<Map<String, Object>> accounts) {
        return InvitationCalls.as(token).contentType(LINK_TYPE).accept(SandboxMediaTypes.LINKED_ACCOUNTS)
                .body(json(Map.of("accounts", accounts)))
                .post("/sandbox/" + region + "/managerAccounts/{id}/" + action, managerAccount).then();
    }

    private ValidatableResponse users(String account, String scope) {
        Map<String, Object> request = scope == null ? Map.of()
                : Map.of("accessScopeFilter", Map.of("include", List.of(scope)));
        return InvitationCalls.asAdmin(token, account).contentType(UserCalls.LIST_USERS_TYPE).body(json(request))
                .post("/sandbox/eu/users/list").then().statusCode(200);
    }

    private ValidatableResponse permissions(String account, String userId, String scope) {
        return InvitationCalls.asAdmin(token, account).contentType(SandboxMediaTypes.LIST_USER_PERMISSIONS)
                .body(json(Map.of("userId", userId, "accessScopeFilter", Map.of("include", List.of(scope)))))
                .post("/sandbox/eu/userPermissions/list").then();
    }

    private static Map<String, Object> account(String accountId) {
        return Map.of("id", accountId, "type", "ACCOUNT_ID");
    }

    private static String newAccount(String region) {
        return given().contentType(ContentType.JSON)
                .body("{\"accountName\":\"Manager accounts test\",\"marketplaceId\":\"A1PA6795UKMFR9\"}")
                .post("/sandbox/" + region + "/accounts").then().statusCode(201).extract().path("accountId");
    }

    private static String newManagerAccount(String region, String name) {
        return given().contentType(ContentType.JSON).body(json(Map.of("managerAccountName", name)))
                .post("/sandbox/" + region + "/manager-accounts").then().statusCode(201)
                .body("region", equalTo(region)).extract().path("managerAccountId");
    }

    private static void link(String managerAccount, String account) {
        given().contentType(ContentType.JSON).body(json(Map.of("accountId", account)))
                .post("/sandbox/manager-accounts/{id}/links", managerAccount).then().statusCode(201);
    }
}
