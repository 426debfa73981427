package io.amcfacade.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditActor;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.AuditTarget;

/**
 * What the Action page is given for an action of any shape: the API's model leaves out what an action does
 * not have, the page's data never does.
 */
class ActionDetailTest {

    @Test
    void anActionWithoutTargetsClientOrAmcCallHasEmptyListsNotAbsentOnes() {
        AuditEvent listing = event("ACCOUNTS_LIST").targets(null).actor(new AuditActor().subject("ops").roles(null));

        ActionDetail detail = ActionDetail.of(listing);

        assertThat(detail.targets()).isEmpty();
        assertThat(detail.roles()).isEmpty();
        assertThat(detail.hasClient()).isFalse();
        assertThat(detail.upstream()).isNull();
        assertThat(detail.request()).isEqualTo("GET /v1/accounts");
        assertThat(detail.row().action()).isEqualTo("ACCOUNTS_LIST");
    }

    @Test
    void aSystemActionHasNoActorAndNoRequest() {
        AuditEvent purge = event("RETENTION_PURGE").actor(null).method(null).path(null).outcome(null);

        ActionDetail detail = ActionDetail.of(purge);

        assertThat(detail.row().actor()).isNull();
        assertThat(detail.request()).isEmpty();
        assertThat(detail.completedAt()).isNull();
    }

    @Test
    void targetsSayWhichHaveATimeline() {
        AuditEvent invite = event("INVITATIONS_CREATE").targets(List.of(
                new AuditTarget().kind("EMAIL").id("dora@example.com").role("viewer"),
                new AuditTarget().kind("INVITATION").id("inv-1"), new AuditTarget().kind("EVENT").id("e-1")));

        List<ActionDetail.Target> targets = ActionDetail.of(invite).targets();

        assertThat(targets).extracting(ActionDetail.Target::isPerson).containsExactly(true, false, false);
        assertThat(targets).extracting(ActionDetail.Target::isInvitation).containsExactly(false, true, false);
    }

    private static AuditEvent event(String action) {
        return new AuditEvent().eventId(UUID.randomUUID()).occurredAt(OffsetDateTime.parse("2026-12-01T09:30:00Z"))
                .action(action).method("GET").path("/v1/accounts").outcome(AuditOutcome.SUCCEEDED)
                .correlationId("c-1");
    }
}
