package io.amcfacade.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Input as an attacker or a fuzzer sends it. Each refusal is a problem document naming the field, with
 * the correlation id, audited with an outcome (what was sent escaped), and nothing reaches AMC.
 */
@QuarkusTest
class HostileInputTest {

    private static final String ACCOUNT = InvitationsApi.ACCOUNT;
    private static final String INVITATIONS = "/v1/accounts/" + ACCOUNT + "/invitations";
    private static final String CREATE = "POST /user-invitations";

    @Test
    void aNulInAPathIdIsA400NamingItAndTheRefusalIsAuditedEscaped() {
        String subject = Callers.uniqueSubject("viewer");

        AuditEvent event = refused(Callers.as(subject, "amc-viewer").urlEncodingEnabled(false), "GET",
                INVITATIONS + "/abc%00def", 400, "invitationId", "INVITATION_GET");

        assertThat(event.getOutcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(event.getPath()).contains("abc\\u0000def");
    }

    @Test
    void anAnonymousRequestWithANulIsDeniedAndTheDenialIsRecorded() {
        String correlationId = UUID.randomUUID().toString();
        given().urlEncodingEnabled(false).header("X-Request-Id", correlationId)
                .get(INVITATIONS + "/abc%00def")
                .then().statusCode(401).contentType("application/problem+json")
                .body("correlationId", equalTo(correlationId));

        assertThat(AuditTrail.eventOfRequest("INVITATION_GET", correlationId)).returns(AuditOutcome.DENIED, AuditEvent::getOutcome);
    }

    @Test
    void controlCharactersInBodyStringsHeadersAndFiltersAreRefusedByName() {
        String subject = Callers.uniqueSubject("admin");
        long creates = Sandbox.requests(CREATE);

        refusedBody(subject, "{\"invitations\":[{\"emailAddress\":\"" + InvitationsApi.uniqueEmail("nul")
                + "\",\"userName\":\"a\\u0000b\",\"role\":\"viewer\"}]}", "invitations[0].userName");
        // The HTTP client will not send a control character in a header; a socket will, and the HTTP server
        // (Netty validates header values) refuses it with a bare 400 before the facade sees the request.
        String answer = RawHttp.exchange("GET " + INVITATIONS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Callers.token(subject, "amc-admin") + "\r\nX-On-Behalf-Of: ops\u0000bot\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        refused(Callers.as(Callers.uniqueSubject("auditor"), "auditor").urlEncodingEnabled(false), "GET",
                "/v1/audit/events?action=%00", 400, "action", "AUDIT_QUERY");

        assertThat(Sandbox.requests(CREATE)).as("nothing reached AMC").isEqualTo(creates);
    }

    /**
     * Requests refused before any route took them (by the HTTP codec, or for a path no operation has) must not
     * each add their raw path as a metric tag: past Micrometer's cap on distinct URI tags, normal endpoints
     * would stop producing HTTP metrics, so anyone who reaches the port could blind the dashboards.
     */
    @Test
    void refusedRequestsAddNoPerPathMetricTags() {
        String marker = "tagprobe" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            assertThat(RawHttp.exchange("GET /v1/" + marker + "-codec-" + i + " HTTP/1.1\r\nHost: localhost\r\nX-Probe: a\u0001b\r\n"
                    + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 400");
            given().get("/v1/" + marker + "-anonymous-" + i).then().statusCode(404);
            given().auth().oauth2(Callers.token(Callers.uniqueSubject("viewer"), "amc-viewer"))
                    .get("/v1/" + marker + "-unknown-" + i).then().statusCode(404);
            given().get("/" + marker + "-outside-" + i).then().statusCode(404);
        }

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("http_server_requests_seconds_count");
        assertThat(metrics.lines().filter(line -> line.contains(marker)).toList()).isEmpty();
    }

    @Test
    void aNulInAnUnknownFieldNameStillLeavesAnOutcome() {
        AuditEvent event = refusedBody(Callers.uniqueSubject("admin"),
                "{\"invitations\":[],\"x\\u0000y\":1}", "x\\u0000y");

        assertThat(event.getOutcome()).isEqualTo(AuditOutcome.REJECTED);
    }

    @Test
    void nullBatchItemsAreRefusedNamingTheIndex() {
        String subject = Callers.uniqueSubject("admin");
        refusedBody(subject, "{\"invitations\":[null]}", "invitations[0]");
        refused(Callers.as(subject, "amc-admin").contentType("application/json").body("{\"updates\":[null]}"), "PATCH",
                INVITATIONS, 400, "updates[0]", "INVITATIONS_UPDATE");
        refused(Callers.as(subject, "amc-admin").contentType("application/json").body("{\"changes\":[null]}"), "PATCH",
                "/v1/accounts/" + ACCOUNT + "/users", 400, "changes[0]", "USERS_UPDATE");
    }

    @Test
    void duplicateKeysAreRefusedNamingTheKeyAndTrailingTokensAreMalformed() {
        String subject = Callers.uniqueSubject("admin");
        long creates = Sandbox.requests(CREATE);
        String invitee = "{\"emailAddress\":\"" + InvitationsApi.uniqueEmail("dup") + "\",\"userName\":\"Dup\",";

        refusedBody(subject, "{\"invitations\":[" + invitee + "\"role\":\"viewer\",\"role\":\"admin\"}]}",
                "invitations[0].role");
        String correlationId = UUID.randomUUID().toString();
        Callers.as(subject, "amc-admin").header("X-Request-Id", correlationId).contentType("application/json")
                .body("{\"invitations\":[" + invitee + "\"role\":\"viewer\"}]} {\"more\":1}")
                .post(INVITATIONS)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));

        assertThat(AuditTrail.eventOfRequest("INVITATIONS_CREATE", correlationId)).returns(AuditOutcome.REJECTED, AuditEvent::getOutcome);
        assertThat(Sandbox.requests(CREATE)).as("nothing reached AMC").isEqualTo(creates);
    }

    @Test
    void aTokenWhoseNameClaimIsNotAStringIsUnauthorizedAndAudited() throws Exception {
        String subject = Callers.uniqueSubject("numeric");
        String token = sandboxSigned("{\"iss\":\"" + ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class)
                + "\",\"sub\":\"" + subject + "\",\"preferred_username\":42," + standardClaims());
        String correlationId = UUID.randomUUID().toString();
        String wellFormed = sandboxSigned("{\"iss\":\"" + ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class)
                + "\",\"sub\":\"" + subject + "\",\"preferred_username\":\"n\"," + standardClaims());
        given().auth().oauth2(wellFormed).get("/v1/accounts").then().statusCode(200);

        given().auth().oauth2(token).header("X-Request-Id", correlationId).get("/v1/accounts")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("preferred_username"))
                .body("correlationId", equalTo(correlationId));

        assertThat(AuditTrail.eventOfRequest("ACCOUNTS_LIST", correlationId)).returns(AuditOutcome.DENIED, AuditEvent::getOutcome);
    }

    @Test
    void aTokenWithoutASubjectIsUnauthorizedAndAudited() throws Exception {
        String correlationId = UUID.randomUUID().toString();
        // Signed by the configured issuer, valid in every other way, but naming nobody: without a subject the
        // caller would share one rate-limit bucket with every other such caller and be audited as no one.
        String token = sandboxSigned("{\"iss\":\"" + ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class)
                + "\",\"preferred_username\":\"nobody\"," + standardClaims());

        given().auth().oauth2(token).header("X-Request-Id", correlationId).get("/v1/accounts")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("sub"))
                .body("correlationId", equalTo(correlationId));

        assertThat(AuditTrail.eventOfRequest("ACCOUNTS_LIST", correlationId)).returns(AuditOutcome.DENIED, AuditEvent::getOutcome);
    }

    @Test
    void aTokenIssuedInTheFutureIsUnauthorizedAndAudited() throws Exception {
        String subject = Callers.uniqueSubject("future");
        String issuer = ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
        long now = System.currentTimeMillis() / 1000;
        String correlationId = UUID.randomUUID().toString();
        String future = sandboxSigned("{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"groups\":[\"amc-viewer\"],\"iat\":"
                + (now + 600) + ",\"exp\":" + (now + 900) + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        // Within the stated clock skew (smallrye.jwt.verify.clock-skew, 60 s) a caller's clock may run ahead.
        String slightlyAhead = sandboxSigned("{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"groups\":[\"amc-viewer\"],\"iat\":"
                + (now + 20) + ",\"exp\":" + (now + 300) + ",\"jti\":\"" + UUID.randomUUID() + "\"}");

        given().auth().oauth2(future).header("X-Request-Id", correlationId).get("/v1/accounts")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("iat"))
                .body("correlationId", equalTo(correlationId));
        given().auth().oauth2(slightlyAhead).get("/v1/accounts").then().statusCode(200);

        assertThat(AuditTrail.eventOfRequest("ACCOUNTS_LIST", correlationId)).returns(AuditOutcome.DENIED, AuditEvent::getOutcome);
    }

    @Test
    void malformedDatesAndOutOfRangeNumbersAreA400NamingTheParameter() {
        for (String from : List.of("yesterday", "2026-12-01", "2026-12-01T00:00:00")) {
            refused(Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("from", from), "GET",
                    "/v1/audit/events", 400, "from", "AUDIT_QUERY");
        }
        refused(Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("limit", "2147483648"), "GET",
                "/v1/audit/events", 400, "limit", "AUDIT_QUERY");
        refused(Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("to", "soon"), "GET",
                "/v1/audit/export", 400, "to", "AUDIT_EXPORT");
    }

    @Test
    void offsetsPostgresqlCannotStoreAreReadAsTheSameInstant() {
        Callers.as(Callers.uniqueSubject("auditor"), "auditor").urlEncodingEnabled(false)
                .get("/v1/audit/events?from=2026-01-01T00:00:00%2B17:30&to=2099-01-01T00:00:00-17:59")
                .then().log().ifValidationFails().statusCode(200);
        Callers.as(Callers.uniqueSubject("auditor"), "auditor").urlEncodingEnabled(false)
                .get("/v1/audit/export?format=ndjson&from=2026-01-01T00:00:00%2B17:30&action=NO_SUCH_ACTION")
                .then().log().ifValidationFails().statusCode(200);
    }

    @Test
    void oversizedRequestsWrongMediaTypesAndMethodsAreProblemDocumentsAndAudited() {
        String subject = Callers.uniqueSubject("admin");
        refused(Callers.as(subject, "amc-admin").contentType("application/json").body("{\"invitations\":[" + " ".repeat(1_100_000) + "]}"),
                "POST", INVITATIONS, 413, null, "REQUEST_REFUSED");
        refused(Callers.as(subject, "amc-admin").queryParam("state", "x".repeat(9000)), "GET", INVITATIONS, 414, null,
                "REQUEST_REFUSED");
        refused(Callers.as(subject, "amc-admin").header("X-Padding", "p".repeat(17_000)), "GET", INVITATIONS, 431, null,
                "REQUEST_REFUSED");
        refused(Callers.as(subject, "amc-admin").contentType("text/plain").body("hello"), "POST", INVITATIONS, 415, null,
                "REQUEST_REFUSED");
        String correlationId = UUID.randomUUID().toString();
        String allow = answer(Callers.as(subject, "amc-admin").header("X-Request-Id", correlationId), "DELETE",
                "/v1/accounts", 405, null, correlationId).extract().header("Allow");
        assertThat(allow).contains("GET");
        assertThat(AuditTrail.eventOfRequest("REQUEST_REFUSED", correlationId)).returns(AuditOutcome.REJECTED, AuditEvent::getOutcome);
        refused(Callers.as(subject, "amc-admin"), "GET", "/v1/no-such-thing", 404, null, "REQUEST_REFUSED");
    }

    @Test
    void aUtf8OnBehalfOfIsStoredAsSent() {
        String subject = Callers.uniqueSubject("viewer");
        String correlationId = UUID.randomUUID().toString();
        // Callers (curl, browsers, most clients) send the UTF-8 bytes; Apache HttpClient writes one byte per
        // character, so the value handed to it is the UTF-8 bytes read as ISO-8859-1. (It writes '?' for bytes
        // 0x80-0x9F, so the name avoids letters whose UTF-8 holds one, such as Ü.)
        Callers.as(subject, "amc-viewer").header("X-Request-Id", correlationId)
                .header("X-On-Behalf-Of", bytesOnTheWire("Zoë Ayçé".getBytes(StandardCharsets.UTF_8)))
                .get("/v1/accounts").then().statusCode(200);

        assertThat(AuditTrail.eventWithCorrelation(subject, correlationId).getActor().getOnBehalfOf())
                .isEqualTo("Zoë Ayçé");
    }

    @Test
    void anOnBehalfOfThatIsNotUtf8IsStoredEscapedNotAltered() {
        String subject = Callers.uniqueSubject("viewer");
        String correlationId = UUID.randomUUID().toString();
        // The same name sent as ISO-8859-1 bytes: 0xEB, 0xE7 and 0xE9 are not UTF-8 here.
        Callers.as(subject, "amc-viewer").header("X-Request-Id", correlationId)
                .header("X-On-Behalf-Of", bytesOnTheWire("Zoë Ayçé".getBytes(StandardCharsets.ISO_8859_1)))
                .get("/v1/accounts").then().statusCode(200);

        assertThat(AuditTrail.eventWithCorrelation(subject, correlationId).getActor().getOnBehalfOf())
                .isEqualTo("Zo\\xeb Ay\\xe7\\xe9");
    }

    /** A header value whose characters the HTTP client writes as exactly {@code bytes}. */
    private static String bytesOnTheWire(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String standardClaims() {
        long now = System.currentTimeMillis() / 1000;
        return "\"groups\":[\"amc-viewer\"],\"iat\":" + now + ",\"exp\":" + (now + 300) + ",\"jti\":\""
                + UUID.randomUUID() + "\"}";
    }

    /** A token the sandbox would have signed, with claims its token endpoint would never put in. */
    private static String sandboxSigned(String claims) throws Exception {
        String location = ConfigProvider.getConfig().getValue("amc.sandbox.signing-key-location", String.class);
        String pem = java.nio.file.Files.readString(java.nio.file.Path.of(location.replaceFirst("^file:", "")));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims);
        jws.setKey(KeyUtils.decodePrivateKey(pem));
        jws.setKeyIdHeaderValue("sandbox");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static AuditEvent refusedBody(String subject, String body, String field) {
        return refused(Callers.as(subject, "amc-admin").contentType("application/json").body(body), "POST", INVITATIONS,
                400, field, "INVITATIONS_CREATE");
    }

    /** Sends, checks the refusal, and answers its audit event (or the response when no action is named). */
    private static AuditEvent refused(RequestSpecification request, String method, String path, int status,
            String field, String action) {
        String correlationId = UUID.randomUUID().toString();
        answer(request.header("X-Request-Id", correlationId), method, path, status, field, correlationId);
        AuditEvent event = AuditTrail.eventOfRequest(action, correlationId);
        assertThat(event.getOutcome()).as("outcome of " + method + " " + path).isNotNull();
        return event;
    }

    private static ValidatableResponse answer(RequestSpecification request, String method, String path, int status,
            String field, String correlationId) {
        ValidatableResponse response = request.request(method, path).then().statusCode(status)
                .contentType("application/problem+json")
                .body("code", notNullValue())
                .body("correlationId", equalTo(correlationId));
        if (field != null) {
            response.body("errors[0].field", equalTo(field));
        }
        return response;
    }
}
