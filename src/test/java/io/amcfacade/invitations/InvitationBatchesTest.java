package io.amcfacade.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.CreateInvitationsRequest;
import io.amcfacade.api.model.CreateInvitationsResult;
import io.amcfacade.api.model.InvitationAction;
import io.amcfacade.api.model.InvitationRequest;
import io.amcfacade.api.model.InvitationResult;
import io.amcfacade.api.model.InvitationResultStatus;
import io.amcfacade.api.model.InvitationUpdate;
import io.amcfacade.api.model.Role;
import io.amcfacade.api.model.UpdateInvitationsRequest;
import io.amcfacade.api.model.UpdateInvitationsResult;
import io.amcfacade.api.model.UpdateResult;
import io.amcfacade.api.model.UpdateResultStatus;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.TargetResult;
import io.amcfacade.support.RecordedAudit;
import io.amcfacade.upstream.AmcInvitationWire;
import io.amcfacade.upstream.AmcInvitationsClient;

/**
 * Matching AMC's one answer for a batch back to its items, without the application: an item AMC names
 * neither as a success nor as an error may have been done, so it is UNKNOWN, never read as refused
 * (UpstreamAnswersTest shows the same end to end).
 */
class InvitationBatchesTest {

    private static final String ACCOUNT = "ENTITY1UNIT";

    private final List<AmcInvitationWire.Invitation> created = new ArrayList<>();
    private final List<AmcInvitationWire.Update> updated = new ArrayList<>();
    private final List<AmcInvitationWire.ItemError> refused = new ArrayList<>();
    private final RecordedAudit audit = new RecordedAudit();
    private final InvitationBatches batches = new InvitationBatches(new AmcInvitationsClient() {
        @Override
        public AmcInvitationWire.CreateResult create(String accountId, List<AmcInvitationWire.InvitationRequest> items,
                boolean notify) {
            return new AmcInvitationWire.CreateResult(created, refused);
        }

        @Override
        public AmcInvitationWire.UpdateResult update(String accountId, List<AmcInvitationWire.Update> updates,
                boolean notify) {
            return new AmcInvitationWire.UpdateResult(updated, refused);
        }
    }, audit);

    @Test
    void aCreateAmcNeverNamesIsUnknownNotRefused() {
        created.add(invitation("inv-1", "Named@Example.com"));

        CreateInvitationsResult result = batches.create(ACCOUNT, create("named@example.com", "unnamed@example.com"));

        assertThat(result.getResults()).extracting(InvitationResult::getStatus)
                .containsExactly(InvitationResultStatus.CREATED, InvitationResultStatus.FAILED);
        assertThat(result.getResults().get(0).getInvitation().getInvitationId())
                .as("AMC's answer is matched by email whatever its case").isEqualTo("inv-1");
        assertThat(result.getResults().get(1).getError().getCode()).isEqualTo("UPSTREAM_OUTCOME_UNKNOWN");
        assertThat(audit.report().outcome()).isEqualTo(AuditOutcome.UNKNOWN);
        assertThat(audit.report().results()).filteredOn(t -> "unnamed@example.com".equals(t.id()))
                .extracting(AuditTargetEntry::outcome).containsExactly(TargetResult.UNKNOWN);
    }

    @Test
    void aCreateAmcRefusesIsFailedAndTheBatchPartial() {
        created.add(invitation("inv-2", "ok@example.com"));
        refused.add(new AmcInvitationWire.ItemError("ALREADY_EXISTS", "already invited", null, "Dup@Example.com"));

        CreateInvitationsResult result = batches.create(ACCOUNT, create("ok@example.com", "dup@example.com"));

        assertThat(result.getSucceeded()).isEqualTo(1);
        assertThat(result.getResults().get(1).getError().getCode()).isNotEqualTo("UPSTREAM_OUTCOME_UNKNOWN");
        assertThat(audit.report().outcome()).isEqualTo(AuditOutcome.PARTIAL);
        assertThat(audit.report().results()).filteredOn(t -> "dup@example.com".equals(t.id()))
                .extracting(AuditTargetEntry::outcome).containsExactly(TargetResult.FAILED);
    }

    @Test
    void anUpdateAmcNeverNamesIsUnknownNotRefused() {
        updated.add(new AmcInvitationWire.Update("inv-a", "REVOKED"));

        UpdateInvitationsResult result = batches.update(ACCOUNT, new UpdateInvitationsRequest(List.of(
                new InvitationUpdate("inv-a", InvitationAction.REVOKE), new InvitationUpdate("inv-b", InvitationAction.REVOKE))));

        assertThat(result.getResults()).extracting(UpdateResult::getStatus)
                .containsExactly(UpdateResultStatus.UPDATED, UpdateResultStatus.FAILED);
        assertThat(result.getResults().get(1).getError().getCode()).isEqualTo("UPSTREAM_OUTCOME_UNKNOWN");
        assertThat(audit.report().outcome()).isEqualTo(AuditOutcome.UNKNOWN);
        assertThat(audit.report().results()).extracting(AuditTargetEntry::outcome).containsExactly(TargetResult.UPDATED, TargetResult.UNKNOWN);
    }

    @Test
    void everyItemDoneIsASucceededAction() {
        updated.add(new AmcInvitationWire.Update("inv-a", "REVOKED"));

        UpdateInvitationsResult result = batches.update(ACCOUNT, new UpdateInvitationsRequest(List.of(
                new InvitationUpdate("inv-a", InvitationAction.REVOKE))));

        assertThat(result.getSucceeded()).isEqualTo(1);
        assertThat(audit.report().outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    }

    private static CreateInvitationsRequest create(String... emails) {
        return new CreateInvitationsRequest(List.of(emails).stream()
                .map(email -> new InvitationRequest(email, "User " + email, Role.VIEWER)).toList());
    }

    private static AmcInvitationWire.Invitation invitation(String id, String email) {
        return new AmcInvitationWire.Invitation(id, "PENDING", null, null, null, ACCOUNT,
                new AmcInvitationWire.User(email, "User"), new AmcInvitationWire.PermissionSet("ROLE",
                        new AmcInvitationWire.RoleName("viewer")), null);
    }
}
