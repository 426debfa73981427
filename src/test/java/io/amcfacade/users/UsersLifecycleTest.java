package io.amcfacade.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;

/** A user's life in an account through the facade: invited, listed, elevated, demoted, removed, all audited. */
@QuarkusTest
class UsersLifecycleTest {

    private static final String ROLE_CHANGES = "PUT /userPermissions";
    private static final String REMOVALS = "POST /userPermissions/delete";

    @Test
    void anInviteeIsListedAsViewerElevatedDemotedAndRemovedWithAnAuditRowAtEachStep() {
        UsersApi.Account account = UsersApi.newAccount();
        String admin = Callers.uniqueSubject("svc-access");
        String token = Callers.token(admin, "amc-admin");
        String email = InvitationsApi.uniqueEmail("bob");
        String bob = UsersApi.addUser(token, account.accountId(), email, "viewer");

        assertThat(UsersApi.listed(token, account.accountId(), bob)).hasValueSatisfying(u -> assertThat(u)
                .containsEntry("emailAddress", email).containsEntry("role", "viewer"));
        UsersApi.setRole(token, account.accountId(), bob, "admin").statusCode(200)
                .contentType("application/json")
                .body("userId", equalTo(bob)).body("emailAddress", equalTo(email))
                .body("previousRole", equalTo("viewer")).body("role", equalTo("admin")).body("changed", equalTo(true));
        assertThat(UsersApi.listed(token, account.accountId(), bob).orElseThrow()).containsEntry("role", "admin");
        UsersApi.setRole(token, account.accountId(), bob, "viewer").statusCode(200)
                .body("previousRole", equalTo("admin")).body("role", equalTo("viewer")).body("changed", equalTo(true));
        assertThat(UsersApi.listed(token, account.accountId(), bob).orElseThrow()).containsEntry("role", "viewer");
        UsersApi.remove(token, account.accountId(), bob).statusCode(200)
                .body("userId", equalTo(bob)).body("emailAddress", equalTo(email)).body("previousRole", equalTo("viewer"));
        assertThat(UsersApi.listed(token, account.accountId(), bob)).isEmpty();

        List<Map<String, Object>> events = AuditTrail.eventsOf(admin);
        assertThat(events).filteredOn(e -> "USERS_LIST".equals(e.get("action")))
                .allSatisfy(e -> assertThat(e).containsEntry("outcome", "SUCCEEDED")
                        .containsEntry("accountId", account.accountId()));
        List<Map<String, Object>> roleChanges = events.stream().filter(e -> "USER_ROLE_CHANGE".equals(e.get("action")))
                .toList();
        assertThat(roleChanges).hasSize(2);
        assertRoleChange(roleChanges.get(1), bob, email, "viewer", "admin");
        assertRoleChange(roleChanges.get(0), bob, email, "admin", "viewer");
        Map<String, Object> removal = events.stream().filter(e -> "USER_REMOVE".equals(e.get("action"))).findFirst()
                .orElseThrow();
        assertThat(removal).containsEntry("outcome", "SUCCEEDED").containsEntry("targetId", bob)
                .containsEntry("method", "DELETE");
        assertThat((String) removal.get("requestSummary")).contains("\"fromRole\":\"viewer\"").doesNotContain("toRole");
        assertThat(targets(removal)).anySatisfy(t -> assertThat(t).containsEntry("kind", "USER").containsEntry("id", bob)
                .containsEntry("outcome", "REMOVED"));
        assertThat(targets(removal)).anySatisfy(t -> assertThat(t).containsEntry("kind", "EMAIL")
                .containsEntry("id", email));
    }

    @Test
    void whoMadeBobAnAdminIsOneAuditQueryByHisUserIdOrHisEmail() {
        UsersApi.Account account = UsersApi.newAccount();
        String admin = Callers.uniqueSubject("svc-portal");
        String token = Callers.token(admin, "amc-admin");
        String email = InvitationsApi.uniqueEmail("bob");
        String bob = UsersApi.addUser(token, account.accountId(), email, "viewer");
        UsersApi.setRole(token, account.accountId(), bob, "admin").statusCode(200);

        var byId = whoChangedRolesOf(bob);
        var byEmail = whoChangedRolesOf(email.toUpperCase());

        assertThat(byId.getList("events")).hasSize(1);
        assertThat(byId.getString("events[0].actor.subject")).isEqualTo(admin);
        assertThat(byId.getString("events[0].occurredAt")).isNotBlank();
        assertThat(byId.getString("events[0].requestSummary")).contains("\"toRole\":\"admin\"");
        assertThat(byEmail.getString("events[0].eventId")).isEqualTo(byId.getString("events[0].eventId"));
        assertThat(byEmail.getList("events")).hasSize(1);
    }

    @Test
    void settingTheRoleAUserAlreadyHasIsAnAuditedNoOpThatAsksAmcForNoChange() {
        String admin = Callers.uniqueSubject("admin");
        String token = Callers.token(admin, "amc-admin");
        String email = InvitationsApi.uniqueEmail("nora");
        String nora = UsersApi.addUser(token, InvitationsApi.ACCOUNT, email, "viewer");
        long changes = Sandbox.requests(ROLE_CHANGES);

        UsersApi.setRole(token, InvitationsApi.ACCOUNT, nora, "viewer").statusCode(200)
                .body("changed", equalTo(false)).body("previousRole", equalTo("viewer")).body("role", equalTo("viewer"));

        assertThat(Sandbox.requests(ROLE_CHANGES)).isEqualTo(changes);
        Map<String, Object> event = AuditTrail.eventsOf(admin).get(0);
        assertThat(event).containsEntry("action", "USER_ROLE_CHANGE").containsEntry("outcome", "SUCCEEDED");
        assertThat(targets(event)).anySatisfy(t -> assertThat(t).containsEntry("kind", "USER").containsEntry("id", nora)
                .containsEntry("outcome", "UNCHANGED"));
        assertThat((String) event.get("requestSummary")).contains("\"fromRole\":\"viewer\"", "\"toRole\":\"viewer\"");
    }

    @Test
    void demotingTheOnlyAdminIsA409AndAmcIsAskedForNoChange() {
        UsersApi.Account account = UsersApi.newAccount();
        String admin = Callers.uniqueSubject("admin");
        String token = Callers.token(admin, "amc-admin");
        UsersApi.addUser(token, account.accountId(), InvitationsApi.uniqueEmail("vic"), "viewer");
        String seedAdmin = UsersApi.userIdInSandbox(account.accountId(), account.adminEmailAddress());
        long changes = Sandbox.requests(ROLE_CHANGES);

        UsersApi.setRole(token, account.accountId(), seedAdmin, "viewer").statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("LAST_ADMIN"))
                .body("detail", equalTo("User " + seedAdmin + " (" + account.adminEmailAddress() + ") is the only admin of "
                        + "account " + account.accountId() + "; make another user an admin before demoting them."));

        assertThat(Sandbox.requests(ROLE_CHANGES)).isEqualTo(changes);
        assertThat(UsersApi.listed(token, account.accountId(), seedAdmin).orElseThrow()).containsEntry("role", "admin");
        Map<String, Object> event = AuditTrail.eventsOf(admin).stream()
                .filter(e -> "USER_ROLE_CHANGE".equals(e.get("action"))).findFirst().orElseThrow();
        assertThat(event).containsEntry("outcome", "FAILED").containsEntry("httpStatus", 409)
                .containsEntry("errorCode", "LAST_ADMIN");
        assertThat(targets(event)).anySatisfy(t -> assertThat(t).containsEntry("kind", "EMAIL")
                .containsEntry("id", account.adminEmailAddress()).containsEntry("role", "viewer"));
    }

    @Test
    void removingTheOnlyAdminIsA409AndAmcIsAskedForNoRemoval() {
        UsersApi.Account account = UsersApi.newAccount();
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String seedAdmin = UsersApi.userIdInSandbox(account.accountId(), account.adminEmailAddress());
        long removals = Sandbox.requests(REMOVALS);

        UsersApi.remove(token, account.accountId(), seedAdmin).statusCode(409)
                .body("code", equalTo("LAST_ADMIN"))
                .body("detail", equalTo("User " + seedAdmin + " (" + account.adminEmailAddress() + ") is the only admin of "
                        + "account " + account.accountId() + "; make another user an admin before removing them."));

        assertThat(Sandbox.requests(REMOVALS)).isEqualTo(removals);
        assertThat(UsersApi.listed(token, account.accountId(), seedAdmin)).isPresent();
    }

    @Test
    void anAdminCanBeDemotedAndRemovedOnceAnotherUserIsAnAdmin() {
        UsersApi.Account account = UsersApi.newAccount();
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        UsersApi.addUser(token, account.accountId(), InvitationsApi.uniqueEmail("carol"), "admin");
        String seedAdmin = UsersApi.userIdInSandbox(account.accountId(), account.adminEmailAddress());

        UsersApi.setRole(token, account.accountId(), seedAdmin, "viewer").statusCode(200).body("changed", equalTo(true));
        UsersApi.setRole(token, account.accountId(), seedAdmin, "admin").statusCode(200);
        UsersApi.remove(token, account.accountId(), seedAdmin).statusCode(200).body("previousRole", equalTo("admin"));
    }

    @Test
    void anUnknownUserIsA404ProblemForARoleChangeAndARemoval() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");

        UsersApi.setRole(token, InvitationsApi.ACCOUNT, "amzn1.user.nobody", "admin").statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("USER_NOT_FOUND"));
        UsersApi.remove(token, InvitationsApi.ACCOUNT, "amzn1.user.nobody").statusCode(404)
                .body("code", equalTo("USER_NOT_FOUND"))
                .body("detail", equalTo("Account " + InvitationsApi.ACCOUNT + " has no user amzn1.user.nobody."));
    }

    @Test
    void aRoleAmcKnowsBeyondAdminAndViewerIsShownAsAmcSpellsIt() {
        UsersApi.Account account = UsersApi.newAccount();
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String eve = UsersApi.addUser(token, account.accountId(), InvitationsApi.uniqueEmail("eve"), "viewer");
        Sandbox.grantRole(account.accountId(), eve, "EDITOR");

        assertThat(UsersApi.listed(token, account.accountId(), eve).orElseThrow()).containsEntry("role", "EDITOR");
        UsersApi.setRole(token, account.accountId(), eve, "admin").statusCode(200)
                .body("previousRole", equalTo("EDITOR")).body("role", equalTo("admin"));
    }

    @Test
    void aRoleChangeRetriedWithTheSameIdempotencyKeyIsReplayedWithoutASecondChange() {
        UsersApi.Account account = UsersApi.newAccount();
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String ida = UsersApi.addUser(token, account.accountId(), InvitationsApi.uniqueEmail("ida"), "viewer");
        String key = "elevate-" + ida;
        long changes = Sandbox.requests(ROLE_CHANGES);

        UsersApi.setRole(token, account.accountId(), ida, "admin", key).statusCode(200)
                .body("changed", equalTo(true));
        UsersApi.setRole(token, account.accountId(), ida, "admin", key).statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("changed", equalTo(true)).body("previousRole", equalTo("viewer"));
        UsersApi.setRole(token, account.accountId(), ida, "viewer", key).statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        assertThat(Sandbox.requests(ROLE_CHANGES)).isEqualTo(changes + 1);
    }

    private static void assertRoleChange(Map<String, Object> event, String userId, String email, String from, String to) {
        assertThat(event).containsEntry("outcome", "SUCCEEDED").containsEntry("targetId", userId)
                .containsEntry("method", "PUT").containsEntry("httpStatus", 200);
        assertThat((String) event.get("requestSummary"))
                .contains("\"fromRole\":\"" + from + "\"", "\"toRole\":\"" + to + "\"", email);
        assertThat(targets(event)).anySatisfy(t -> assertThat(t).containsEntry("kind", "USER").containsEntry("id", userId)
                .containsEntry("role", to).containsEntry("outcome", "UPDATED"));
        assertThat(targets(event)).anySatisfy(t -> assertThat(t).containsEntry("kind", "EMAIL").containsEntry("id", email)
                .containsEntry("role", to));
        assertThat((Map<String, Object>) event.get("upstream")).containsEntry("status", 200);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> targets(Map<String, Object> event) {
        return (List<Map<String, Object>>) event.get("targets");
    }

    private static io.restassured.path.json.JsonPath whoChangedRolesOf(String target) {
        return Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .queryParam("targetId", target).queryParam("action", "USER_ROLE_CHANGE")
                .get("/v1/audit/events").then().statusCode(200).extract().jsonPath();
    }
}
