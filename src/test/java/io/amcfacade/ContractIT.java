package io.amcfacade;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.amcfacade.client.ApiClient;
import io.amcfacade.client.ApiException;
import io.amcfacade.client.ApiResponse;
import io.amcfacade.client.api.AccountsApi;
import io.amcfacade.client.api.AuditApi;
import io.amcfacade.client.api.AuditExportApi;
import io.amcfacade.client.api.InstancesApi;
import io.amcfacade.client.api.InvitationsApi;
import io.amcfacade.client.api.UsersApi;
import io.amcfacade.client.model.AuditEvent;
import io.amcfacade.client.model.CreateInvitationsRequest;
import io.amcfacade.client.model.CreateInvitationsResult;
import io.amcfacade.client.model.ExportFormat;
import io.amcfacade.client.model.Instance;
import io.amcfacade.client.model.Invitation;
import io.amcfacade.client.model.InvitationAction;
import io.amcfacade.client.model.InvitationPage;
import io.amcfacade.client.model.InvitationRequest;
import io.amcfacade.client.model.InvitationResult;
import io.amcfacade.client.model.InvitationState;
import io.amcfacade.client.model.InvitationUpdate;
import io.amcfacade.client.model.Problem;
import io.amcfacade.client.model.Role;
import io.amcfacade.client.model.SetUserRoleRequest;
import io.amcfacade.client.model.UpdateInvitationsRequest;
import io.amcfacade.client.model.UpdateInvitationsResult;
import io.amcfacade.client.model.UpdateResult;
import io.amcfacade.client.model.UpdateResultStatus;
import io.amcfacade.client.model.UpdateUsersRequest;
import io.amcfacade.client.model.User;
import io.amcfacade.client.model.UserChange;
import io.amcfacade.client.model.UserChangeAction;
import io.amcfacade.client.model.UserChangeResult;
import io.amcfacade.client.model.UserChangeStatus;
import io.amcfacade.support.FacadeProcess;
import io.amcfacade.support.ValidatingProxy;
import io.amcfacade.support.ValidatingProxy.Violation;
import io.restassured.http.ContentType;

/**
 * A platform team's first day: the Java client generated from {@code openapi.yaml} calls every
 * operation of the contract (the invitation lifecycle, users, instances, the audit trail and its
 * exports) against the packaged service, and every call goes through
 * Prism, which checks each request and response against the contract. Any response that does not
 * match the contract fails the test; so does any request the happy path sends that does not.
 */
class ContractIT {

    private static final String ON_BEHALF_OF = "jane.doe@example.com";
    /** Far above any call here; a hung exchange fails the test instead of the build's time limit. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private static FacadeProcess facade;
    private static ValidatingProxy proxy;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> responseViolations = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        Path workDir = Files.createTempDirectory("amc-facade-contract-it");
        facade = new FacadeProcess(workDir, FacadeProcess.freePort());
        facade.start("facade", Map.of());
        proxy = ValidatingProxy.start(facade.baseUri(), workDir.resolve("prism.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (facade != null) {
            facade.close();
        }
    }

    @Test
    void anInvitationsWholeLifeAndItsAuditTrailThroughTheGeneratedClient() throws Exception {
        ApiClient admin = client("it-admin", "amc-admin");
        ApiClient auditor = client("it-auditor", "auditor");
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String carol = "carol-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        String accountId = new AccountsApi(admin).listAccounts(ON_BEHALF_OF).getAccounts().get(0).getAccountId();

        InvitationsApi invitations = new InvitationsApi(admin);
        CreateInvitationsRequest invite = new CreateInvitationsRequest().notifyInvitedUsers(false)
                .addInvitationsItem(new InvitationRequest().emailAddress(bob).userName("Bob").role(Role.VIEWER))
                .addInvitationsItem(new InvitationRequest().emailAddress(carol).userName("Carol").role(Role.ADMIN));
        String key = "contract-it-" + UUID.randomUUID();
        CreateInvitationsResult created = invitations.createInvitations(accountId, invite, key, ON_BEHALF_OF);
        assertThat(created.getSucceeded()).isEqualTo(2);
        ApiResponse<CreateInvitationsResult> replayed = invitations.createInvitationsWithHttpInfo(accountId, invite, key,
                ON_BEHALF_OF);
        assertThat(replayed.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThat(replayed.getData()).isEqualTo(created);
        String bobsInvitation = invitationOf(created, bob);
        String carolsInvitation = invitationOf(created, carol);

        assertThat(pendingInvitations(invitations, accountId)).contains(bobsInvitation, carolsInvitation);
        Invitation read = invitations.getInvitation(accountId, bobsInvitation, ON_BEHALF_OF);
        assertThat(read.getEmailAddress()).isEqualTo(bob);
        assertThat(invitations.revokeInvitation(accountId, bobsInvitation, null, ON_BEHALF_OF).getState())
                .isEqualTo(InvitationState.REVOKED);
        assertThat(problem(() -> invitations.revokeInvitation(accountId, bobsInvitation, null, ON_BEHALF_OF)))
                .extracting(Problem::getStatus, Problem::getCode).containsExactly(409, "INVALID_STATE_TRANSITION");
        UpdateInvitationsResult batch = invitations.updateInvitations(accountId, new UpdateInvitationsRequest()
                .addUpdatesItem(new InvitationUpdate().invitationId(bobsInvitation).action(InvitationAction.RESEND)), null,
                ON_BEHALF_OF);
        assertThat(batch.getResults()).extracting(UpdateResult::getStatus).containsExactly(UpdateResultStatus.FAILED);
        assertThat(invitations.resendInvitation(accountId, carolsInvitation, null, ON_BEHALF_OF).getState())
                .isEqualTo(InvitationState.PENDING);
        assertThat(invitations.redeemInvitation(carolsInvitation, inviteeToken(carol), null, ON_BEHALF_OF).getState())
                .isEqualTo(InvitationState.ACCEPTED);

        UsersApi users = new UsersApi(admin);
        User carolAsUser = users.listUsers(accountId, 100, null, ON_BEHALF_OF).getUsers().stream()
                .filter(user -> carol.equals(user.getEmailAddress())).findFirst().orElseThrow();
        assertThat(carolAsUser.getRole()).isEqualTo("admin");
        assertThat(users.setUserRole(accountId, carolAsUser.getUserId(), new SetUserRoleRequest().role(Role.VIEWER), null,
                ON_BEHALF_OF).getChanged()).isTrue();
        assertThat(users.updateUsers(accountId, new UpdateUsersRequest().addChangesItem(new UserChange()
                .userId(carolAsUser.getUserId()).action(UserChangeAction.SET_ROLE).role(Role.ADMIN)), null, ON_BEHALF_OF)
                .getResults()).extracting(UserChangeResult::getStatus).containsExactly(UserChangeStatus.UPDATED);
        assertThat(users.removeUser(accountId, carolAsUser.getUserId(), null, ON_BEHALF_OF).getPreviousRole())
                .isEqualTo("admin");

        InstancesApi instances = new InstancesApi(admin);
        Instance first = instances.listInstances(accountId, 10, null, ON_BEHALF_OF).getInstances().get(0);
        assertThat(instances.getInstance(accountId, first.getInstanceId(), ON_BEHALF_OF).getName()).isEqualTo(first.getName());

        AuditApi audit = new AuditApi(auditor);
        List<AuditEvent> aboutBob = audit.listAuditEvents(null, null, "it-admin", null, bob, null, null, null, null, 50, null, null)
                .getEvents();
        assertThat(aboutBob).extracting(AuditEvent::getAction).contains("INVITATIONS_CREATE");
        AuditEvent invited = aboutBob.stream().filter(e -> e.getAction().equals("INVITATIONS_CREATE")).findFirst().orElseThrow();
        assertThat(invited.getActor().getOnBehalfOf()).isEqualTo(ON_BEHALF_OF);
        assertThat(audit.getAuditEvent(invited.getEventId().toString(), null).getRecords()).isNotEmpty();
        assertThat(audit.getInvitationTimeline(bobsInvitation, null).getEvents()).extracting(AuditEvent::getAction)
                .contains("INVITATION_GET", "INVITATION_REVOKE");
        assertThat(audit.verifyAuditTrail(null, null, null).getIntact()).isTrue();

        AuditExportApi export = new AuditExportApi(auditor);
        List<String> ndjson = Files.readAllLines(export.exportAuditEvents(ExportFormat.NDJSON, null, null, "it-admin",
                null, bob, null, null, null, null, null).toPath());
        assertThat(ndjson.get(ndjson.size() - 1)).startsWith("{\"manifest\":{\"count\":" + (ndjson.size() - 1) + ",");
        List<String> csv = Files.readAllLines(export.exportAuditEvents(ExportFormat.CSV, null, null, "it-admin", null, bob,
                null, null, null, null, null).toPath());
        assertThat(csv.get(csv.size() - 1)).startsWith("#manifest," + (csv.size() - 2) + ",");

        assertThat(violations).as("requests and responses that break openapi.yaml").isEmpty();
    }

    @Test
    void everyErrorIsAProblemDocumentTheContractDescribes() throws Exception {
        ApiClient viewer = client("it-viewer", "amc-viewer");
        ApiClient auditor = client("it-auditor", "auditor");
        ApiClient anonymous = throughProxy();
        String accountId = new AccountsApi(viewer).listAccounts(null).getAccounts().get(0).getAccountId();

        assertThat(problem(() -> new AccountsApi(anonymous).listAccounts(null)))
                .extracting(Problem::getStatus, Problem::getCode).containsExactly(401, "UNAUTHORIZED");
        assertThat(problem(() -> new InvitationsApi(viewer).createInvitations(accountId, new CreateInvitationsRequest()
                .addInvitationsItem(new InvitationRequest().emailAddress("dan@example.com").userName("Dan").role(Role.VIEWER)),
                null, null)))
                .extracting(Problem::getStatus, Problem::getCode).containsExactly(403, "FORBIDDEN");
        assertThat(problem(() -> new InvitationsApi(viewer).getInvitation(accountId, "amzn1.invitation.unknown", null)))
                .extracting(Problem::getStatus, Problem::getCode).containsExactly(404, "INVITATION_NOT_FOUND");
        assertThat(problem(() -> new InstancesApi(viewer).listInstances("ENTITY9UNKNOWN", null, null, null)))
                .extracting(Problem::getStatus, Problem::getCode).containsExactly(404, "ACCOUNT_NOT_FOUND");
        assertThat(problem(() -> new AuditApi(auditor).getAuditEvent(UUID.randomUUID().toString(), null)))
                .extracting(Problem::getStatus, Problem::getCode).containsExactly(404, "AUDIT_EVENT_NOT_FOUND");
        assertThat(problem(() -> new AuditApi(auditor).listAuditEvents(null, null, null, null, null, null, null, null, null, 0,
                null, null)))
                .extracting(Problem::getStatus, Problem::getCode).containsExactly(400, "INVALID_REQUEST");
        assertThat(problem(() -> new AuditApi(auditor).listAuditEvents(null, null, null, null, null, null, null, null, null, 10,
                "not-a-cursor", null)))
                .extracting(Problem::getStatus, Problem::getCode).containsExactly(400, "INVALID_REQUEST");

        // Some requests above break the contract on purpose (no token, limit 0), and Prism says so; the answers must not.
        assertThat(violations).as("what Prism reported").isNotEmpty();
        assertThat(responseViolations).as("responses that break openapi.yaml").isEmpty();
    }

    private ApiClient client(String subject, String... roles) {
        String token = facade.sandboxToken(subject, roles);
        ApiClient client = throughProxy();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /**
     * A generated client aimed at the proxy, recording what Prism reports. HTTP/1.1: the JDK client's
     * default offers an h2c upgrade, which Prism passes on and then cannot follow.
     */
    private ApiClient throughProxy() {
        ApiClient client = new ApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1),
                ApiClient.createDefaultObjectMapper(), proxy.baseUri());
        client.setReadTimeout(CALL_TIMEOUT);
        client.setResponseInterceptor(this::record);
        return client;
    }

    private void record(HttpResponse<?> response) {
        for (Violation violation : ValidatingProxy.violations(response)) {
            String line = response.request().method() + " " + response.request().uri() + " -> " + response.statusCode()
                    + ": " + violation.where() + ": " + violation.message();
            violations.add(line);
            if (violation.inResponse()) {
                responseViolations.add(line);
            }
        }
    }

    private static String inviteeToken(String email) {
        return given().spec(facade.spec()).contentType(ContentType.JSON).body(Map.of("emailAddress", email))
                .post("/sandbox/invitee-tokens").then().statusCode(200).extract().path("access_token");
    }

    private static String invitationOf(CreateInvitationsResult result, String email) {
        return result.getResults().stream().filter(r -> email.equals(r.getEmailAddress()))
                .map(InvitationResult::getInvitation).map(Invitation::getInvitationId)
                .findFirst().orElseThrow();
    }

    /** Every pending invitation of the account, page by page. */
    private static List<String> pendingInvitations(InvitationsApi invitations, String accountId) throws ApiException {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            InvitationPage page = invitations.listInvitations(accountId, InvitationState.PENDING, 1, cursor, ON_BEHALF_OF);
            page.getInvitations().forEach(invitation -> ids.add(invitation.getInvitationId()));
            cursor = page.getNextCursor();
        } while (cursor != null);
        return ids;
    }

    /** The problem document a failing call answered with, read by the generated client's own mapper. */
    private static Problem problem(ThrowingCallable call) throws Exception {
        ApiException failure = catchThrowableOfType(ApiException.class, call);
        assertThat(failure).as("the call fails").isNotNull();
        assertThat(failure.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
        return new ApiClient().getObjectMapper().readValue(failure.getResponseBody(), Problem.class);
    }
}
