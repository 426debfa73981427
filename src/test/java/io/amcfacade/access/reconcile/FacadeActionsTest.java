package io.amcfacade.access.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.amcfacade.support.UsersApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How a facade action will explain access gained or lost through a manager account once the facade links and unlinks
 * ({@link FacadeActions#MANAGER_ACCOUNT_ACTIONS}, empty today): the query runs against the real trail. No link action
 * exists yet, so a user removal stands in for one: its records have the shape a link's must have, a target naming one
 * id (the removed user here, the AMC account there) and the action's account (the manager account there).
 */
@QuarkusTest
class FacadeActionsTest {

    @Inject
    FacadeActions actions;

    @Test
    void anActionNamingTheAccountAndTheManagerAccountExplainsAccessThroughItOnceItIsListed() {
        String account = UsersApi.newAccount().accountId();
        String admin = Callers.token(Callers.uniqueSubject("admin"), "amc-admin");
        String userId = UsersApi.addUser(admin, account, InvitationsApi.uniqueEmail("stand-in"), "viewer");
        Instant before = Instant.now().minusSeconds(60);
        UsersApi.remove(admin, account, userId).statusCode(200);

        // As the reconciler would see a link: access to "userId" (the AMC account) through "account" (the manager account).
        AccessChange.UserAdded gained = new AccessChange.UserAdded(userId, "agent", "agent@example.com", "viewer",
                AccessChange.HeldVia.managerAccount(account));
        assertThat(actions.viaManagerAccount(gained, before, List.of("USER_REMOVE"))).as("listed: explained")
                .hasValueSatisfying(action -> assertThat(action.occurredAt()).isAfter(before));
        assertThat(actions.viaManagerAccount(gained, Instant.now().plusSeconds(60), List.of("USER_REMOVE")))
                .as("begun before the facade last saw the old state").isEmpty();
        assertThat(actions.viaManagerAccount(new AccessChange.UserAdded(userId, "agent", null, "viewer",
                AccessChange.HeldVia.managerAccount("amzn1.ads-account.g.another")), before, List.of("USER_REMOVE")))
                .as("another manager account").isEmpty();
        assertThat(actions.explaining(gained, before, Instant.now())).as("no link action is listed today").isEmpty();
    }
}
