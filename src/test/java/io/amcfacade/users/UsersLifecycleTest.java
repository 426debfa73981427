package io.amcfacade.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditTarget;
import io.amcfacade.api.model.AuditUpstream;
import io.amcfacade.api.model.User;
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
                .returns(email, User::getEmailAddress).returns("viewer", User::getRole));
        UsersApi.setRole(token, account.accountId(), bob, "admin").statusCode(200)
                .contentType("application/json")
                .body("userId", equalTo(bob)).body("emailAddress", equalTo(email))
                .body("previousRole", equalTo("viewer")).body("role", equalTo("admin")).body("changed", equalTo(true));
        assertThat(UsersApi.listed(token, account.accountId(), bob).orElseThrow()).returns("admin", User::getRole);
        UsersApi.setRole(token, account.accountId(), bob, "viewer").statusCode(200)
                .body("previousRole", equalTo("admin")).body("role", equalTo("viewer")).body("changed", equalTo(true));
        assertThat(UsersApi.listed(token, account.accountId(), bob).orElseThrow()).returns("viewer", User::getRole);
        UsersApi.remove(token, account.accountId(), bob).statusCode(200)
                .body("userId", equalTo(bob)).body("emailAddress", equalTo(email)).body("previousRole", equalTo("viewer"));
        assertThat(UsersApi.listed(token, account.accountId(), bob)).isEmpty();

        List<AuditEvent> events = AuditTrail.eventsOf(admin);
        assertThat(events).filteredOn(e -> "USERS_LIST".equals(e.getAction()))
                .allSatisfy(e -> assertThat(e).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome)
                        .returns(account.accountId(), AuditEvent::getAccountId));
        List<AuditEvent> roleChanges = events.stream().filter(e -> "USER_ROLE_CHANGE".equals(e.getAction()))
                .toList();
        assertThat(roleChanges).hasSize(2);
        assertRoleChange(roleChanges.get(1), bob, email, "viewer", "admin");
        assertRoleChange(roleChanges.get(0), bob, email, "admin", "viewer");
        AuditEvent removal = events.stream().filter(e -> "USER_REMOVE".equals(e.getAction())).findFirst()
                .orElseThrow();
        assertThat(removal).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome).returns(bob, AuditEvent::getTargetId)
                .returns("DELETE", AuditEvent::getMethod);
        assertThat(removal.getRequestSummary()).contains("\"fromRole\":\"viewer\"").doesNotContain("toRole");
        assertThat(removal.getTargets()).anySatisfy(t -> assertThat(t).returns("USER", AuditTarget::getKind).returns(bob, AuditTarget::getId)
                .returns("REMOVED", AuditTarget::getOutcome));
        assertThat(removal.getTargets()).anySatisfy(t -> assertThat(t).returns("EMAIL", AuditTarget::getKind)
                .returns(email, AuditTarget::getId));
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
        AuditEvent event = AuditTrail.eventsOf(admin).get(0);
        assertThat(event).returns("USER_ROLE_CHANGE", AuditEvent::getAction).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome);
        assertThat(event.getTargets()).anySatisfy(t -> assertThat(t).returns("USER", AuditTarget::getKind).returns(nora, AuditTarget::getId)
                .returns("UNCHANGED", AuditTarget::getOutcome));
        assertThat(event.getRequestSummary()).contains("\"fromRole\":\"viewer\"", "\"toRole\":\"viewer\"");
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
        assertThat(UsersApi.listed(token, account.accountId(), seedAdmin).orElseThrow()).returns("admin", User::getRole);
        AuditEvent event = AuditTrail.eventsOf(admin).stream()
                .filter(e -> "USER_ROLE_CHANGE".equals(e.getAction())).findFirst().orElseThrow();
        assertThat(event).returns(AuditOutcome.FAILED, AuditEvent::getOutcome).returns(409, AuditEvent::getHttpStatus)
                .returns("LAST_ADMIN", AuditEvent::getErrorCode);
        assertThat(event.getTargets()).anySatisfy(t -> assertThat(t).returns("EMAIL", AuditTarget::getKind)
                .returns(account.adminEmailAddress(), AuditTarget::getId).returns("viewer", AuditTarget::getRole));
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

        assertThat(UsersApi.listed(token, account.accountId(), eve).orElseThrow()).returns("EDITOR", User::getRole);
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

    private static void assertRoleChange(AuditEvent event, String userId, String email, String from, String to) {
        assertThat(event).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome).returns(userId, AuditEvent::getTargetId)
                .returns("PUT", AuditEvent::getMethod).returns(200, AuditEvent::getHttpStatus);
        assertThat(event.getRequestSummary())
                .contains("\"fromRole\":\"" + from + "\"", "\"toRole\":\"" + to + "\"", email);
        assertThat(event.getTargets()).anySatisfy(t -> assertThat(t).returns("USER", AuditTarget::getKind).returns(userId, AuditTarget::getId)
                .returns(to, AuditTarget::getRole).returns("UPDATED", AuditTarget::getOutcome));
        assertThat(event.getTargets()).anySatisfy(t -> assertThat(t).returns("EMAIL", AuditTarget::getKind).returns(email, AuditTarget::getId)
                .returns(to, AuditTarget::getRole));
        assertThat(event.getUpstream()).returns(200, AuditUpstream::getStatus);
    }

    private static io.restassured.path.json.JsonPath whoChangedRolesOf(String target) {
        return Callers.as(Callers.uniqueSubject("auditor"), "auditor")
                .queryParam("targetId", target).queryParam("action", "USER_ROLE_CHANGE")
                .get("/v1/audit/events").then().statusCode(200).extract().jsonPath();
    }
}
