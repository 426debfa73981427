package io.amcfacade.idempotency;

import static io.amcfacade.support.InvitationsApi.ACCOUNT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.support.AuditTrail;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class IdempotencyKeyTest {

    private static final String CREATES = "POST /user-invitations";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    IdempotencyPurge purge;

    @Test
    void theSameKeyAndRequestReplaysTheAnswerWithoutASecondUpstreamCall() {
        String subject = Callers.uniqueSubject("admin");
        String token = Callers.token(subject, "amc-admin");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = createBody(InvitationsApi.uniqueEmail("tom"));
        long creates = Sandbox.requests(CREATES);

        Response first = create(token, key, body);
        Response second = create(token, key, body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.jsonPath().getString("results[0].invitation.invitationId"))
                .isEqualTo(first.jsonPath().getString("results[0].invitation.invitationId"));
        assertThat(Sandbox.requests(CREATES)).isEqualTo(creates + 1);
        assertThat(AuditTrail.eventsOf(subject)).allSatisfy(e -> assertThat(e).returns(key, AuditEvent::getIdempotencyKey));
    }

    @Test
    void jsonThatDiffersOnlyInFieldOrderIsTheSameRequest() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String key = UUID.randomUUID().toString();
        String email = InvitationsApi.uniqueEmail("ursula");
        String one = "{\"notifyInvitedUsers\":true,\"invitations\":[{\"emailAddress\":\"" + email
                + "\",\"userName\":\"U\",\"role\":\"viewer\"}]}";
        String other = "{ \"invitations\": [ {\"role\":\"viewer\", \"userName\":\"U\", \"emailAddress\":\"" + email
                + "\"} ], \"notifyInvitedUsers\": true }";

        create(token, key, one).then().statusCode(200);
        create(token, key, other).then().statusCode(200).header("Idempotent-Replayed", "true");
    }

    @Test
    void theSameKeyWithADifferentRequestIsA422() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String key = UUID.randomUUID().toString();
        create(token, key, createBody(InvitationsApi.uniqueEmail("uma"))).then().statusCode(200);
        long creates = Sandbox.requests(CREATES);

        create(token, key, createBody(InvitationsApi.uniqueEmail("victor"))).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        assertThat(Sandbox.requests(CREATES)).isEqualTo(creates);
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = createBody(InvitationsApi.uniqueEmail("wendy"));
        create(Callers.token(Callers.uniqueSubject("admin-a"), "amc-admin"), key, body).then().statusCode(200);

        Response other = create(Callers.token(Callers.uniqueSubject("admin-b"), "amc-admin"), key, body);

        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.jsonPath().getString("results[0].error.code")).isEqualTo("DUPLICATE_INVITATION");
    }

    @Test
    void aKeyStillInFlightIsA409() throws Exception {
        String subject = Callers.uniqueSubject("admin");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = createBody(InvitationsApi.uniqueEmail("xena"));
        // The same request, claimed by a first attempt that has not answered yet.
        String hash = RequestFingerprint.of("createInvitations", "/v1/accounts/" + ACCOUNT + "/invitations",
                new ObjectMapper().writeValueAsBytes(body));
        execute("INSERT INTO idempotency_keys (caller, idempotency_key, operation, request_hash, state, created_at, expires_at) "
                + "VALUES (?, ?, 'createInvitations', ?, 'IN_FLIGHT', now(), now() + interval '1 hour')", subject, key, hash);
        long creates = Sandbox.requests(CREATES);

        create(Callers.token(subject, "amc-admin"), key, body)
                .then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_IN_FLIGHT"));
        assertThat(Sandbox.requests(CREATES)).isEqualTo(creates);
    }

    @Test
    void anExpiredKeyRunsTheRequestAgain() throws SQLException {
        String subject = Callers.uniqueSubject("admin");
        String key = UUID.randomUUID().toString();
        execute("INSERT INTO idempotency_keys (caller, idempotency_key, operation, request_hash, state, response_status, "
                + "response_body, created_at, expires_at) VALUES (?, ?, 'createInvitations', 'old', 'COMPLETED', 200, '{}', "
                + "now() - interval '2 days', now() - interval '1 day')", subject, key);
        long creates = Sandbox.requests(CREATES);

        create(Callers.token(subject, "amc-admin"), key, createBody(InvitationsApi.uniqueEmail("yuri")))
                .then().statusCode(200).body("succeeded", equalTo(1));

        assertThat(Sandbox.requests(CREATES)).isEqualTo(creates + 1);
    }

    @Test
    void concurrentDuplicatesCreateOnceAndTheRestReplayOrWait() throws Exception {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = createBody(InvitationsApi.uniqueEmail("zoe"));
        long creates = Sandbox.requests(CREATES);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> create(token, key, body).statusCode()));
            }
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(200, 409).contains(200);
        assertThat(Sandbox.requests(CREATES)).isEqualTo(creates + 1);
    }

    @Test
    void aMalformedKeyIsA400NamingTheHeader() {
        create(Callers.token(Callers.uniqueSubject("admin"), "amc-admin"), "bad key with spaces",
                createBody(InvitationsApi.uniqueEmail("amy"))).then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void revokeReplaysItsAnswerToo() {
        String token = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String id = InvitationsApi.inviteOne(token, InvitationsApi.uniqueEmail("ben"), "viewer");
        String key = UUID.randomUUID().toString();

        given().auth().oauth2(token).header("Idempotency-Key", key)
                .post("/v1/accounts/{a}/invitations/{i}/revoke", ACCOUNT, id).then().statusCode(200);
        given().auth().oauth2(token).header("Idempotency-Key", key)
                .post("/v1/accounts/{a}/invitations/{i}/revoke", ACCOUNT, id).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("state", equalTo("REVOKED"));
    }

    @Test
    void thePurgeDeletesExpiredKeysAndKeepsLiveOnes() throws SQLException {
        String caller = Callers.uniqueSubject("purged");
        String insert = "INSERT INTO idempotency_keys (caller, idempotency_key, operation, request_hash, state, "
                + "response_status, response_body, created_at, expires_at) "
                + "VALUES (?, ?, 'op', 'hash', 'COMPLETED', 200, '{}', now() - interval '2 days', now() + ?::interval)";
        execute(insert, caller, "expired", "-1 day");
        execute(insert, caller, "live", "1 day");

        assertThat(purge.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(keysOf(caller)).containsExactly("live");
    }

    private List<String> keysOf(String caller) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT idempotency_key FROM idempotency_keys WHERE caller = ? ORDER BY 1")) {
            select.setString(1, caller);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    private static Map<String, Object> createBody(String email) {
        return Map.of("invitations", List.of(InvitationsApi.invitee(email, "viewer")));
    }

    private static Response create(String token, String key, Object body) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/v1/accounts/{a}/invitations", ACCOUNT);
    }

    private void execute(String sql, String... values) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
