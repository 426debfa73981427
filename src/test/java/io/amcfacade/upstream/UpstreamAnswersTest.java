package io.amcfacade.upstream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.User;
import io.amcfacade.sandbox.SandboxCredentials;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.Faults;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.amcfacade.support.UsersApi;
import io.amcfacade.support.upstream.UpstreamContractViolations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the facade makes of AMC answers the old client misread (issue 13): definition-valid answers
 * with every optional field, extra fields, fractions and milliseconds; an unreadable answer after
 * AMC may have acted; a user's roles over several pages of at most five, custom permission sets
 * among them.
 */
@QuarkusTest
class UpstreamAnswersTest {

    private static final String LIST = "POST /user-invitations/list";
    private static final String CREATE = "POST /user-invitations";

    @AfterEach
    void healthyAgain() {
        Sandbox.clearFaults();
    }

    @Test
    void anInvitationWithEveryOptionalFieldExtraFieldsAFractionAndMillisecondsIsRead() {
        String answer = """
                {"invitations":[{"invitationId":"amzn1.invitation.tolerant","state":"PENDING",
                 "createdAt":1764580000.25,"expiration":1765789600000,"createdBy":"amzn1.account.x",
                 "targetId":"ENTITY1ACMERETAIL0","user":{"emailAddress":"t@example.com","userName":"T","nickname":"t"},
                 "permissionSet":{"type":"ROLE","role":{"name":"viewer"},"customPermissionSet":[{"name":"reports_view"}]},
                 "countries":[{"countryCode":"US"},{"countryCode":"DE"}],"somethingNew":{"nested":[1,2]}}],
                 "nextToken":null,"totalCount":1}""";
        Sandbox.faults(Faults.answerBody(answer).on(LIST).times(1));

        given().auth().oauth2(Callers.token("tolerant-viewer", "amc-viewer"))
                .get("/v1/accounts/{a}/invitations", InvitationsApi.ACCOUNT).then().statusCode(200)
                .body("invitations[0].invitationId", equalTo("amzn1.invitation.tolerant"))
                .body("invitations[0].role", equalTo("viewer"))
                .body("invitations[0].createdAt", matchesPattern("2025-12-01T09:06:40\\.250?Z"))
                .body("invitations[0].expiresAt", equalTo("2025-12-15T09:06:40Z"));
    }

    @Test
    void anOptionalFieldOfAnotherTypeReadsAsAbsentInsteadOfFailingTheCall() {
        String answer = "{\"invitations\":[{\"invitationId\":\"amzn1.invitation.odd\",\"state\":\"PENDING\","
                + "\"createdAt\":\"soon\",\"expiration\":{\"at\":1},\"user\":\"someone\",\"countries\":\"US\"}]}";
        Sandbox.faults(Faults.answerBody(answer).on(LIST).times(1));

        given().auth().oauth2(Callers.token("tolerant-viewer", "amc-viewer"))
                .get("/v1/accounts/{a}/invitations", InvitationsApi.ACCOUNT).then().statusCode(200)
                .body("invitations[0].invitationId", equalTo("amzn1.invitation.odd"))
                .body("invitations[0].state", equalTo("PENDING"));
    }

    @Test
    void anUnreadableAnswerToACreateIsAnUnknownOutcomeWithTheRequestIdNeverA500() {
        String subject = Callers.uniqueSubject("admin");
        String email = InvitationsApi.uniqueEmail("unreadable");
        Sandbox.faults(Faults.answerBody("<html>gateway says hi</html>").on(CREATE).times(1));

        InvitationsApi.create(Callers.token(subject, "amc-admin"), List.of(InvitationsApi.invitee(email, "viewer")))
                .statusCode(502).contentType("application/problem+json")
                .body("code", equalTo("UPSTREAM_OUTCOME_UNKNOWN"))
                .body("upstreamRequestId", matchesPattern("[0-9A-F]{20}"))
                .body("detail", containsString("AMC may have acted"));

        assertThat(Sandbox.invitations(InvitationsApi.ACCOUNT)).as("AMC did create it").contains(email);
        assertThat(AuditTrail.eventsOf(subject).get(0)).returns(AuditOutcome.UNKNOWN, AuditEvent::getOutcome);
        assertThat(UpstreamContractViolations.takeAll()).isEmpty();
    }

    @Test
    void aCreatedInvitationTheAnswerDoesNotNameIsAnUnknownOutcomeNotARefusal() {
        String subject = Callers.uniqueSubject("admin");
        String email = InvitationsApi.uniqueEmail("unnamed");
        // Definition-valid, after AMC processed the create: neither list names the invitee.
        Sandbox.faults(Faults.answerBody("{\"successes\":[],\"errors\":[]}").on(CREATE).times(1));

        InvitationsApi.create(Callers.token(subject, "amc-admin"), List.of(InvitationsApi.invitee(email, "viewer")))
                .statusCode(200)
                .body("results[0].status", equalTo("FAILED"))
                .body("results[0].error.code", equalTo("UPSTREAM_OUTCOME_UNKNOWN"))
                .body("results[0].error.message", containsString("may have been created"));

        assertThat(Sandbox.invitations(InvitationsApi.ACCOUNT)).as("AMC did create it").contains(email);
        assertThat(AuditTrail.eventsOf(subject).get(0)).returns(AuditOutcome.UNKNOWN, AuditEvent::getOutcome);

        String invitationId = InvitationsApi.inviteOne(Callers.token(subject, "amc-admin"), InvitationsApi.uniqueEmail("unnamed"), "viewer");
        Sandbox.faults(Faults.answerBody("{\"successes\":[],\"errors\":[]}").on("PUT /user-invitations").times(1));
        given().auth().oauth2(Callers.token(subject, "amc-admin")).contentType(ContentType.JSON)
                .body(Map.of("updates", List.of(Map.of("invitationId", invitationId, "action", "revoke"))))
                .patch("/v1/accounts/{a}/invitations", InvitationsApi.ACCOUNT).then().statusCode(200)
                .body("results[0].error.code", equalTo("UPSTREAM_OUTCOME_UNKNOWN"))
                .body("results[0].error.message", containsString("may have been changed"));
        assertThat(AuditTrail.eventsOf(subject).get(0)).returns("INVITATIONS_UPDATE", AuditEvent::getAction).returns(AuditOutcome.UNKNOWN, AuditEvent::getOutcome);
    }

    @Test
    void aNextTokenEqualToTheOneJustSentEndsTheListingAtTheSecondPage() {
        // What a static mock of Amazon's definition answers on every page; before, the walk followed it to its
        // bound of 50 pages, spending 50 calls of the accounts budget.
        String realToken = given().header("Amazon-Advertising-API-ClientId", SandboxCredentials.CLIENT_ID)
                .auth().oauth2(Sandbox.lwaToken()).accept("application/vnd.amcaudiencesconnections.v1+json")
                .get("/sandbox/amc/accounts").then().statusCode(200).extract().path("nextToken");
        assertThat(realToken).as("the sandbox pages its accounts").isNotBlank();
        Sandbox.faults(Faults.answerBody("{\"amcAccounts\":[],\"nextToken\":\"" + realToken + "\"}").on(Sandbox.ACCOUNTS));
        long before = Sandbox.requests(Sandbox.ACCOUNTS);

        // North America's listing fails alone: the other regions still answer (RegionsTest), North America shows its problem.
        Callers.as(Callers.uniqueSubject("viewer"), "amc-viewer").get("/v1/accounts").then().statusCode(200)
                .body("regions[0].region", equalTo("na")).body("regions[0].available", equalTo(false))
                .body("regions[0].problem.code", equalTo("UPSTREAM_ERROR"))
                .body("regions[0].problem.detail", containsString("the nextToken it was just sent"));
        assertThat(Sandbox.requests(Sandbox.ACCOUNTS) - before).isEqualTo(2);
    }

    @Test
    void aSingleResendReadsOnlyItsOwnItemOfAnAnswerCarryingSuccessesAndErrors() {
        String admin = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String invitationId = InvitationsApi.inviteOne(admin, InvitationsApi.uniqueEmail("both-lists"), "viewer");
        // Definition-valid: the update answer may hold successes and errors at once (Prism's mock of Amazon's
        // definition answers both); the error here is about another invitation.
        String answer = "{\"successes\":[{\"invitationId\":\"" + invitationId + "\",\"state\":\"RESENT\"}],"
                + "\"errors\":[{\"errorCode\":\"INVALID_STATE_TRANSITION\",\"errorMessage\":\"already revoked\","
                + "\"identifier\":\"amzn1.invitation.someone-else\"}]}";
        Sandbox.faults(Faults.answerBody(answer).on("PUT /user-invitations").times(1));

        InvitationsApi.change(admin, invitationId, "resend").statusCode(200).body("state", equalTo("PENDING"));
    }

    @Test
    void rolesAreReadOverEveryPageAndOnlyARoleGrantOfAdminMakesAnAdmin() {
        UsersApi.Account account = UsersApi.newAccount();
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        List<Map<String, Object>> sixCustomAdmins = Collections.nCopies(6,
                Map.of("role", "ADMIN", "type", "CUSTOM_PERMISSION_SET", "countryCodes", List.of("US")));
        List<Map<String, Object>> fiveCustomViewers = Collections.nCopies(5,
                Map.of("role", "VIEWER", "type", "CUSTOM_PERMISSION_SET", "countryCodes", List.of("US")));
        String looksAdmin = addUser(account.accountId(), "VIEWER", sixCustomAdmins);
        String isAdmin = addUser(account.accountId(), "ADMIN", fiveCustomViewers);

        assertThat(UsersApi.listed(token, account.accountId(), looksAdmin).orElseThrow()).returns("viewer", User::getRole);
        assertThat(UsersApi.listed(token, account.accountId(), isAdmin).orElseThrow()).returns("admin", User::getRole);
    }

    private static String addUser(String accountId, String role, List<Map<String, Object>> otherRoles) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("emailAddress", InvitationsApi.uniqueEmail("paged"), "role", role, "otherRoles", otherRoles))
                .post("/sandbox/accounts/{a}/users", accountId).then().statusCode(201).extract().path("userId");
    }
}
