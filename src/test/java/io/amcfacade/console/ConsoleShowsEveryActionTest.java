package io.amcfacade.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.integrity.sealing.AuditSealer;
import io.amcfacade.audit.maintenance.AuditRetention;
import io.amcfacade.events.EventDeliverer;
import io.amcfacade.support.AccessApi;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InstancesApi;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.UsersApi;
import io.amcfacade.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * One action of every {@link AuditAction} the facade records, opened on every console page that shows it:
 * its Action page, the Timeline of the person or invitation it touched, Activity filtered to it, and its
 * export. Besides one ordinary action of each kind, the trail gets the shapes a new user meets first:
 * denials (401, 403), refusals (bad input, no such path, a rate limit), system actions (retention, the
 * reconciler's baseline and out-of-band change) and the console's own page views. Before, the Action page
 * answered 500 for every action without targets (22 of the 34 actions recorded here, of 17 kinds), while the
 * browser test only ever opened an invitation's. The loop runs over {@code AuditAction.values()}: a new action
 * fails here until this test records one.
 */
@QuarkusTest
@TestProfile(ConsoleTrail.class)
class ConsoleShowsEveryActionTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    @Inject
    AuditRetention retention;
    @Inject
    AuditSealer sealer;
    @Inject
    EventDeliverer deliverer;

    /** One action in the trail: what the test calls it, and what finds it again. */
    record Recorded(String label, AuditAction action, String eventId, String actor, OffsetDateTime occurredAt) {
    }

    @Test
    void everyActionOpensOnItsActionPageTimelineActivityAndExport() throws Exception {
        Map<AuditAction, List<Recorded>> recorded = new EnumMap<>(AuditAction.class);
        for (Recorded r : recordOneOfEveryKind()) {
            recorded.computeIfAbsent(r.action(), a -> new ArrayList<>()).add(r);
        }
        Map<String, String> session = ConsoleSignInTest.signIn(Callers.uniqueSubject("ada"), "auditor");
        String reader = Callers.token(Callers.uniqueSubject("reader"), "auditor");

        SoftAssertions softly = new SoftAssertions();
        for (AuditAction action : AuditAction.values()) {
            softly.assertThat(recorded).as("an action %s recorded by this test (a new action needs a way to record it here)",
                    action).containsKey(action);
            for (Recorded r : recorded.getOrDefault(action, List.of())) {
                opensEverywhere(r, session, reader, softly);
            }
        }
        softly.assertAll();
    }

    /** The Action page, the Timeline where the action touched a person or an invitation, Activity and Export. */
    private static void opensEverywhere(Recorded r, Map<String, String> session, String reader, SoftAssertions softly) {
        String link = "/console/actions/" + r.eventId();
        page(softly, r, session, link, Map.of()).ifPresent(html -> softly.assertThat(html)
                .as("%s: its Action page names the action and its id", r.label())
                .contains("<code>" + r.action() + "</code>").contains(r.eventId()));

        List<Map<String, Object>> targets = given().auth().oauth2(reader).get("/v1/audit/events/{id}", r.eventId())
                .then().statusCode(200).extract().jsonPath().getList("targets");
        for (Map<String, Object> target : targets == null ? List.<Map<String, Object>>of() : targets) {
            String id = String.valueOf(target.get("id"));
            String timeline = switch (String.valueOf(target.get("kind"))) {
                case "INVITATION" -> "/console/timeline/invitations/" + id;
                case "EMAIL", "USER" -> "/console/timeline";
                default -> null;
            };
            if (timeline != null) {
                Map<String, Object> query = timeline.endsWith("/timeline") ? Map.of("person", id) : Map.of();
                page(softly, r, session, timeline, query).ifPresent(html -> softly.assertThat(html)
                        .as("%s: the Timeline of %s %s lists it", r.label(), target.get("kind"), id)
                        .contains(link).contains(r.action().name()));
            }
        }

        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("action", r.action().name());
        if (r.actor() != null) {
            filter.put("actor", r.actor());
        }
        filter.put("from", r.occurredAt().minusSeconds(1).toInstant().toString());
        filter.put("to", r.occurredAt().plusMinutes(1).toInstant().toString());
        page(softly, r, session, "/console/activity", filter).ifPresent(html -> softly.assertThat(html)
                .as("%s: Activity filtered to it lists it", r.label()).contains(link));
        page(softly, r, session, "/console/activity/chart", filter);
        page(softly, r, session, "/console/export", filter).ifPresent(html -> softly.assertThat(html)
                .as("%s: Export counts it", r.label()).containsPattern("id=\"export-count\">[1-9]"));
        for (String format : List.of("csv", "ndjson")) {
            Map<String, Object> download = new LinkedHashMap<>(filter);
            download.put("format", format);
            page(softly, r, session, "/console/export/download", download).ifPresent(file -> softly.assertThat(file)
                    .as("%s: its %s export holds it", r.label(), format).contains(r.eventId()).contains(r.action().name()));
        }
    }

    /** A console page as the signed-in auditor gets it; empty (and a soft failure) unless it answered 200. */
    private static java.util.Optional<String> page(SoftAssertions softly, Recorded r, Map<String, String> session, String path,
            Map<String, Object> query) {
        Response response = given().cookies(session).redirects().follow(false).queryParams(query).get(path);
        softly.assertThat(response.statusCode()).as("%s (%s %s): GET %s %s", r.label(), r.action(), r.eventId(), path, query)
                .isEqualTo(200);
        return response.statusCode() == 200 ? java.util.Optional.of(response.asString()) : java.util.Optional.empty();
    }

    private List<Recorded> recordOneOfEveryKind() throws Exception {
        List<Recorded> all = new ArrayList<>();
        String admin = Callers.uniqueSubject("admin");
        String adminToken = Callers.token(admin, "amc-admin");
        String viewer = Callers.uniqueSubject("viewer");
        String viewerToken = Callers.token(viewer, "amc-viewer");
        String auditor = Callers.uniqueSubject("auditor");
        String auditorToken = Callers.token(auditor, "auditor");

        // Reads of AMC: no person or invitation named, the kind whose Action page answered 500.
        given().auth().oauth2(viewerToken).get("/v1/accounts").then().statusCode(200);
        String instanceId = given().auth().oauth2(viewerToken).get("/v1/accounts/{a}/instances", InvitationsApi.ACCOUNT)
                .then().statusCode(200).extract().path("instances[0].instanceId");
        given().auth().oauth2(viewerToken).get("/v1/accounts/{a}/instances/{i}", InvitationsApi.ACCOUNT, instanceId)
                .then().statusCode(200);
        given().auth().oauth2(viewerToken).get("/v1/accounts/{a}/invitations", InvitationsApi.ACCOUNT).then().statusCode(200);
        for (AuditAction action : List.of(AuditAction.ACCOUNTS_LIST, AuditAction.INSTANCES_LIST, AuditAction.INSTANCE_GET,
                AuditAction.INVITATIONS_LIST)) {
            all.add(ofActor(action.name(), action, viewer));
        }

        // Instances of an account of this test's own: created and followed (the follower's transitions), renamed,
        // advertisers listed and updated, updates read, and the instance deleted with its ETag.
        String instancesAccount = UsersApi.newAccount().accountId();
        String createdId = InstancesApi.createdInstance(adminToken, instancesAccount, "Console instance");
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(Map.of("name", "Console instance renamed"))
                .put("/v1/accounts/{a}/instances/{i}", instancesAccount, createdId).then().statusCode(200);
        given().auth().oauth2(adminToken).get("/v1/accounts/{a}/instances/{i}/advertisers", instancesAccount, createdId)
                .then().statusCode(200);
        String updateOperation = InstancesApi.updateAdvertisers(adminToken, instancesAccount, createdId, Map.of("add",
                List.of(Map.of("id", "dspconsole", "type", "DISPLAY")))).statusCode(202).extract().path("operationId");
        long updateId = InstancesApi.awaitEnd(adminToken, updateOperation).getUpdateId();
        given().auth().oauth2(adminToken).get("/v1/accounts/{a}/instances/{i}/advertisers/updates", instancesAccount,
                createdId).then().statusCode(200);
        given().auth().oauth2(adminToken).get("/v1/accounts/{a}/instances/{i}/advertisers/updates/{u}", instancesAccount,
                createdId, updateId).then().statusCode(200);
        String etag = given().auth().oauth2(adminToken).get("/v1/accounts/{a}/instances/{i}", instancesAccount, createdId)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(adminToken).header("If-Match", etag)
                .delete("/v1/accounts/{a}/instances/{i}", instancesAccount, createdId).then().statusCode(202);
        for (AuditAction action : List.of(AuditAction.INSTANCE_CREATE, AuditAction.INSTANCE_UPDATE,
                AuditAction.INSTANCE_DELETE, AuditAction.INSTANCE_ADVERTISERS_LIST, AuditAction.ADVERTISER_UPDATE_CREATE,
                AuditAction.ADVERTISER_UPDATES_LIST, AuditAction.ADVERTISER_UPDATE_GET, AuditAction.OPERATION_GET)) {
            all.add(ofActor(action.name(), action, admin));
        }
        all.add(find("OPERATION_TRANSITION of a create", AuditAction.OPERATION_TRANSITION,
                Map.of("accountId", instancesAccount), e -> true));

        // Invitations: created, read, resent, revoked one by one and in a batch.
        String resent = InvitationsApi.inviteOne(adminToken, InvitationsApi.uniqueEmail("dora"), "viewer");
        String revoked = InvitationsApi.inviteOne(adminToken, InvitationsApi.uniqueEmail("eve"), "viewer");
        InvitationsApi.get(adminToken, resent).statusCode(200);
        InvitationsApi.change(adminToken, resent, "resend").statusCode(200);
        InvitationsApi.change(adminToken, revoked, "revoke").statusCode(200);
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("updates", List.of(Map.of("invitationId", resent, "action", "revoke"))))
                .patch("/v1/accounts/{account}/invitations", InvitationsApi.ACCOUNT).then().statusCode(200);
        for (AuditAction action : List.of(AuditAction.INVITATIONS_CREATE, AuditAction.INVITATION_GET,
                AuditAction.INVITATION_RESEND, AuditAction.INVITATION_REVOKE, AuditAction.INVITATIONS_UPDATE)) {
            all.add(ofActor(action.name(), action, admin));
        }

        // Users of an account of this test's own, and what the reconciler makes of it: its baseline, then a
        // user added in AMC's own console, which no facade action explains.
        String accountId = UsersApi.newAccount().accountId();
        AccessApi.reconcile(accountId);
        String userId = UsersApi.addUser(adminToken, accountId, InvitationsApi.uniqueEmail("gus"), "viewer");
        String leaving = UsersApi.addUser(adminToken, accountId, InvitationsApi.uniqueEmail("hal"), "viewer");
        UsersApi.list(adminToken, accountId, null, null).statusCode(200);
        UsersApi.setRole(adminToken, accountId, userId, "admin").statusCode(200);
        UsersApi.batch(adminToken, accountId, List.of(UsersApi.setRoleChange(userId, "viewer"))).statusCode(200);
        UsersApi.remove(adminToken, accountId, leaving).statusCode(200);
        AccessApi.consoleAddUser(accountId, InvitationsApi.uniqueEmail("ivy"), "viewer");
        AccessApi.reconcile(accountId);
        for (AuditAction action : List.of(AuditAction.INVITATION_REDEEM, AuditAction.USERS_LIST,
                AuditAction.USER_ROLE_CHANGE, AuditAction.USERS_UPDATE, AuditAction.USER_REMOVE)) {
            all.add(ofActor(action.name(), action, admin));
        }
        all.add(find("ACCESS_BASELINE of a new account", AuditAction.ACCESS_BASELINE, Map.of("accountId", accountId), e -> true));
        // The on-demand pass an operator asks for (POST /v1/access/reconciliations), as an auditor of its own.
        String reconciler = Callers.uniqueSubject("reconciler");
        Callers.as(reconciler, "auditor").queryParam("accountId", accountId).post("/v1/access/reconciliations")
                .then().statusCode(200);
        all.add(ofActor(AuditAction.ACCESS_RECONCILE.name(), AuditAction.ACCESS_RECONCILE, reconciler));
        all.add(find("OUT_OF_BAND_CHANGE: a user added in AMC's console", AuditAction.OUT_OF_BAND_CHANGE,
                Map.of("accountId", accountId), e -> true));

        // Manager accounts: listed and read by a viewer; an EU account linked (success), a mix linked with an account
        // of another region Amazon refuses (partial failure), an unknown manager account (refusal, 404), then unlinked.
        String euAccount = given().contentType(ContentType.JSON)
                .body(Map.of("accountName", "Console EU account", "marketplaceId", "A1PA6795UKMFR9"))
                .post("/sandbox/eu/accounts").then().statusCode(201).extract().path("accountId");
        String euManager = given().contentType(ContentType.JSON).body(Map.of("managerAccountName", "Console agency"))
                .post("/sandbox/eu/manager-accounts").then().statusCode(201).extract().path("managerAccountId");
        String linker = Callers.uniqueSubject("linker");
        String linkerToken = Callers.token(linker, "amc-admin");
        given().auth().oauth2(viewerToken).get("/v1/manager-accounts").then().statusCode(200);
        given().auth().oauth2(viewerToken).get("/v1/manager-accounts/{id}", euManager).then().statusCode(200);
        all.add(ofActor(AuditAction.MANAGER_ACCOUNTS_LIST.name(), AuditAction.MANAGER_ACCOUNTS_LIST, viewer));
        all.add(ofActor(AuditAction.MANAGER_ACCOUNT_GET.name(), AuditAction.MANAGER_ACCOUNT_GET, viewer));
        given().auth().oauth2(linkerToken).contentType(ContentType.JSON).body(Map.of("accountIds", List.of(euAccount)))
                .post("/v1/manager-accounts/{id}/link", euManager).then().statusCode(200)
                .body("results[0].status", org.hamcrest.Matchers.equalTo("LINKED"));
        all.add(ofActor("MANAGER_ACCOUNT_LINK linked", AuditAction.MANAGER_ACCOUNT_LINK, linker));
        given().auth().oauth2(linkerToken).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(euAccount, InvitationsApi.ACCOUNT)))
                .post("/v1/manager-accounts/{id}/unlink", euManager).then().statusCode(200)
                .body("results[1].status", org.hamcrest.Matchers.equalTo("NOT_LINKED"));
        all.add(ofActor(AuditAction.MANAGER_ACCOUNT_UNLINK.name(), AuditAction.MANAGER_ACCOUNT_UNLINK, linker));
        given().auth().oauth2(linkerToken).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(euAccount, InvitationsApi.ACCOUNT)))
                .post("/v1/manager-accounts/{id}/link", euManager).then().statusCode(200)
                .body("results[1].status", org.hamcrest.Matchers.equalTo("FAILED"));
        all.add(ofActor("MANAGER_ACCOUNT_LINK partly refused by Amazon", AuditAction.MANAGER_ACCOUNT_LINK, linker));
        given().auth().oauth2(linkerToken).contentType(ContentType.JSON).body(Map.of("accountIds", List.of(euAccount)))
                .post("/v1/manager-accounts/{id}/link", "amzn1.ads-account.g.noconsole").then().statusCode(404);
        all.add(ofActor("MANAGER_ACCOUNT_LINK of an unknown manager account (404)", AuditAction.MANAGER_ACCOUNT_LINK,
                linker));

        // The audit trail and the access inventory, read and administered by an auditor. The tail
        // acknowledgement is refused (409): there is no cut-off tail to accept.
        String someEvent = all.get(0).eventId();
        given().auth().oauth2(auditorToken).queryParam("limit", 1).get("/v1/audit/events").then().statusCode(200);
        given().auth().oauth2(auditorToken).get("/v1/audit/events/{id}", someEvent).then().statusCode(200);
        given().auth().oauth2(auditorToken).queryParam("from", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString())
                .get("/v1/audit/verify").then().statusCode(200);
        given().auth().oauth2(auditorToken).queryParam("format", "csv").queryParam("actor", viewer).get("/v1/audit/export")
                .then().statusCode(200);
        given().auth().oauth2(auditorToken).queryParam("accountId", accountId).get("/v1/access").then().statusCode(200);
        given().auth().oauth2(auditorToken).queryParam("accountId", accountId).queryParam("userId", userId)
                .get("/v1/access/history").then().statusCode(200);
        given().auth().oauth2(auditorToken).queryParam("format", "csv").get("/v1/access/review").then().statusCode(200);
        given().auth().oauth2(auditorToken).contentType(ContentType.JSON)
                .body(Map.of("active", false, "reason", "every action on the console")).put("/v1/audit/legal-hold")
                .then().statusCode(200);
        given().auth().oauth2(auditorToken).contentType(ContentType.JSON)
                .body(Map.of("sealId", 1, "reason", "every action on the console")).post("/v1/audit/tail-acknowledgements")
                .then().statusCode(409);
        for (AuditAction action : List.of(AuditAction.AUDIT_QUERY, AuditAction.AUDIT_GET, AuditAction.AUDIT_VERIFY,
                AuditAction.AUDIT_EXPORT, AuditAction.ACCESS_QUERY, AuditAction.ACCESS_HISTORY, AuditAction.ACCESS_REVIEW,
                AuditAction.AUDIT_LEGAL_HOLD, AuditAction.AUDIT_TAIL_ACKNOWLEDGE)) {
            all.add(ofActor(action.name(), action, auditor));
        }

        // Event subscriptions: one created, read, listed, paused, resumed, replayed, its deliveries listed and deleted;
        // another disabled by the deliverer (a system action) when its receiver answered 410 to its first event.
        String subscriber = Callers.uniqueSubject("subscriber");
        String subscriberToken = Callers.token(subscriber, "auditor");
        String disabled;
        try (WebhookReceiver gone = WebhookReceiver.answering(410)) {
            String lifecycle = given().auth().oauth2(subscriberToken).contentType(ContentType.JSON)
                    .body(Map.of("endpoint", gone.url(), "format", "ocsf", "signing", "ed25519",
                            "filter", Map.of("actions", List.of(AuditAction.CONSOLE_SIGN_OUT.name()))))
                    .post("/v1/event-subscriptions").then().statusCode(201).extract().path("subscriptionId");
            given().auth().oauth2(subscriberToken).get("/v1/event-subscriptions/{id}", lifecycle).then().statusCode(200);
            given().auth().oauth2(subscriberToken).post("/v1/event-subscriptions/{id}/pause", lifecycle).then().statusCode(200);
            given().auth().oauth2(subscriberToken).post("/v1/event-subscriptions/{id}/resume", lifecycle).then().statusCode(200);
            given().auth().oauth2(subscriberToken).contentType(ContentType.JSON)
                    .body(Map.of("fromTime", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString()))
                    .post("/v1/event-subscriptions/{id}/replay", lifecycle).then().statusCode(200);
            given().auth().oauth2(subscriberToken).get("/v1/event-subscriptions/{id}/deliveries", lifecycle).then().statusCode(200);
            given().auth().oauth2(subscriberToken).delete("/v1/event-subscriptions/{id}", lifecycle).then().statusCode(200);
            disabled = given().auth().oauth2(subscriberToken).contentType(ContentType.JSON)
                    .body(Map.of("endpoint", gone.url(), "format", "cloudevents", "signing", "hmac", "maxEventsPerRequest", 10,
                            "filter", Map.of("actions", List.of(AuditAction.EVENT_SUBSCRIPTIONS_LIST.name()))))
                    .post("/v1/event-subscriptions").then().statusCode(201).extract().path("subscriptionId");
            given().auth().oauth2(subscriberToken).get("/v1/event-subscriptions").then().statusCode(200);
            for (int i = 0; i < 1000 && sealer.sealNow().isEmpty(); i++) {
                // the timer's seal is being made: the next one covers the list above
            }
            for (int round = 0; round < 50 && gone.received().isEmpty(); round++) {
                deliverer.deliverDue(); // every subscription in this database takes its turn, a batch at a time
            }
            given().auth().oauth2(subscriberToken).get("/v1/event-subscriptions/{id}", disabled).then().statusCode(200)
                    .body("state", org.hamcrest.Matchers.equalTo("DISABLED"));
        }
        for (AuditAction action : List.of(AuditAction.EVENT_SUBSCRIPTION_CREATE, AuditAction.EVENT_SUBSCRIPTION_GET,
                AuditAction.EVENT_SUBSCRIPTION_PAUSE, AuditAction.EVENT_SUBSCRIPTION_RESUME, AuditAction.EVENT_SUBSCRIPTION_REPLAY,
                AuditAction.EVENT_DELIVERIES_LIST, AuditAction.EVENT_SUBSCRIPTION_DELETE, AuditAction.EVENT_SUBSCRIPTIONS_LIST)) {
            all.add(ofActor(action.name(), action, subscriber));
        }
        all.add(find("EVENT_SUBSCRIPTION_DISABLE after a 410", AuditAction.EVENT_SUBSCRIPTION_DISABLE,
                Map.of("actor", "system:events"), e -> true));

        // Denials: no token at all (401, an anonymous actor), and a viewer asking for an admin's action (403).
        String anonymous = "every-action-" + UUID.randomUUID();
        given().header("X-Request-Id", anonymous).get("/v1/accounts").then().statusCode(401);
        all.add(find("denied without a token (401)", AuditAction.ACCOUNTS_LIST, Map.of(),
                e -> anonymous.equals(e.get("correlationId"))));
        String intruder = Callers.uniqueSubject("intruder");
        InvitationsApi.create(Callers.token(intruder, "amc-viewer"),
                List.of(InvitationsApi.invitee(InvitationsApi.uniqueEmail("joe"), "admin"))).statusCode(403);
        all.add(ofActor("denied to a viewer (403)", AuditAction.INVITATIONS_CREATE, intruder));

        // Refusals: bad input (400), a path the API does not have (404, REQUEST_REFUSED), a caller over its
        // rate limit (429; viewers get a burst of 10 on this profile).
        String careless = Callers.uniqueSubject("careless");
        InvitationsApi.create(Callers.token(careless, "amc-admin"),
                List.of(Map.of("emailAddress", "not an email", "userName", "Kim", "role", "viewer"))).statusCode(400);
        all.add(ofActor("refused as bad input (400)", AuditAction.INVITATIONS_CREATE, careless));
        String lost = Callers.uniqueSubject("lost");
        Callers.as(lost, "amc-viewer").get("/v1/no-such-resource").then().statusCode(404);
        all.add(ofActor("REQUEST_REFUSED: no such path (404)", AuditAction.REQUEST_REFUSED, lost));
        String hasty = Callers.uniqueSubject("hasty");
        String hastyToken = Callers.token(hasty, "amc-viewer");
        int status = 0;
        for (int i = 0; i < 30 && status != 429; i++) {
            status = given().auth().oauth2(hastyToken).get("/v1/accounts").statusCode();
        }
        assertThat(status).as("a viewer over its burst is refused").isEqualTo(429);
        all.add(find("refused over the rate limit (429)", AuditAction.ACCOUNTS_LIST, Map.of("actor", hasty),
                e -> Integer.valueOf(429).equals(e.get("httpStatus"))));

        // The console's own page views, and a sign-out.
        String visitor = Callers.uniqueSubject("visitor");
        Map<String, String> visit = ConsoleSignInTest.signIn(visitor, "auditor");
        given().cookies(visit).get("/console/activity").then().statusCode(200);
        String health = given().cookies(visit).get("/console/subscriptions").then().statusCode(200).extract().asString();
        assertThat(health).as("the Event delivery page shows the disabled subscription and why")
                .contains("subscription-" + disabled).contains("DISABLED").contains("410")
                .contains("batches of up to 10 events");
        String form = given().cookies(visit).get("/console/verify").then().statusCode(200).extract().asString();
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).as("the sign-out form's token").isTrue();
        given().cookies(visit).redirects().follow(false).formParam("csrf", csrf.group(1)).post("/console/sign-out")
                .then().statusCode(303);
        all.add(ofActor("a console page view (Activity)", AuditAction.AUDIT_QUERY, visitor));
        all.add(ofActor(AuditAction.CONSOLE_VIEW.name(), AuditAction.CONSOLE_VIEW, visitor));
        all.add(ofActor(AuditAction.CONSOLE_SIGN_OUT.name(), AuditAction.CONSOLE_SIGN_OUT, visitor));

        // The retention job asked to drop the month in progress: the database refuses (the month is not over)
        // and the job records its refused RETENTION_PURGE. No HTTP request runs the job, so the test calls the
        // job's own entry point, which records the action through SystemActions as it does in production.
        assertThatThrownBy(() -> retention.purge(LocalDate.now(ZoneOffset.UTC))).isInstanceOf(SQLException.class);
        all.add(find("RETENTION_PURGE refused by the database", AuditAction.RETENTION_PURGE,
                Map.of("actor", AuditRetention.ACTOR), e -> true));
        return all;
    }

    private static Recorded ofActor(String label, AuditAction action, String actor) {
        return find(label, action, Map.of("actor", actor), e -> true);
    }

    /**
     * The newest action of that kind matching the query and {@code which}, as the audit API answers it. Read as
     * JSON on purpose: the system's own actions (ACCESS_BASELINE, OUT_OF_BAND_CHANGE) carry no correlationId,
     * which openapi.yaml's AuditEvent requires, so the generated model refuses them.
     */
    private static Recorded find(String label, AuditAction action, Map<String, Object> query,
            Predicate<Map<String, Object>> which) {
        String reader = Callers.token(Callers.uniqueSubject("finder"), "auditor");
        for (int attempt = 0; attempt < 50; attempt++) { // a refusal on the I/O thread is written just after its answer
            List<Map<String, Object>> events = given().auth().oauth2(reader).queryParams(query)
                    .queryParam("action", action.name()).queryParam("limit", 100).get("/v1/audit/events")
                    .then().statusCode(200).extract().jsonPath().getList("events");
            for (Map<String, Object> e : events) {
                if (which.test(e)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> actor = (Map<String, Object>) e.get("actor");
                    return new Recorded(label, action, (String) e.get("eventId"),
                            actor == null ? null : (String) actor.get("subject"),
                            OffsetDateTime.parse((String) e.get("occurredAt")));
                }
            }
            sleep(100);
        }
        throw new AssertionError("No " + action + " in the trail for " + label + " (" + query + ")");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
