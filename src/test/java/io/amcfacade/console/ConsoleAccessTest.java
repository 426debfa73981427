package io.amcfacade.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AccessApi;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The console's Access pages over HTTP: the inventory now and at a date read in the viewer's zone, a
 * user's history, the out-of-band changes since a day, the review pack and its count, bad input named,
 * a viewer refused, and every view audited as its API call.
 */
@QuarkusTest
class ConsoleAccessTest {

    private static final String AUDITOR = Callers.uniqueSubject("ada");
    private static String account;
    private static String userId;
    private static Instant asViewer;
    private static Map<String, String> session;

    /** Once, before the first test (RestAssured points at the test port only once the tests run). */
    private static void driftOneUser() {
        account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        userId = AccessApi.consoleAddUser(account, InvitationsApi.uniqueEmail("ivy"), "viewer");
        AccessApi.reconcile(account);
        sleep(1100); // a picker sends whole seconds: one after the viewer grant began, before the admin one
        asViewer = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sleep(100);
        AccessApi.consoleSetRole(account, userId, "admin");
        AccessApi.reconcile(account);
    }

    @BeforeEach
    void once() {
        if (account == null) {
            driftOneUser();
        }
    }

    private static Response get(String path) {
        if (session == null) {
            session = ConsoleSignInTest.signIn(AUDITOR, "auditor");
        }
        return given().cookies(session).redirects().follow(false).urlEncodingEnabled(false).get(path);
    }

    @Test
    void inventoryShowsTheLatestRoleAndTheRoleAtAnInstantInTheViewersZone() {
        String now = get("/console/access?accountId=" + account).then().statusCode(200).extract().asString();
        assertThat(row(now, userId)).contains(">admin<").contains("out of band")
                .contains("/console/access/history?accountId=" + account + "&userId=" + userId);
        assertThat(now).contains("not live").contains("id=\"grant-count\">2<");
        assertThat(row(now, userId)).contains("<td class=\"held\">direct</td>").contains("<td class=\"region\">na</td>");
        assertThat(get("/console/access?accountId=" + account + "&region=na").then().statusCode(200).extract().asString())
                .contains("id=\"grant-count\">2<").contains("<option value=\"na\" selected>");
        assertThat(get("/console/access?accountId=" + account + "&region=fe").then().statusCode(200).extract().asString())
                .as("an account of another region").contains("id=\"access-empty\"");

        // What a picker in Tokyo sends for that instant: nine hours ahead of UTC. Read as UTC it would be in
        // the future, and the answer the latest snapshot (admin).
        String tokyo = ConsoleTime.picker(asViewer, ZoneId.of("Asia/Tokyo"));
        String then = get("/console/access?accountId=" + account + "&asOf=" + tokyo + "&zone=Asia%2FTokyo")
                .then().statusCode(200).extract().asString();
        assertThat(row(then, userId)).contains(">viewer<");
        assertThat(then).contains("datetime=\"" + asViewer);

        assertThat(AuditTrail.eventsOf(AUDITOR)).anySatisfy(e -> assertThat(e).returns("ACCESS_QUERY", AuditEvent::getAction)
                .returns("/console/access", AuditEvent::getPath).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome));
    }

    @Test
    void historyShowsEveryPeriodWithTheChangeThatEndedIt() {
        String page = get("/console/access/history?accountId=" + account + "&userId=" + userId).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("viewer → admin").contains("held now").contains("id=\"current-role\">admin<");
        assertThat(page.indexOf("<strong class=\"role\">viewer</strong>")).as("oldest first")
                .isLessThan(page.indexOf("<strong class=\"role\">admin</strong>")).isPositive();
        assertThat(page).contains("/console/timeline?person=" + userId);
        assertThat(AuditTrail.eventsOf(AUDITOR)).anySatisfy(e -> assertThat(e).returns("ACCESS_HISTORY", AuditEvent::getAction)
                .returns("/console/access/history", AuditEvent::getPath).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome));
    }

    @Test
    void outOfBandChangesSinceADayLinkToTheirActionAndSeal() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String page = get("/console/access/changes?accountId=" + account + "&since=" + today + "&zone=UTC")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("user added as viewer").contains("role viewer → admin");
        String eventId = AccessApi.outOfBandChanges(account).stream()
                .filter(e -> "role".equals(JsonPath.from((String) e.get("requestSummary")).getString("change")))
                .map(e -> (String) e.get("eventId")).findFirst().orElseThrow();
        assertThat(page).contains("/console/actions/" + eventId + "#seals");

        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(get("/console/access/changes?accountId=" + account + "&since=" + tomorrow).then().statusCode(200)
                .extract().asString()).contains("id=\"changes-empty\"").doesNotContain("role viewer → admin");
        assertThat(get("/console/access/changes?kind=baselines&accountId=" + account).then().statusCode(200).extract()
                .asString()).contains("baseline: 1 user(s)").doesNotContain("role viewer → admin");
        assertThat(AuditTrail.eventsOf(AUDITOR)).anySatisfy(e -> assertThat(e).returns("AUDIT_QUERY", AuditEvent::getAction)
                .returns("/console/access/changes", AuditEvent::getPath));
    }

    @Test
    void reviewPackDownloadsEveryGrantWithAManifestThatMatchesTheCountShown() throws Exception {
        String page = get("/console/access?asOf=" + Instant.now()).then().statusCode(200).extract().asString();
        long shown = Long.parseLong(page.replaceAll("(?s).*id=\"pack-count\">(\\d+)<.*", "$1"));
        String href = page.replaceAll("(?s).*id=\"review-csv\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");

        Response download = get(href);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).contains("access-review.csv");
        byte[] bytes = download.asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        int manifestAt = text.lastIndexOf("#manifest,");
        String[] manifest = text.substring(manifestAt).trim().split(",");
        byte[] body = java.util.Arrays.copyOf(bytes, text.substring(0, manifestAt).getBytes(StandardCharsets.UTF_8).length);
        assertThat(manifest[2]).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        assertThat(Long.parseLong(manifest[1])).isEqualTo(shown);
        assertThat(text).contains(account + "," + userId + ",");
        assertThat(AuditTrail.eventsOf(AUDITOR)).anySatisfy(e -> assertThat(e).returns("ACCESS_REVIEW", AuditEvent::getAction)
                .returns("/console/access/review", AuditEvent::getPath).returns(AuditOutcome.SUCCEEDED, AuditEvent::getOutcome));
    }

    @Test
    void badInputIsAPageNamingTheFieldAndIsAudited() {
        assertThat(get("/console/access?asOf=last%20tuesday").then().statusCode(400)
                .extract().asString()).contains("<strong>asOf</strong>");
        assertThat(get("/console/access?asOf=2026-12-01T09:30&zone=Mars%2FOlympus").then().statusCode(400)
                .extract().asString()).contains("<strong>zone</strong>");
        assertThat(get("/console/access?accountId=no%20spaces").then().statusCode(400).extract().asString())
                .contains("<strong>accountId</strong>");
        assertThat(get("/console/access/history?accountId=" + account).then().statusCode(400).extract().asString())
                .contains("<strong>userId</strong>");
        assertThat(get("/console/access/review?format=xlsx").then().statusCode(400).extract().asString())
                .contains("<strong>format</strong>");
        assertThat(get("/console/access?region=us-east-1").then().statusCode(400).extract().asString())
                .contains("<strong>region</strong>");
        assertThat(AuditTrail.eventsOf(AUDITOR)).anySatisfy(e -> assertThat(e).returns("ACCESS_HISTORY", AuditEvent::getAction)
                .returns(AuditOutcome.REJECTED, AuditEvent::getOutcome).returns("INVALID_REQUEST", AuditEvent::getErrorCode));
    }

    @Test
    void aViewerIsRefusedAndTheRefusalIsAudited() {
        String viewer = Callers.uniqueSubject("vera");
        Map<String, String> viewerSession = ConsoleSignInTest.signIn(viewer, "amc-viewer");
        assertThat(given().cookies(viewerSession).redirects().follow(false).get("/console/access?accountId=" + account)
                .then().statusCode(403).extract().asString()).contains("id=\"not-allowed\"").doesNotContain(userId);
        assertThat(AuditTrail.eventsOf(viewer)).anySatisfy(e -> assertThat(e).returns("ACCESS_QUERY", AuditEvent::getAction)
                .returns(AuditOutcome.DENIED, AuditEvent::getOutcome).returns("FORBIDDEN", AuditEvent::getErrorCode));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The table row of one user, or fails. */
    private static String row(String html, String user) {
        int at = html.indexOf("<code>" + user + "</code>");
        assertThat(at).as("a row for " + user).isPositive();
        return html.substring(html.lastIndexOf("<tr>", at), html.indexOf("</tr>", at));
    }
}
