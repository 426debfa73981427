package io.amcfacade.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditUpstream;
import io.amcfacade.api.model.UserPage;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;

/** Listing users: the facade's cursor, one role look-up per user shown, and every AMC answer in the audit row. */
@QuarkusTest
class UsersListTest {

    private static final String USER_LISTS = "POST /users/list";
    private static final String ROLE_LOOKUPS = "POST /userRoles/list";

    @Test
    void aPageCostsOneListCallAndOneRoleLookUpPerUserOnItAndTheAuditRowCountsThemAll() {
        UsersApi.Account account = UsersApi.newAccount();
        String admin = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        List<String> emails = List.of(InvitationsApi.uniqueEmail("ann"), InvitationsApi.uniqueEmail("ben"),
                InvitationsApi.uniqueEmail("cat"));
        emails.forEach(email -> UsersApi.addUser(admin, account.accountId(), email, "viewer"));
        String subject = Callers.uniqueSubject("viewer");
        String viewer = Callers.token(subject, "amc-viewer");
        String correlationId = "users-" + UUID.randomUUID();
        long lists = Sandbox.requests(USER_LISTS);
        long lookUps = Sandbox.requests(ROLE_LOOKUPS);

        var first = given().auth().oauth2(viewer).header("X-Request-Id", correlationId)
                .queryParam("limit", 3).get("/v1/accounts/{a}/users", account.accountId()).then().statusCode(200)
                .body("users", hasSize(3))
                .body("users.emailAddress", contains(account.adminEmailAddress(), emails.get(0), emails.get(1)))
                .body("users.role", contains("admin", "viewer", "viewer"))
                .body("nextCursor", notNullValue())
                .extract().jsonPath();

        assertThat(Sandbox.requests(USER_LISTS)).isEqualTo(lists + 1);
        assertThat(Sandbox.requests(ROLE_LOOKUPS)).isEqualTo(lookUps + 3);
        // The role look-ups ran on the fan-out pool; their answers still reached this request's audit row.
        AuditEvent event = AuditTrail.eventWithCorrelation(subject, correlationId);
        assertThat(event).returns("USERS_LIST", AuditEvent::getAction).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome);
        assertThat(event.getUpstream()).returns(4, AuditUpstream::getAttempts).returns(200, AuditUpstream::getStatus)
                .extracting(AuditUpstream::getRequestId).isNotNull();

        UsersApi.list(viewer, account.accountId(), 3, first.getString("nextCursor")).statusCode(200)
                .body("users.emailAddress", contains(emails.get(2)))
                .body("nextCursor", nullValue());
    }

    @Test
    void followingCursorsListsEveryUserOnce() {
        UsersApi.Account account = UsersApi.newAccount();
        String admin = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        List<String> ids = new ArrayList<>();
        for (String name : List.of("dan", "eva", "fay", "gus")) {
            ids.add(UsersApi.addUser(admin, account.accountId(), InvitationsApi.uniqueEmail(name), "viewer"));
        }
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            UserPage page = UsersApi.list(admin, account.accountId(), 2, cursor).statusCode(200).extract().as(UserPage.class);
            page.getUsers().forEach(user -> listed.add(user.getUserId()));
            cursor = page.getNextCursor();
        } while (cursor != null);

        assertThat(listed).hasSize(5).doesNotHaveDuplicates().containsAll(ids);
    }
}
