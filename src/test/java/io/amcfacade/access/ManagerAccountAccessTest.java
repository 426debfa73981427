package io.amcfacade.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.api.model.AccessGrant;
import io.amcfacade.api.model.AccessHeldViaKind;
import io.amcfacade.support.AccessApi;
import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.OwnerDatabase;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Access held through a manager account (issue 25): a user who reaches an AMC account only because it is linked to a
 * manager account they belong to is in the inventory with how (the manager account and their role there); the link
 * made and removed behind the facade's back is an out-of-band change like any other; a direct user stays direct, and a
 * person holding access both ways has one grant per way in.
 */
@QuarkusTest
class ManagerAccountAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLinkBehindTheFacadesBackGivesAccessOutOfBandWithHowAndAnUnlinkEndsIt() throws Exception {
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        AccessGrant seedAdmin = AccessApi.grants(account, null).getGrants().get(0);
        String managerAccount = AccessApi.newManagerAccount("na", "Agency North America");
        String email = InvitationsApi.uniqueEmail("agency");
        String userId = AccessApi.managerAccountUser(managerAccount, email, "ADMIN");

        AccessApi.consoleLink(managerAccount, account);
        AccessApi.reconcile(account);

        List<AccessGrant> grants = AccessApi.grants(account, null).getGrants();
        assertThat(grants).hasSize(2);
        AccessGrant agent = grants.stream().filter(g -> g.getUserId().equals(userId)).findFirst().orElseThrow();
        assertThat(agent.getHeldVia().getVia()).isEqualTo(AccessHeldViaKind.MANAGER_ACCOUNT);
        assertThat(agent.getHeldVia().getManagerAccountId()).isEqualTo(managerAccount);
        assertThat(agent.getRole()).as("the user's role in the manager account").isEqualTo("admin");
        assertThat(agent.getEmailAddress()).isEqualTo(email);
        assertThat(agent.getGrantedBy().getVia().toString()).isEqualTo("out-of-band");
        assertThat(agent.getRegion().toString()).isEqualTo("na");
        AccessGrant direct = grants.stream().filter(g -> g.getUserId().equals(seedAdmin.getUserId())).findFirst()
                .orElseThrow();
        assertThat(direct.getHeldVia().getVia()).as("the account's own admin stays direct")
                .isEqualTo(AccessHeldViaKind.DIRECT);
        assertThat(direct.getHeldVia().getManagerAccountId()).isNull();

        List<Map<String, Object>> events = AccessApi.outOfBandChanges(account);
        assertThat(events).hasSize(1);
        assertThat(summary(events.get(0))).containsEntry("change", "added").containsEntry("userId", userId)
                .containsEntry("toRole", "admin").containsEntry("heldVia", "manager-account")
                .containsEntry("managerAccountId", managerAccount);
        AccessApi.reconcile(account);
        assertThat(AccessApi.outOfBandChanges(account)).as("a change is recorded once").hasSize(1);

        AccessApi.consoleUnlink(managerAccount, account);
        AccessApi.reconcile(account);

        assertThat(AccessApi.grants(account, null).getGrants()).extracting(AccessGrant::getUserId)
                .containsExactly(seedAdmin.getUserId());
        events = AccessApi.outOfBandChanges(account);
        assertThat(events).hasSize(2);
        assertThat(summary(events.get(0))).containsEntry("change", "removed").containsEntry("userId", userId)
                .containsEntry("fromRole", "admin").containsEntry("heldVia", "manager-account")
                .containsEntry("managerAccountId", managerAccount);
        JsonPath history = history(account, userId);
        assertThat(history.getList("periods.heldVia.via")).containsExactly("manager-account");
        assertThat(history.getList("periods.heldVia.managerAccountId")).containsExactly(managerAccount);
        assertThat(history.getString("periods[0].until")).isNotNull();
        assertThat(history.getString("periods[0].endedBy.via")).isEqualTo("out-of-band");
    }

    @Test
    void aLinkAndUnlinkThroughTheFacadeAreTheFacadesChangesNotOutOfBand() throws Exception {
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        String managerAccount = AccessApi.newManagerAccount("na", "Agency through the facade");
        String userId = AccessApi.managerAccountUser(managerAccount, InvitationsApi.uniqueEmail("linked"), "ADMIN");
        String admin = Callers.uniqueSubject("linker");

        Callers.as(admin, "amc-admin").contentType("application/json")
                .body(Map.of("accountIds", List.of(account))).post("/v1/manager-accounts/{m}/link", managerAccount)
                .then().statusCode(200).body("results[0].status", org.hamcrest.Matchers.equalTo("LINKED"));
        AccessApi.reconcile(account);

        AccessGrant agent = AccessApi.grants(account, null).getGrants().stream()
                .filter(g -> g.getUserId().equals(userId)).findFirst().orElseThrow();
        assertThat(agent.getHeldVia().getManagerAccountId()).isEqualTo(managerAccount);
        assertThat(agent.getGrantedBy().getVia().toString()).as("the facade's own link explains the access")
                .isEqualTo("facade");
        assertThat(agent.getGrantedBy().getActor()).isEqualTo(admin);
        assertThat(agent.getGrantedBy().getEventId()).isNotNull();
        assertThat(AccessApi.outOfBandChanges(account)).as("nothing happened behind the facade's back").isEmpty();

        Callers.as(admin, "amc-admin").contentType("application/json").body(Map.of("accountIds", List.of(account)))
                .post("/v1/manager-accounts/{m}/unlink", managerAccount).then().statusCode(200)
                .body("results[0].status", org.hamcrest.Matchers.equalTo("UNLINKED"));
        AccessApi.reconcile(account);

        JsonPath history = history(account, userId);
        assertThat(history.getString("periods[0].until")).isNotNull();
        assertThat(history.getString("periods[0].endedBy.via")).isEqualTo("facade");
        assertThat(AccessApi.outOfBandChanges(account)).isEmpty();
    }

    @Test
    void aPersonHoldingAccessDirectlyAndThroughAManagerAccountHasOneGrantPerWayIn() {
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        String email = InvitationsApi.uniqueEmail("both-ways");
        String userId = AccessApi.consoleAddUser(account, email, "viewer");
        String managerAccount = AccessApi.newManagerAccount("na", "Agency");
        assertThat(AccessApi.managerAccountUser(managerAccount, email, "EDITOR")).as("one person, one user id")
                .isEqualTo(userId);
        AccessApi.consoleLink(managerAccount, account);
        AccessApi.reconcile(account);

        List<AccessGrant> mine = AccessApi.grants(account, null).getGrants().stream()
                .filter(g -> g.getUserId().equals(userId)).toList();
        assertThat(mine).extracting(g -> g.getHeldVia().getVia() + " " + g.getHeldVia().getManagerAccountId() + " "
                + g.getRole()).containsExactlyInAnyOrder("direct null viewer", "manager-account " + managerAccount
                        + " EDITOR");

        AccessApi.consoleUnlink(managerAccount, account);
        AccessApi.reconcile(account);
        assertThat(AccessApi.grants(account, null).getGrants().stream().filter(g -> g.getUserId().equals(userId)))
                .as("the direct grant outlives the link").singleElement()
                .satisfies(g -> assertThat(g.getHeldVia().getVia()).isEqualTo(AccessHeldViaKind.DIRECT));
        assertThat(history(account, userId).getList("periods.heldVia.via"))
                .containsExactlyInAnyOrder("direct", "manager-account");
    }

    /**
     * An account observed before the facade read access through manager accounts (V90): what is held that way when it
     * first reads it was there all along, so it is baseline, not an out-of-band change; later changes are out of band.
     */
    @Test
    void accessThroughAManagerAccountAlreadyThereWhenFirstReadIsBaselineNotOutOfBand() throws Exception {
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        OwnerDatabase.execute("UPDATE access_accounts SET indirect_observed_at = NULL WHERE account_id = '" + account + "'");
        String managerAccount = AccessApi.newManagerAccount("na", "Agency of old");
        String userId = AccessApi.managerAccountUser(managerAccount, InvitationsApi.uniqueEmail("old-agency"), "VIEWER");
        AccessApi.consoleLink(managerAccount, account);
        AccessApi.reconcile(account);

        AccessGrant agent = AccessApi.grants(account, null).getGrants().stream().filter(g -> g.getUserId().equals(userId))
                .findFirst().orElseThrow();
        assertThat(agent.getGrantedBy().getVia().toString()).isEqualTo("baseline");
        assertThat(agent.getHeldVia().getManagerAccountId()).isEqualTo(managerAccount);
        assertThat(AccessApi.outOfBandChanges(account)).isEmpty();

        AccessApi.consoleUnlink(managerAccount, account);
        AccessApi.reconcile(account);
        assertThat(AccessApi.outOfBandChanges(account)).hasSize(1);
    }

    /**
     * An attacker with the service's database credentials cannot rewrite how a grant was held or who granted it (V90
     * narrows the role's UPDATE to a period's end and role_checked_at), nor delete it; the reconciler can still end it.
     */
    @Test
    void theServicesDatabaseRoleCannotRewriteHowAGrantIsHeld() throws Exception {
        String account = UsersApi.newAccount().accountId();
        AccessApi.reconcile(account);
        String where = " WHERE account_id = '" + account + "'";
        for (String forged : List.of("UPDATE access_grants SET held_via = 'manager-account', manager_account_id = 'x'",
                "UPDATE access_grants SET granted_via = 'facade'", "UPDATE access_grants SET role = 'viewer'",
                "DELETE FROM access_grants")) {
            assertThatThrownBy(() -> asServiceRole(forged + where)).as(forged).hasMessageContaining("permission denied");
        }
        asServiceRole("UPDATE access_grants SET role_checked_at = now()" + where);
        assertThat(AccessApi.grants(account, null).getGrants()).singleElement()
                .satisfies(g -> assertThat(g.getHeldVia().getVia()).isEqualTo(AccessHeldViaKind.DIRECT));
    }

    private static void asServiceRole(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(OwnerDatabase.url(), "amc_app", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static JsonPath history(String account, String userId) {
        return Callers.as(Callers.uniqueSubject("auditor"), "auditor").queryParam("accountId", account)
                .queryParam("userId", userId).get("/v1/access/history").then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(Map<String, Object> event) throws Exception {
        return JSON.readValue((String) event.get("requestSummary"), Map.class);
    }
}
