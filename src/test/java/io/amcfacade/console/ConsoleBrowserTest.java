package io.amcfacade.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AccessApi;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InstancesApi;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.OwnerDatabase;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The console in a real browser, signed in through the sandbox's OpenID Connect provider: the scenarios
 * of issue 17, in order, one browser for all of them. Screenshots of the main pages land in
 * target/console-screenshots (docs/img holds the committed copies).
 */
@QuarkusTest
@TestProfile(ConsoleTrail.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static ConsoleBrowser browser;
    private static final String AUDITOR = Callers.uniqueSubject("alice");
    private static final String INVITEE = InvitationsApi.uniqueEmail("dora");
    /**
     * Verify runs over this class's own part of the shared test trail: other tests write back-dated
     * fixtures that verify rightly reports as outside their seal windows.
     */
    private static final String SINCE = java.time.Instant.now().minusSeconds(1).toString();
    private static String invitationId;
    private static String eventPath;

    @TestHTTPResource("/")
    URL root;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private ConsoleBrowser browser() throws IOException {
        if (browser == null) {
            // As a person would type it (README): localhost, the host the sandbox provider is configured on
            // (ConsoleLoopbackSignInBrowserTest signs in from 127.0.0.1 too).
            browser = new ConsoleBrowser("http://localhost:" + root.getPort());
        }
        return browser;
    }

    @Test
    @Order(1)
    void signsInThroughTheSandboxProvider() throws IOException {
        invitationId = InvitationsApi.inviteOne(Callers.token(Callers.uniqueSubject("onboarding"), "amc-admin"), INVITEE,
                "viewer");
        browser().signIn("/console", AUDITOR, "Alice Auditor", "auditor");

        assertThat(browser.find("#viewer-name").getText()).isEqualTo("Alice Auditor");
        // Keyboard first: the first Tab lands on the skip link, which moves focus to the page's content.
        browser.driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        browser.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        assertThat(browser.find("h1").getText()).isEqualTo("Activity");
        assertThat(browser.driver.manage().getCookieNamed("q_session_console"))
                .satisfies(c -> assertThat(c.isHttpOnly()).isTrue())
                .satisfies(c -> assertThat(c.isSecure()).isTrue())
                .satisfies(c -> assertThat(c.getSameSite()).isEqualTo("Lax"));
    }

    @Test
    @Order(2)
    void filtersByInviteeEmailAndFindsTheInvitation() throws IOException {
        browser().open("/console/activity");
        browser.find("#f-target").sendKeys(INVITEE.toUpperCase());
        browser.find("#apply-filter").click();

        WebElement table = browser.find("#events");
        assertThat(browser.currentPath()).contains("targetId=" + INVITEE.toUpperCase().replace("@", "%40"));
        assertThat(table.getText()).contains("INVITATIONS_CREATE").contains(invitationId);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-figure")));
        browser.until(d -> !d.findElements(By.cssSelector("#events time[data-local]")).isEmpty());
        browser.screenshot("activity");
        // 200 % zoom on a 1280 px laptop is a 640 CSS px viewport: the page reflows, nothing scrolls sideways.
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(640, 1000));
        assertThat((Boolean) browser.driver.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
        browser.screenshot("activity-640px");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        eventPath = table.findElement(By.cssSelector("a.event-link")).getAttribute("href");
    }

    @Test
    @Order(3)
    void opensTheActionAndSeesItsSeal() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) { // sealed within a second or two (seal-interval PT1S)
            browser().driver.get(eventPath);
            if (!browser.driver.findElements(By.cssSelector(".seal-id")).isEmpty()) {
                break;
            }
            sleep(500);
        }
        assertThat(browser.find("#targets-heading").isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(INVITEE).contains(invitationId);
        assertThat(browser.find(".seal-id").getText()).matches("#\\d+");
        assertThat(browser.find("#records").getText()).contains("INTENT").contains("OUTCOME");
        browser.screenshot("action");
    }

    @Test
    @Order(4)
    void opensAnActionWithoutTargets() throws IOException {
        String viewer = Callers.uniqueSubject("vera");
        Callers.as(viewer, "amc-viewer").get("/v1/accounts").then().statusCode(200);

        browser().open("/console/activity?actor=" + viewer);
        browser.find("#events a.event-link").click();
        assertThat(browser.find("h1").getText()).contains("ACCOUNTS_LIST").contains("SUCCEEDED");
        assertThat(browser.find("#no-targets").getText()).isEqualTo("This action touched no person or thing by name.");
        assertThat(browser.find("#records").getText()).contains("INTENT").contains("OUTCOME");
    }

    @Test
    @Order(5)
    void verifyShowsIntact() throws IOException {
        browser().open("/console/verify");
        browser.find("#v-from").sendKeys(SINCE);
        browser.find("#run-verify").click();

        assertThat(browser.find("#verify-result").getText()).contains("The trail is intact");
        browser.screenshot("verify");
    }

    @Test
    @Order(6)
    void verifyNamesTheFirstRecordTamperedThroughSql() throws Exception {
        long seq = sealedIntentOf(INVITEE);
        String original = tamper(seq, null);
        try {
            browser().open("/console/verify/run?from=" + SINCE);
            assertThat(browser.find("#verify-result").getText()).contains("A record was changed after it was written");
            assertThat(browser.find("#bad-seq").getText()).isEqualTo(Long.toString(seq));
            browser.screenshot("verify-tampered");
        } finally {
            tamper(seq, original);
        }
        browser.open("/console/verify/run?from=" + SINCE);
        assertThat(browser.find("#verify-result").getText()).contains("The trail is intact");
    }

    @Test
    @Order(7)
    void exportDownloadsAFileWhoseManifestMatches() throws Exception {
        browser().open("/console/activity?targetId=" + INVITEE);
        browser.find("#export-filter").click();
        long count = Long.parseLong(browser.find("#export-count").getText());
        assertThat(count).isGreaterThanOrEqualTo(1);
        browser.screenshot("export");
        browser.find("#download-csv").click();

        Path file = browser.downloads.resolve("audit-export.csv");
        browser.until(d -> Files.exists(file) && !Files.exists(browser.downloads.resolve("audit-export.csv.crdownload")));
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int manifestAt = text.lastIndexOf("#manifest,");
        String[] manifest = text.substring(manifestAt).trim().split(",");
        byte[] body = java.util.Arrays.copyOf(bytes, text.substring(0, manifestAt).getBytes(StandardCharsets.UTF_8).length);
        assertThat(manifest[2]).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        assertThat(Long.parseLong(manifest[1])).isEqualTo(count);
        assertThat(text).contains(INVITEE).contains("INVITATIONS_CREATE");
    }

    @Test
    @Order(8)
    void aViewerIsRefusedAndTheRefusalIsAudited() throws IOException {
        String viewer = Callers.uniqueSubject("victor");
        browser().signIn("/console/activity", viewer, "Victor Viewer", "amc-viewer");

        assertThat(browser.find("#not-allowed").getText()).contains("Not allowed").contains("auditor");
        browser.screenshot("not-allowed");
        List<AuditEvent> events = AuditTrail.eventsOf(viewer);
        assertThat(events).anySatisfy(e -> {
            assertThat(e).returns("AUDIT_QUERY", AuditEvent::getAction).returns(AuditOutcome.DENIED, AuditEvent::getOutcome)
                    .returns("/console/activity", AuditEvent::getPath).returns("FORBIDDEN", AuditEvent::getErrorCode);
        });
    }

    @Test
    @Order(9)
    void aPageViewAppearsInTheTrail() throws IOException {
        browser().signIn("/console/timeline", AUDITOR, "Alice Auditor", "auditor");
        browser.find("#person").sendKeys(INVITEE);
        browser.find("#show-timeline").click();
        assertThat(browser.find("#timeline").getText()).contains("INVITATIONS_CREATE");
        browser.screenshot("timeline");

        browser.open("/console/activity?actor=" + AUDITOR + "&action=AUDIT_QUERY");
        assertThat(browser.find("#events").getText()).contains("AUDIT_QUERY").contains(AUDITOR);
        assertThat(AuditTrail.eventsOf(AUDITOR)).anySatisfy(e -> assertThat(e)
                .returns("AUDIT_QUERY", AuditEvent::getAction).returns("/console/timeline", AuditEvent::getPath)
                .returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome));
        assertThat(AuditTrail.eventsOf(AUDITOR)).anySatisfy(e -> assertThat(e)
                .returns("AUDIT_GET", AuditEvent::getAction).returns(eventPath.replaceAll(".*/", ""), AuditEvent::getTargetId));
    }

    @Test
    @Order(10)
    void accessShowsARoleTheTestGrantedAndOpensTheUsersHistory() throws IOException {
        String admin = Callers.token(Callers.uniqueSubject("onboarding"), "amc-admin");
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        String email = InvitationsApi.uniqueEmail("gus");
        String userId = UsersApi.addUser(admin, account, email, "viewer");
        AccessApi.reconcile(account); // sees the invited viewer, then the role change, both through the facade
        UsersApi.setRole(admin, account, userId, "admin").statusCode(200);
        // And a user who reaches the account only through a manager account linked behind the facade's back.
        String managerAccount = AccessApi.newManagerAccount("na", "Console agency");
        String agentEmail = InvitationsApi.uniqueEmail("agent");
        String agent = AccessApi.managerAccountUser(managerAccount, agentEmail, "VIEWER");
        AccessApi.consoleLink(managerAccount, account);
        AccessApi.reconcile(account);

        browser().open("/console/activity");
        browser.find("nav a[href='/console/access']").click();
        browser.find("#a-account").sendKeys(account);
        new org.openqa.selenium.support.ui.Select(browser.find("#a-region")).selectByValue("na");
        browser.find("#show-access").click();
        WebElement row = browser.find("#grants").findElement(By.xpath(".//tr[td/code[text()='" + userId + "']]"));
        assertThat(row.getText()).contains(email).contains("admin").contains("through the facade");
        assertThat(row.findElement(By.cssSelector("td.held")).getText()).isEqualTo("direct");
        assertThat(row.findElement(By.cssSelector("td.region")).getText()).isEqualTo("na");
        WebElement agentRow = browser.find("#grants").findElement(By.xpath(".//tr[td/code[text()='" + agent + "']]"));
        assertThat(agentRow.findElement(By.cssSelector("td.held")).getText())
                .isEqualTo("via manager account " + managerAccount);
        assertThat(agentRow.getText()).contains(agentEmail).contains("viewer").contains("out of band");
        browser.until(d -> !d.findElements(By.cssSelector("#grants time[data-local]")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector("input[name=zone]")).getAttribute("value")).as("the viewer's zone, for the picker")
                .isNotBlank();
        assertThat((Boolean) browser.driver.executeScript("var w = document.querySelector('#grants').parentElement;"
                + " return w.scrollWidth <= w.clientWidth")).as("the grants fit 1280 px without scrolling sideways").isTrue();
        browser.screenshot("access");

        row.findElement(By.cssSelector("a.history-link")).click();
        assertThat(browser.find("#history-user").getText()).isEqualTo(userId);
        assertThat(browser.find("#access-history").getText()).contains("viewer → admin").contains("held now")
                .contains("direct");
        assertThat(browser.find("#history-region").getText()).contains("na");
        browser.screenshot("access-history");

        browser.open("/console/access/history?accountId=" + account + "&userId=" + agent);
        assertThat(browser.find("#access-history").getText()).contains("via manager account " + managerAccount)
                .contains("held now");
        assertThat(browser.find("#current-role").getText()).isEqualTo("viewer (via manager account " + managerAccount + ")");
        browser.open("/console/access/changes?accountId=" + account);
        assertThat(browser.find("#changes").getText()).contains("user added as viewer via manager account " + managerAccount);
        browser.open("/console/access?accountId=" + account + "&region=eu");
        assertThat(browser.find("#access-empty").getText()).as("the account is in na").contains("No grant matches");
        assertThat(AuditTrail.eventsOf(AUDITOR)).anySatisfy(e -> assertThat(e).returns("ACCESS_HISTORY", AuditEvent::getAction)
                .returns("/console/access/history", AuditEvent::getPath).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome));
    }

    @Test
    @Order(11)
    void instancesShowAnAccountsInstancesAdvertisersAndOperationsInEveryState() throws Exception {
        String admin = Callers.token(Callers.uniqueSubject("onboarding"), "amc-admin");
        String account = UsersApi.newAccount().accountId();
        String created = InstancesApi.create(admin, account, "Console followed", null).statusCode(202)
                .extract().path("operationId");
        String doomed = InstancesApi.create(admin, account, "Console doomed", null).statusCode(202)
                .extract().path("operationId");
        // A seeded instance left with no advertiser: its one advertiser, the account itself, removed.
        String seeded = given().auth().oauth2(admin).get("/v1/accounts/{a}/instances?limit=50", account).then().statusCode(200)
                .extract().jsonPath().getString("instances.find { it.name.contains('production') }.instanceId");
        String emptied = InstancesApi.updateAdvertisers(admin, account, seeded, Map.of("remove", List.of(Map.of("id", account,
                "type", "SPONSORED_ADS", "marketplaceId", "ATVPDKIKX0DER")))).statusCode(202).extract().path("operationId");
        String bare = UsersApi.newAccount().accountId(); // its three seeded instances deleted through the facade
        for (String id : given().auth().oauth2(admin).get("/v1/accounts/{a}/instances", bare).then().statusCode(200)
                .extract().jsonPath().getList("instances.instanceId", String.class)) {
            String etag = given().auth().oauth2(admin).get("/v1/accounts/{a}/instances/{i}", bare, id).then().extract().header("ETag");
            given().auth().oauth2(admin).header("If-Match", etag).delete("/v1/accounts/{a}/instances/{i}", bare, id)
                    .then().statusCode(202);
        }
        String instant = InstancesApi.instantInstance(account, "Console instant");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Renamed instant"))
                .put("/v1/accounts/{a}/instances/{i}", account, instant).then().statusCode(409); // the facade learns it
        String instanceId = InstancesApi.awaitEnd(admin, created).getInstanceId();
        String doomedId = InstancesApi.await(admin, doomed, o -> o.getInstanceId() != null).getInstanceId();
        InstancesApi.pinCreationStatus(account, doomedId, "FAILED");
        InstancesApi.awaitEnd(admin, doomed);
        // On one instance: an update rejected at review, one still awaiting review at its deadline, one awaiting review.
        String rejected = reviewed(admin, account, instanceId, "rejected");
        InstancesApi.review(account, instanceId, updateIdOf(admin, rejected), "REJECT");
        InstancesApi.awaitEnd(admin, rejected);
        String timedOut = reviewed(admin, account, instanceId, "late");
        InstancesApi.pastDeadline(timedOut);
        InstancesApi.awaitEnd(admin, timedOut);
        InstancesApi.review(account, instanceId, updateIdOf(admin, timedOut), "REJECT"); // closed at AMC too
        String awaiting = reviewed(admin, account, instanceId, "awaiting");
        InstancesApi.awaitEnd(admin, emptied);

        browser().open("/console/activity");
        browser.find("nav a[href='/console/instances']").click();
        browser.find("#i-account").sendKeys(account);
        browser.find("#show-instances").click();
        assertThat(browser.find("#account-id").getText()).isEqualTo(account);
        assertThat(browser.currentPath()).isEqualTo("/console/accounts/" + account + "/instances");
        WebElement instances = browser.find("#instances");
        assertThat(row(instances, "data-instance", instanceId).getText()).contains("Console followed").contains("COMPLETED");
        assertThat(row(instances, "data-instance", doomedId).getText()).contains("Console doomed").contains("FAILED");
        assertThat(row(instances, "data-instance", instant).getText()).contains("Console instant").contains("instant access");
        assertThat(row(instances, "data-instance", seeded).getText()).doesNotContain("instant access");
        assertThat(browser.find("#operations").getText()).contains("INSTANCE_CREATE").contains("ADVERTISER_UPDATE")
                .contains("TIMED_OUT").contains(doomedId);
        browser.until(d -> !d.findElements(By.cssSelector("#instances time[data-local]")).isEmpty());
        browser.screenshot("instances");

        row(instances, "data-instance", instanceId).findElement(By.cssSelector("a.instance-link")).click();
        assertThat(browser.find("#instance-id").getText()).isEqualTo(instanceId);
        assertThat(browser.driver.findElements(By.id("instant-access"))).isEmpty();
        assertThat(browser.find("#advertisers").getText()).contains(account);
        WebElement operations = browser.find("#operations");
        assertThat(row(operations, "data-operation", created).getText()).contains("INSTANCE_CREATE").contains("SUCCEEDED")
                .contains("COMPLETED").contains("100 %").contains("REQUESTED → ");
        assertThat(row(operations, "data-operation", rejected).getText()).contains("FAILED").contains("REJECTED")
                .contains("AMC rejected the advertiser update");
        assertThat(row(operations, "data-operation", timedOut).getText()).contains("TIMED_OUT").contains("AWAITING_APPROVAL")
                .contains("AMC may still finish it");
        assertThat(row(operations, "data-operation", awaiting).getText()).contains("RUNNING").contains("AWAITING_APPROVAL")
                .contains("40 %").contains("deadline");
        browser.until(d -> !d.findElements(By.cssSelector("#operations time[data-local]")).isEmpty());
        browser.screenshot("instance");
        String detail = browser.currentPath();

        row(operations, "data-operation", created).findElement(By.cssSelector("a.started-by")).click();
        assertThat(browser.find("main").getText()).contains("INSTANCE_CREATE").contains("Console followed");
        browser.open(detail);
        List<WebElement> transitions = row(browser.find("#operations"), "data-operation", timedOut)
                .findElements(By.cssSelector("a.transition"));
        assertThat(transitions).as("its transitions, oldest first").isNotEmpty();
        WebElement last = transitions.get(transitions.size() - 1);
        assertThat(last.getText()).isEqualTo("AWAITING_APPROVAL → AWAITING_APPROVAL");
        last.click();
        assertThat(browser.find("main").getText()).contains("OPERATION_TRANSITION").contains("system:operations")
                .contains("TIMED_OUT").contains(timedOut);
        assertThat(browser.find("#account-instances").getAttribute("href")).endsWith("/console/accounts/" + account + "/instances");
        browser.find("a.instance-link").click(); // the transition's target, back to its instance
        assertThat(browser.currentPath()).isEqualTo(detail);

        browser.open("/console/accounts/" + account + "/instances/" + instant);
        assertThat(browser.find("#instant-access").getText()).isEqualTo("instant access");
        assertThat(browser.find("#instance").getText()).contains("instant self-service access");
        assertThat(browser.find("#no-operations").isDisplayed()).isTrue();
        browser.open("/console/accounts/" + account + "/instances/" + seeded);
        assertThat(browser.find("#no-advertisers").getText()).contains("No advertiser is linked");
        assertThat(row(browser.find("#operations"), "data-operation", emptied).getText()).contains("SUCCEEDED");

        browser.open("/console/accounts/" + bare + "/instances");
        assertThat(browser.find("#no-instances").getText()).contains("AMC lists no instances");
        assertThat(browser.find("#operations").getText()).contains("INSTANCE_DELETE");

        browser.open("/console/accounts/" + account + "/instances/amcnosuchinstance");
        assertThat(browser.find("#error").getText()).contains("INSTANCE_NOT_FOUND").contains("404");
        browser.open("/console/accounts/" + account + "/instances/not%20an%20id");
        assertThat(browser.find("#error").getText()).contains("instanceId").contains("400");
        browser.open("/console/instances?accountId=no%20such%20account");
        assertThat(browser.find("#error").getText()).contains("accountId");

        assertThat(AuditTrail.eventsOf(AUDITOR)).anySatisfy(e -> assertThat(e).returns("INSTANCES_LIST", AuditEvent::getAction)
                .returns(account, AuditEvent::getAccountId).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome))
                .anySatisfy(e -> assertThat(e).returns("INSTANCE_GET", AuditEvent::getAction)
                        .returns(instanceId, AuditEvent::getTargetId).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome))
                .anySatisfy(e -> assertThat(e).returns("INSTANCE_GET", AuditEvent::getAction)
                        .returns("amcnosuchinstance", AuditEvent::getTargetId).returns(404, AuditEvent::getHttpStatus));
    }

    /** An advertiser update of two advertisers, followed until it awaits Amazon's review; answers its operation id. */
    private static String reviewed(String admin, String account, String instanceId, String tag) {
        String operationId = InstancesApi.updateAdvertisers(admin, account, instanceId, Map.of("add", List.of(
                Map.of("id", "dsp" + tag + "1", "type", "DISPLAY"), Map.of("id", "dsp" + tag + "2", "type", "DISPLAY"))))
                .statusCode(202).extract().path("operationId");
        InstancesApi.await(admin, operationId, o -> "AWAITING_APPROVAL".equals(o.getAmcStatus()));
        return operationId;
    }

    private static long updateIdOf(String admin, String operationId) {
        return InstancesApi.operation(admin, operationId).statusCode(200).extract().as(io.amcfacade.api.model.Operation.class)
                .getUpdateId();
    }

    private static WebElement row(WebElement table, String attribute, String value) {
        return table.findElement(By.cssSelector("tr[" + attribute + "='" + value + "']"));
    }

    @Test
    @Order(12)
    void signOutEndsTheSession() throws IOException {
        browser().open("/console/activity");
        browser.find("#sign-out").click();
        browser.find("#sign-in-again");
        assertThat(browser.driver.manage().getCookieNamed("q_session_console")).isNull();
        browser.open("/console/activity");
        assertThat(browser.find("#sign-in").isDisplayed()).isTrue(); // back at the provider's sign-in page
    }

    /** The intent of the newest action that touched {@code target}, once a seal covers it. */
    private static long sealedIntentOf(String target) throws Exception {
        try (Connection connection = OwnerDatabase.connect(); PreparedStatement find = connection.prepareStatement(
                "SELECT i.seq FROM audit_records i JOIN audit_seals s ON i.txid >= s.txid_from AND i.txid < s.txid_to "
                        + "WHERE i.kind = 'INTENT' AND i.event_id IN (SELECT event_id FROM audit_records "
                        + "WHERE kind = 'TARGET' AND target_id = ?) ORDER BY i.seq LIMIT 1")) {
            find.setString(1, target);
            try (ResultSet rs = find.executeQuery()) {
                assertThat(rs.next()).as("a sealed intent touching " + target).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /** Sets the record's actor as an attacker would (triggers bypassed); {@code null} writes "mallory". Answers the old value. */
    private static String tamper(long seq, String value) throws Exception {
        try (Connection connection = OwnerDatabase.connect(); Statement statement = connection.createStatement()) {
            String old;
            try (ResultSet rs = statement.executeQuery("SELECT actor_subject FROM audit_records WHERE seq = " + seq)) {
                rs.next();
                old = rs.getString(1);
            }
            statement.execute("SET session_replication_role = replica");
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE audit_records SET actor_subject = ? WHERE seq = ?")) {
                update.setString(1, value == null ? "mallory" : value);
                update.setLong(2, seq);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            return old;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
