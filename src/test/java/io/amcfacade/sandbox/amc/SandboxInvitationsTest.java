package io.amcfacade.sandbox.amc;

import static io.amcfacade.sandbox.amc.InvitationCalls.ACME;
import static io.amcfacade.sandbox.amc.InvitationCalls.GLOBEX;
import static io.amcfacade.sandbox.amc.InvitationCalls.INITECH;
import static io.amcfacade.sandbox.amc.InvitationCalls.INVITATION_ID;
import static io.amcfacade.sandbox.amc.InvitationCalls.TWO_WEEKS;
import static io.amcfacade.sandbox.amc.InvitationCalls.create;
import static io.amcfacade.sandbox.amc.InvitationCalls.get;
import static io.amcfacade.sandbox.amc.InvitationCalls.invite;
import static io.amcfacade.sandbox.amc.InvitationCalls.item;
import static io.amcfacade.sandbox.amc.InvitationCalls.list;
import static io.amcfacade.sandbox.amc.InvitationCalls.listAll;
import static io.amcfacade.sandbox.amc.InvitationCalls.uniqueEmail;
import static io.amcfacade.sandbox.amc.InvitationCalls.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The simulated AMC user-invitation API: create, list and get, over real HTTP. */
@QuarkusTest
class SandboxInvitationsTest {

    private String token;

    @BeforeEach
    void freshAccessToken() {
        token = InvitationCalls.lwaToken();
    }

    @Test
    void createAnswersSuccessesAndPerItemErrorsInOneBatch() {
        String bob = uniqueEmail("bob");
        String blankName = uniqueEmail("blank");
        String editor = uniqueEmail("editor");
        String seededAdmin = SandboxState.seedAdminEmail(ACME);
        List<Map<String, Object>> items = List.of(
                item(bob, "Bob", "VIEWER"),
                item("not-an-email", "Nobody", "viewer"),
                item(blankName, " ", "viewer"),
                item(editor, "Eddie", "editor"),
                item(bob.toUpperCase(), "Bob again", "admin"),
                item(seededAdmin, "Admin", "admin"));

        create(token, ACME, items).statusCode(200)
                .header("x-amzn-RequestId", matchesPattern("[0-9A-F]{20}"))
                .body("successes", hasSize(1))
                .body("successes[0].invitationId", matchesPattern(INVITATION_ID))
                .body("successes[0].state", equalTo("PENDING"))
                .body("successes[0].createdBy", equalTo("amzn1.account.sandbox-admin"))
                .body("successes[0].targetId", equalTo(ACME))
                .body("successes[0].user.emailAddress", equalTo(bob))
                .body("successes[0].user.userName", equalTo("Bob"))
                .body("successes[0].permissionSet.type", equalTo("ROLE"))
                .body("successes[0].permissionSet.role.name", equalTo("viewer"))
                .body("successes[0].countries.countryCode", contains("US"))
                .body("errors.errorCode", contains("INVALID_EMAIL", "INVALID_USER_NAME", "INVALID_ROLE",
                        "DUPLICATE_INVITATION", "ALREADY_A_USER"))
                .body("errors.identifier", contains("not-an-email", blankName, editor, bob.toUpperCase(), seededAdmin));
    }

    @Test
    void anInvitationExpiresTwoWeeksAfterItWasCreated() {
        long before = Instant.now().getEpochSecond();
        Map<String, Object> invitation = create(token, GLOBEX, List.of(item(uniqueEmail("ttl"), "Tess", "admin")))
                .statusCode(200).extract().path("successes[0]");

        long createdAt = ((Number) invitation.get("createdAt")).longValue();
        assertThat(createdAt).isBetween(before - 1, Instant.now().getEpochSecond());
        assertThat(((Number) invitation.get("expiration")).longValue()).isEqualTo(createdAt + TWO_WEEKS);
    }

    @Test
    void aBatchOfMoreThanFiftyInvitationsIsRefusedWholeAndCreatesNothing() {
        String prefix = uniqueEmail("bulk").replace("@example.com", "");
        List<Map<String, Object>> items = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> item(prefix + "-" + i + "@example.com", "Bulk " + i, "viewer")).toList();

        create(token, INITECH, items).statusCode(400)
                .body("message", equalTo("userInvitationRequests must contain between 1 and 50 items"))
                .body("requestId", nullValue());
        create(token, INITECH, List.of()).statusCode(400);

        assertThat(listAll(token, INITECH)).noneMatch(i -> emailOf(i).startsWith(prefix));
    }

    @Test
    void fiftyInvitationsInOneBatchAreAccepted() {
        String prefix = uniqueEmail("fifty").replace("@example.com", "");
        List<Map<String, Object>> items = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> item(prefix + "-" + i + "@example.com", "Fifty " + i, "viewer")).toList();

        create(token, INITECH, items).statusCode(200).body("successes", hasSize(50)).body("errors", empty());
    }

    @Test
    void listPagesThroughEveryInvitationOldestFirst() {
        List<String> ids = List.of(invite(token, GLOBEX, uniqueEmail("p1"), "viewer"),
                invite(token, GLOBEX, uniqueEmail("p2"), "viewer"),
                invite(token, GLOBEX, uniqueEmail("p3"), "admin"));
        update(token, GLOBEX, ids.get(1), "REVOKED").statusCode(200);

        List<String> seen = new ArrayList<>();
        List<String> states = new ArrayList<>();
        String nextToken = null;
        int pages = 0;
        do {
            Map<String, Object> request = nextToken == null ? Map.of("maxResults", 2) : Map.of("maxResults", 2, "nextToken", nextToken);
            ExtractableResponse<Response> answer = list(token, GLOBEX, request).statusCode(200).extract();
            List<Map<String, Object>> page = answer.path("invitations");
            assertThat(page).hasSizeBetween(1, 2);
            page.forEach(i -> {
                seen.add((String) i.get("invitationId"));
                states.add((String) i.get("state"));
            });
            nextToken = answer.path("nextToken");
            pages++;
        } while (nextToken != null);

        assertThat(seen).containsSubsequence(ids).doesNotHaveDuplicates();
        assertThat(states.get(seen.indexOf(ids.get(1)))).isEqualTo("REVOKED");
        assertThat(pages).isEqualTo((seen.size() + 1) / 2);
    }

    @Test
    void listRefusesAnOutOfRangePageSizeAndAForeignOrGarbledNextToken() {
        invite(token, ACME, uniqueEmail("a"), "viewer");
        invite(token, ACME, uniqueEmail("b"), "viewer");
        String acmeToken = list(token, ACME, Map.of("maxResults", 1)).statusCode(200).extract().path("nextToken");
        assertThat(acmeToken).isNotBlank();

        list(token, ACME, Map.of("maxResults", 0)).statusCode(400).body("message", equalTo("maxResults must be between 1 and 50"));
        list(token, ACME, Map.of("maxResults", 51)).statusCode(400);
        list(token, ACME, Map.of("nextToken", "not-a-token")).statusCode(400).body("message", equalTo("Invalid nextToken"));
        list(token, GLOBEX, Map.of("nextToken", acmeToken)).statusCode(400);
        list(token, ACME, Map.of("nextToken", acmeToken)).statusCode(200);
    }

    @Test
    void getAnswersTheInvitationAndItsTermsOr404() {
        String email = uniqueEmail("getter");
        String id = invite(token, ACME, email, "admin");

        get(token, id).statusCode(200)
                .header("x-amzn-RequestId", matchesPattern("[0-9A-F]{20}"))
                .body("invitation.invitationId", equalTo(id))
                .body("invitation.user.emailAddress", equalTo(email))
                .body("invitation.permissionSet.role.name", equalTo("admin"))
                .body("termsTypes", contains("MARKETING_CLOUD"));
        get(token, "amzn1.invitation.00000000000000000000000000000000").statusCode(404)
                .body("message", equalTo("Invitation not found"));
    }

    @Test
    void theSandboxRecordsWhetherInviteesWereToBeNotified() {
        String notified = invite(token, ACME, uniqueEmail("notified"), "viewer");
        String body = InvitationCalls.json(Map.of("userInvitationRequests", List.of(item(uniqueEmail("quiet"), "Quiet", "viewer"))));
        String quiet = InvitationCalls.asAdmin(token, ACME).contentType(InvitationCalls.CREATE_TYPE).body(body)
                .post("/sandbox/user-invitations").then().statusCode(200).extract().path("successes[0].invitationId");

        given().get("/sandbox/invitations/{id}", notified).then().statusCode(200).body("notifyInvitedUsers", equalTo(true));
        given().get("/sandbox/invitations/{id}", quiet).then().statusCode(200).body("notifyInvitedUsers", equalTo(false));
    }

    private static String emailOf(Map<String, Object> invitation) {
        return (String) ((Map<?, ?>) invitation.get("user")).get("emailAddress");
    }
}
