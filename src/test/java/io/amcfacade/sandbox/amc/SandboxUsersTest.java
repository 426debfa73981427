package io.amcfacade.sandbox.amc;

import static io.amcfacade.sandbox.amc.InvitationCalls.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The simulated user-permissions API: users from redeemed invitations, their roles, role changes, removals. */
@QuarkusTest
class SandboxUsersTest {

    private static final String ACME = InvitationCalls.ACME;

    private String token;

    @BeforeEach
    void freshAccessToken() {
        token = InvitationCalls.lwaToken();
    }

    @Test
    void aNewAccountIsListedWithItsSeedAdminAsItsOnlyUser() {
        UserCalls.Account account = UserCalls.newAccount();
        List<String> listed = new ArrayList<>();
        String nextToken = null;
        do {
            var request = InvitationCalls.as(token);
            if (nextToken != null) {
                request.queryParam("nextToken", nextToken);
            }
            var page = request.get("/sandbox/amc/accounts").then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("amcAccounts.accountId"));
            nextToken = page.getString("nextToken");
        } while (nextToken != null);

        assertThat(listed).contains(account.accountId());
        given().get("/sandbox/accounts/{id}/users", account.accountId()).then().statusCode(200)
                .body("users.emailAddress", contains(account.adminEmailAddress()))
                .body("users[0].role", equalTo("ADMIN"));
        assertThat(account.accountId()).matches("ENTITY[0-9A-Z]+");
    }

    @Test
    void redeemedInviteesAreListedPageByPageAfterTheSeedAdmin() {
        UserCalls.Account account = UserCalls.newAccount();
        String viewer = uniqueEmail("vera");
        String admin = uniqueEmail("adam");
        UserCalls.addUser(token, account.accountId(), viewer, "viewer");
        UserCalls.addUser(token, account.accountId(), admin, "admin");

        var first = UserCalls.listUsers(token, account.accountId(), Map.of("maxResults", 2)).statusCode(200)
                .header("x-amzn-RequestId", matchesPattern("[0-9A-F]{20}"))
                .body("users.emailAddress", contains(account.adminEmailAddress(), viewer))
                .body("users[1].userId", matchesPattern("amzn1\\.user\\.[0-9a-f]{32}"))
                .body("users[1].countryCodes", empty())
                .body("nextToken", notNullValue())
                .extract().jsonPath();
        UserCalls.listUsers(token, account.accountId(),
                Map.of("maxResults", 2, "nextToken", first.getString("nextToken"))).statusCode(200)
                .body("users.emailAddress", contains(admin))
                .body("nextToken", nullValue());
    }

    @Test
    void aUsersRoleIsTheInvitedRoleInUpperCase() {
        String viewer = UserCalls.addUser(token, ACME, uniqueEmail("val"), "viewer");

        UserCalls.listRoles(token, ACME, Map.of("userId", viewer, "maxResults", 10)).statusCode(200)
                .body("roles", hasSize(1))
                .body("roles[0].role", equalTo("VIEWER"))
                .body("roles[0].type", equalTo("ROLE"));
    }

    @Test
    void rolesOfAnUnknownUserAre404AndAMissingUserIdIs400InTheCodeMessageShape() {
        UserCalls.listRoles(token, ACME, Map.of("userId", "amzn1.user.nobody")).statusCode(404)
                .body("code", equalTo("NOT_FOUND")).body("message", equalTo("User not found"));
        UserCalls.listRoles(token, ACME, Map.of()).statusCode(400)
                .body("code", equalTo("BAD_REQUEST")).body("message", equalTo("userId is required"));
    }

    @Test
    void listLimitsAndTokensAreChecked() {
        UserCalls.addUser(token, ACME, uniqueEmail("tia"), "viewer");
        String acmeToken = UserCalls.listUsers(token, ACME, Map.of("maxResults", 1))
                .statusCode(200).extract().path("nextToken");

        UserCalls.listUsers(token, ACME, Map.of("maxResults", 0)).statusCode(400)
                .body("message", equalTo("maxResults must be between 1 and 100"));
        UserCalls.listUsers(token, ACME, Map.of("maxResults", 101)).statusCode(400);
        UserCalls.listUsers(token, ACME, Map.of("nextToken", "forged")).statusCode(400)
                .body("code", equalTo("BAD_REQUEST")).body("message", equalTo("Invalid nextToken"));
        UserCalls.listUsers(token, InvitationCalls.GLOBEX, Map.of("nextToken", acmeToken)).statusCode(400);
        UserCalls.listUsers(token, ACME, Map.of("nextToken", acmeToken)).statusCode(200);
    }

    @Test
    void roleNamesAreAcceptedInAnyCaseAndStoredInUpperCase() {
        String vic = UserCalls.addUser(token, ACME, uniqueEmail("vic"), "viewer");
        String eve = UserCalls.addUser(token, ACME, uniqueEmail("eve"), "viewer");
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(vic, "admin");
        changes.put(eve, "Editor");

        UserCalls.setRoles(token, ACME, changes).statusCode(200)
                .body("successes.userId", contains(vic, eve))
                .body("errors", empty());

        assertThat(UserCalls.roleOf(token, ACME, vic)).isEqualTo("ADMIN");
        assertThat(UserCalls.roleOf(token, ACME, eve)).isEqualTo("EDITOR");
    }

    @Test
    void roleChangesFailPerUserInsideA200() {
        UserCalls.Account account = UserCalls.newAccount();
        String seedAdmin = UserCalls.userIdOf(account.accountId(), account.adminEmailAddress());
        String viewer = UserCalls.addUser(token, account.accountId(), uniqueEmail("wes"), "viewer");
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(viewer, "OWNER");
        changes.put("amzn1.user.nobody", "VIEWER");
        changes.put(seedAdmin, "VIEWER");

        UserCalls.setRoles(token, account.accountId(), changes).statusCode(200)
                .body("successes", empty())
                .body("errors.userId", contains(viewer, "amzn1.user.nobody", seedAdmin))
                .body("errors.code", contains("INVALID_ROLE", "NOT_FOUND", "LAST_ADMIN"));

        assertThat(UserCalls.roleOf(token, account.accountId(), seedAdmin)).isEqualTo("ADMIN");
        assertThat(UserCalls.roleOf(token, account.accountId(), viewer)).isEqualTo("VIEWER");
    }

    @Test
    void anAdminCanBeDemotedOnceAnotherAdminExists() {
        UserCalls.Account account = UserCalls.newAccount();
        String seedAdmin = UserCalls.userIdOf(account.accountId(), account.adminEmailAddress());
        UserCalls.addUser(token, account.accountId(), uniqueEmail("ada"), "admin");

        UserCalls.setRoles(token, account.accountId(), Map.of(seedAdmin, "VIEWER")).statusCode(200)
                .body("successes.userId", contains(seedAdmin));
        assertThat(UserCalls.roleOf(token, account.accountId(), seedAdmin)).isEqualTo("VIEWER");
    }

    @Test
    void removingUsersTakesThemOffTheAccountAndUnknownIdsFailAlone() {
        String email = uniqueEmail("rex");
        String rex = UserCalls.addUser(token, ACME, email, "viewer");

        UserCalls.remove(token, ACME, List.of(rex, "amzn1.user.nobody")).statusCode(200)
                .body("successes.userId", contains(rex))
                .body("errors[0].userId", equalTo("amzn1.user.nobody"))
                .body("errors[0].code", equalTo("NOT_FOUND"));

        assertThat(UserCalls.userIdOf(ACME, email)).isNull();
        UserCalls.listRoles(token, ACME, Map.of("userId", rex)).statusCode(404);
    }

    @Test
    void removingTheLastAdminIsRefusedWholeWithA400() {
        UserCalls.Account account = UserCalls.newAccount();
        String seedAdmin = UserCalls.userIdOf(account.accountId(), account.adminEmailAddress());
        String viewer = UserCalls.addUser(token, account.accountId(), uniqueEmail("sam"), "viewer");

        UserCalls.remove(token, account.accountId(), List.of(viewer, seedAdmin)).statusCode(400)
                .body("code", equalTo("LAST_ADMIN"))
                .body("message", equalTo("Cannot remove the last administrator of the account"));

        assertThat(UserCalls.roleOf(token, account.accountId(), seedAdmin)).isEqualTo("ADMIN");
        assertThat(UserCalls.roleOf(token, account.accountId(), viewer)).isEqualTo("VIEWER");
    }

    @Test
    void aRemovalOfMoreThan200UsersIsRefused() {
        List<String> ids = IntStream.range(0, 201).mapToObj(i -> "amzn1.user.u" + i).toList();

        UserCalls.remove(token, ACME, ids).statusCode(400)
                .body("message", equalTo("users must contain between 1 and 200 items"));
        UserCalls.remove(token, ACME, List.of()).statusCode(400);
    }

    @Test
    void headersAndMediaTypesAreCheckedAndAnsweredInTheCodeMessageShape() {
        InvitationCalls.as(token).contentType(UserCalls.LIST_USERS_TYPE).body("{}").post("/sandbox/users/list")
                .then().statusCode(400)
                .body("code", equalTo("BAD_REQUEST"))
                .body("message", equalTo("Missing Amazon-Ads-AccountId header"));
        InvitationCalls.asAdmin(token, ACME).contentType("application/json").body("{}")
                .post("/sandbox/users/list").then().statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        InvitationCalls.asAdmin("Atza|forged", ACME).contentType(UserCalls.SET_ROLES_TYPE).body("{}")
                .put("/sandbox/userPermissions").then().statusCode(401)
                .body("code", equalTo("UNAUTHORIZED"));
        InvitationCalls.asAdmin(token, "ENTITY9UNKNOWN0000").contentType(UserCalls.REMOVE_TYPE).body("{}")
                .post("/sandbox/userPermissions/delete").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void everyCallIsCountedUnderItsEndpoint() {
        UserCalls.Account account = UserCalls.newAccount();
        long lists = requests("POST /users/list");
        long roles = requests("POST /userRoles/list");
        long changes = requests("PUT /userPermissions");
        long removals = requests("POST /userPermissions/delete");
        String seedAdmin = UserCalls.userIdOf(account.accountId(), account.adminEmailAddress());

        UserCalls.listUsers(token, account.accountId(), Map.of()).statusCode(200);
        UserCalls.listRoles(token, account.accountId(), Map.of("userId", seedAdmin)).statusCode(200);
        UserCalls.setRoles(token, account.accountId(), Map.of(seedAdmin, "ADMIN")).statusCode(200);
        UserCalls.remove(token, account.accountId(), List.of(seedAdmin)).statusCode(400);

        assertThat(requests("POST /users/list")).isEqualTo(lists + 1);
        assertThat(requests("POST /userRoles/list")).isEqualTo(roles + 1);
        assertThat(requests("PUT /userPermissions")).isEqualTo(changes + 1);
        assertThat(requests("POST /userPermissions/delete")).isEqualTo(removals + 1);
    }

    private static long requests(String endpoint) {
        Number value = given().get("/sandbox/stats").then().statusCode(200)
                .extract().path("endpoints.'" + endpoint + "'.requests");
        return value == null ? 0 : value.longValue();
    }
}
