package io.amcfacade.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.support.AccessApi;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Changes made behind the facade's back (the sandbox's console) become {@code OUT_OF_BAND_CHANGE} actions
 * after one pass, with before and after; the same changes made through the facade never do; the first
 * pass over an account is one baseline, not a change per user.
 */
@QuarkusTest
class OutOfBandChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void consoleChangesAreAuditedAsOutOfBandWithBeforeAndAfter() throws Exception {
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        assertThat(AccessApi.outOfBandChanges(account)).as("the first snapshot is a baseline").isEmpty();
        assertThat(baselines(account)).hasSize(1)
                .allSatisfy(baseline -> assertThat(baseline.get("correlationId")).as("required by openapi.yaml").isNotNull());

        String email = InvitationsApi.uniqueEmail("console");
        String userId = AccessApi.consoleAddUser(account, email, "viewer");
        AccessApi.reconcile(account);
        List<Map<String, Object>> events = AccessApi.outOfBandChanges(account);
        assertThat(events).hasSize(1);
        Map<String, Object> added = events.get(0);
        assertThat(added.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(added.get("correlationId")).as("required by openapi.yaml").isNotNull();
        assertThat(added.get("accountId")).isEqualTo(account);
        assertThat(((Map<?, ?>) added.get("actor")).get("subject")).isEqualTo("amc-out-of-band");
        assertThat(summary(added)).containsEntry("change", "added").containsEntry("userId", userId)
                .containsEntry("emailAddress", email).containsEntry("toRole", "viewer");
        assertThat(targetIds(added)).contains(userId, email);

        AccessApi.consoleSetRole(account, userId, "admin");
        AccessApi.reconcile(account);
        AccessApi.reconcile(account); // a second pass finds nothing new: a change is recorded once
        events = AccessApi.outOfBandChanges(account);
        assertThat(events).hasSize(2);
        assertThat(summary(events.get(0))).containsEntry("change", "role").containsEntry("fromRole", "viewer")
                .containsEntry("toRole", "admin");

        AccessApi.consoleRemove(account, userId);
        AccessApi.reconcile(account);
        events = AccessApi.outOfBandChanges(account);
        assertThat(events).hasSize(3);
        assertThat(summary(events.get(0))).containsEntry("change", "removed").containsEntry("fromRole", "admin");

        // Queryable like any action, by the user's id or email.
        assertThat(Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("targetId", email)
                .queryParam("action", "OUT_OF_BAND_CHANGE").get("/v1/audit/events").then().statusCode(200)
                .extract().jsonPath().getList("events")).hasSize(3);
    }

    @Test
    void theSameChangesThroughTheFacadeAreNeverOutOfBand() {
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        String admin = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String email = InvitationsApi.uniqueEmail("facade");
        String userId = UsersApi.addUser(admin, account, email, "viewer");
        AccessApi.reconcile(account);
        UsersApi.setRole(admin, account, userId, "admin").statusCode(200);
        AccessApi.reconcile(account);
        UsersApi.remove(admin, account, userId).statusCode(200);
        AccessApi.reconcile(account);

        assertThat(AccessApi.outOfBandChanges(account)).isEmpty();
        var history = Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("accountId", account)
                .queryParam("userId", userId).get("/v1/access/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("periods.role")).containsExactly("viewer", "admin");
        assertThat(history.getList("periods.grantedBy.via")).containsExactly("facade", "facade");
        assertThat(history.getString("periods[1].endedBy.via")).isEqualTo("facade");
        assertThat(history.getString("periods[1].until")).isNotNull();
    }

    private static List<Map<String, Object>> baselines(String account) {
        return Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("action", "ACCESS_BASELINE")
                .queryParam("accountId", account).get("/v1/audit/events").then().statusCode(200)
                .extract().jsonPath().getList("events");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(Map<String, Object> event) throws Exception {
        return JSON.readValue((String) event.get("requestSummary"), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> targetIds(Map<String, Object> event) {
        return ((List<Map<String, Object>>) event.get("targets")).stream().map(t -> t.get("id")).toList();
    }
}
