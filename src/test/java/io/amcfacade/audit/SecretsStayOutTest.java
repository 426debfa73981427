package io.amcfacade.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.Role;
import io.amcfacade.api.model.InvitationRequest;
import io.amcfacade.sandbox.SandboxCredentials;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.OwnerDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** Sends every kind of secret through every path, then searches the whole trail and the log for them. */
@QuarkusTest
class SecretsStayOutTest {

    @Test
    void noTokenOrCredentialReachesTheAuditTrailOrTheLog() throws Exception {
        String subject = Callers.uniqueSubject("secretive");
        String callerToken = Callers.token(subject, "amc-admin");
        String email = InvitationsApi.uniqueEmail("secret");
        String inviteeToken = InvitationsApi.inviteeToken(email);

        given().auth().oauth2(callerToken).get("/v1/accounts").then().statusCode(200);
        String id = InvitationsApi.inviteOne(callerToken, email, "viewer");
        InvitationsApi.redeem(callerToken, id, inviteeToken).statusCode(200);
        InvitationsApi.redeem(callerToken, id, "Atza|made-up-" + inviteeToken.substring(5)).statusCode(422);
        given().auth().oauth2(callerToken.substring(0, callerToken.length() - 4) + "AAAA").get("/v1/accounts").then().statusCode(401);

        List<String> secrets = List.of(callerToken, callerToken.substring(callerToken.lastIndexOf('.') + 1), inviteeToken,
                inviteeToken.substring(5), SandboxCredentials.CLIENT_SECRET, SandboxCredentials.REFRESH_TOKEN,
                "Atza|", "Bearer ");
        String trail = wholeTrail();
        String log = Files.readString(Path.of("target", "quarkus-test.log"));
        for (String secret : secrets) {
            assertThat(trail).as("the audit trail").doesNotContain(secret);
            assertThat(log).as("the log").doesNotContain(secret);
        }
        assertThat(trail).contains(email.toLowerCase()); // the invitee is kept on purpose (personal data, documented)
    }

    @Test
    void requestSummariesAreCapped() throws Exception {
        String subject = Callers.uniqueSubject("verbose");
        List<InvitationRequest> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(new InvitationRequest(InvitationsApi.uniqueEmail("bulk" + i), "n".repeat(100), Role.VIEWER));
        }
        InvitationsApi.create(Callers.token(subject, "amc-admin"), many).statusCode(200);

        try (Connection connection = OwnerDatabase.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT max(length(d.request_summary)) FROM audit_records d "
                        + "JOIN audit_records i ON i.event_id = d.event_id AND i.kind = 'INTENT' "
                        + "WHERE d.kind = 'DETAILS' AND i.actor_subject = '" + subject + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isBetween(1, AuditRecords.MAX_SUMMARY);
        }
    }

    private static String wholeTrail() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection connection = OwnerDatabase.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT row_to_json(r)::text FROM audit_records r "
                        + "UNION ALL SELECT row_to_json(s)::text FROM audit_seals s UNION ALL SELECT row_to_json(k)::text FROM idempotency_keys k")) {
            while (rs.next()) {
                all.append(rs.getString(1)).append('\n');
            }
        }
        return all.toString();
    }
}
