package io.amcfacade.users;

import static io.amcfacade.support.UsersApi.removal;
import static io.amcfacade.support.UsersApi.setRoleChange;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditTarget;
import io.amcfacade.api.model.User;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** {@code PATCH /v1/accounts/{accountId}/users}: several role changes and removals, a result per user. */
@QuarkusTest
class UsersBatchTest {

    private static final String UNKNOWN = "amzn1.user.nobody";

    @Test
    void aPartlySuccessfulBatchReportsEveryUserAndIsAuditedAsPartial() {
        UsersApi.Account account = UsersApi.newAccount();
        String admin = Callers.uniqueSubject("svc-access");
        String token = Callers.token(admin, "amc-admin");
        String bobEmail = InvitationsApi.uniqueEmail("bob");
        String bob = UsersApi.addUser(token, account.accountId(), bobEmail, "viewer");
        String carol = UsersApi.addUser(token, account.accountId(), InvitationsApi.uniqueEmail("carol"), "viewer");
        String dave = UsersApi.addUser(token, account.accountId(), InvitationsApi.uniqueEmail("dave"), "viewer");

        UsersApi.batch(token, account.accountId(), List.of(setRoleChange(bob, "admin"), removal(carol),
                setRoleChange(UNKNOWN, "viewer"), setRoleChange(dave, "viewer"))).statusCode(200)
                .body("succeeded", equalTo(3)).body("failed", equalTo(1))
                .body("results.userId", contains(bob, carol, UNKNOWN, dave))
                .body("results.status", contains("UPDATED", "REMOVED", "FAILED", "UNCHANGED"))
                .body("results[0].previousRole", equalTo("viewer")).body("results[0].role", equalTo("admin"))
                .body("results[0].emailAddress", equalTo(bobEmail))
                .body("results[1].role", nullValue())
                .body("results[2].error.code", equalTo("USER_NOT_FOUND"))
                .body("results[2].emailAddress", nullValue())
                .body("results[3].error", nullValue());

        assertThat(UsersApi.listed(token, account.accountId(), bob).orElseThrow()).returns("admin", User::getRole);
        assertThat(UsersApi.listed(token, account.accountId(), carol)).isEmpty();
        AuditEvent event = AuditTrail.eventsOf(admin).stream()
                .filter(e -> "USERS_UPDATE".equals(e.getAction())).findFirst().orElseThrow();
        assertThat(event).returns(AuditOutcome.PARTIAL, AuditEvent::getOutcome).returns(account.accountId(), AuditEvent::getAccountId);
        assertThat(event.getTargets()).anySatisfy(t -> assertThat(t).returns("USER", AuditTarget::getKind).returns(bob, AuditTarget::getId)
                .returns("admin", AuditTarget::getRole).returns("UPDATED", AuditTarget::getOutcome));
        assertThat(event.getTargets()).anySatisfy(t -> assertThat(t).returns("USER", AuditTarget::getKind).returns(UNKNOWN, AuditTarget::getId)
                .returns("FAILED", AuditTarget::getOutcome).returns("USER_NOT_FOUND", AuditTarget::getErrorCode));
        assertThat(event.getTargets()).anySatisfy(t -> assertThat(t).returns("USER", AuditTarget::getKind).returns(carol, AuditTarget::getId)
                .returns("REMOVED", AuditTarget::getOutcome));
        assertThat(event.getRequestSummary()).contains("\"fromRole\":\"viewer\"", "\"toRole\":\"admin\"",
                "\"action\":\"remove\"");

        // "Who made bob an admin?" finds the batch too, by his email.
        var whoMadeBobAdmin = Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("targetId", bobEmail)
                .queryParam("action", "USERS_UPDATE").get("/v1/audit/events").then().statusCode(200).extract().jsonPath();
        assertThat(whoMadeBobAdmin.getList("events")).hasSize(1);
        assertThat(whoMadeBobAdmin.getString("events[0].actor.subject")).isEqualTo(admin);
    }

    @Test
    void aChangeThatWouldLeaveNoAdminFailsAloneAndIsNeverSent() {
        UsersApi.Account account = UsersApi.newAccount();
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String seedAdmin = UsersApi.userIdInSandbox(account.accountId(), account.adminEmailAddress());
        String bob = UsersApi.addUser(token, account.accountId(), InvitationsApi.uniqueEmail("bob"), "viewer");
        long removals = Sandbox.requests("POST /userPermissions/delete");

        // In this order the seed admin would be removed while still the only admin.
        UsersApi.batch(token, account.accountId(), List.of(removal(seedAdmin), setRoleChange(bob, "admin")))
                .statusCode(200)
                .body("results.status", contains("FAILED", "UPDATED"))
                .body("results[0].error.code", equalTo("LAST_ADMIN"))
                .body("results[0].role", equalTo("admin"));

        assertThat(Sandbox.requests("POST /userPermissions/delete")).isEqualTo(removals);
        assertThat(UsersApi.listed(token, account.accountId(), seedAdmin)).isPresent();
    }

    @Test
    void changesApplyInOrderSoAnAdminCanBeReplacedInOneBatch() {
        UsersApi.Account account = UsersApi.newAccount();
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String seedAdmin = UsersApi.userIdInSandbox(account.accountId(), account.adminEmailAddress());
        String bob = UsersApi.addUser(token, account.accountId(), InvitationsApi.uniqueEmail("bob"), "viewer");

        UsersApi.batch(token, account.accountId(), List.of(setRoleChange(bob, "admin"), removal(seedAdmin)))
                .statusCode(200)
                .body("succeeded", equalTo(2))
                .body("results.status", contains("UPDATED", "REMOVED"));

        assertThat(UsersApi.listAll(token, account.accountId())).extracting(User::getUserId).containsExactly(bob);
    }

    @Test
    void demotingEveryAdminInOneBatchKeepsTheLastOne() {
        UsersApi.Account account = UsersApi.newAccount();
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String seedAdmin = UsersApi.userIdInSandbox(account.accountId(), account.adminEmailAddress());
        String carol = UsersApi.addUser(token, account.accountId(), InvitationsApi.uniqueEmail("carol"), "admin");

        UsersApi.batch(token, account.accountId(),
                List.of(setRoleChange(seedAdmin, "viewer"), setRoleChange(carol, "viewer")))
                .statusCode(200)
                .body("succeeded", equalTo(1)).body("failed", equalTo(1))
                .body("results.status", contains("UPDATED", "FAILED"))
                .body("results[1].error.code", equalTo("LAST_ADMIN"));

        assertThat(UsersApi.listed(token, account.accountId(), carol).orElseThrow()).returns("admin", User::getRole);
    }

    @Test
    void aBatchRetriedWithTheSameIdempotencyKeyIsReplayed() {
        UsersApi.Account account = UsersApi.newAccount();
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String bob = UsersApi.addUser(token, account.accountId(), InvitationsApi.uniqueEmail("bob"), "viewer");
        long changes = Sandbox.requests("PUT /userPermissions");
        Supplier<ValidatableResponse> send = () -> given().auth().oauth2(token)
                .header("Idempotency-Key", "batch-" + bob).contentType("application/json")
                .body(Map.of("changes", List.of(setRoleChange(bob, "admin"))))
                .patch("/v1/accounts/{a}/users", account.accountId()).then();

        send.get().statusCode(200).body("results[0].status", equalTo("UPDATED"));
        send.get().statusCode(200).header("Idempotent-Replayed", "true").body("results[0].status", equalTo("UPDATED"));

        assertThat(Sandbox.requests("PUT /userPermissions")).isEqualTo(changes + 1);
    }
}
