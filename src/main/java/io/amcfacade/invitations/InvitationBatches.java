package io.amcfacade.invitations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.api.model.CreateInvitationsRequest;
import io.amcfacade.api.model.CreateInvitationsResult;
import io.amcfacade.api.model.InvitationRequest;
import io.amcfacade.api.model.InvitationResult;
import io.amcfacade.api.model.InvitationResultStatus;
import io.amcfacade.api.model.InvitationUpdate;
import io.amcfacade.api.model.ItemError;
import io.amcfacade.api.model.UpdateInvitationsRequest;
import io.amcfacade.api.model.UpdateInvitationsResult;
import io.amcfacade.api.model.UpdateResult;
import io.amcfacade.api.model.UpdateResultStatus;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.AuditTrail;
import io.amcfacade.audit.TargetResult;
import io.amcfacade.problem.ProblemCode;
import io.amcfacade.upstream.AmcInvitationWire;
import io.amcfacade.upstream.AmcInvitationsClient;

/**
 * Batch invitation calls: one AMC call for the whole batch, and a result per item matched back by
 * AMC's {@code identifier} (the email for creates, the invitation id for updates).
 */
@ApplicationScoped
public class InvitationBatches {

    private final AmcInvitationsClient amc;
    private final AuditTrail audit;

    /** Collaborators in the constructor, so matching AMC's answer to the items has plain unit tests. */
    @Inject
    public InvitationBatches(AmcInvitationsClient amc, AuditTrail audit) {
        this.amc = amc;
        this.audit = audit;
    }

    public CreateInvitationsResult create(String accountId, CreateInvitationsRequest request) {
        List<InvitationRequest> items = request.getInvitations();
        BatchValidation.requireDistinct(items.stream().map(i -> i.getEmailAddress().toLowerCase(Locale.ROOT)).toList(),
                "invitations", "emailAddress");
        boolean notify = request.getNotifyInvitedUsers() == null || request.getNotifyInvitedUsers();
        audit.intend(items.stream().map(i -> AuditTargetEntry.email(i.getEmailAddress(), i.getRole().toString())).toList(),
                AuditSummaries.of(Map.of("notifyInvitedUsers", notify, "invitations", items.stream()
                        .map(i -> Map.of("emailAddress", i.getEmailAddress(), "userName", i.getUserName(),
                                "role", i.getRole().toString()))
                        .toList())));

        AmcInvitationWire.CreateResult amcResult = amc.create(accountId,
                items.stream().map(InvitationMapper::toAmc).toList(), notify);

        Map<String, AmcInvitationWire.Invitation> created = new HashMap<>();
        for (AmcInvitationWire.Invitation invitation : nullSafe(amcResult.successes())) {
            if (invitation.user() != null && invitation.user().emailAddress() != null) {
                created.put(invitation.user().emailAddress().toLowerCase(Locale.ROOT), invitation);
            }
        }
        Map<String, AmcInvitationWire.ItemError> failed = byIdentifier(amcResult.errors(), true);
        List<InvitationResult> results = new ArrayList<>();
        List<AuditTargetEntry> audited = new ArrayList<>();
        Instant now = Instant.now();
        int unnamed = 0;
        for (InvitationRequest item : items) {
            String key = item.getEmailAddress().toLowerCase(Locale.ROOT);
            AmcInvitationWire.Invitation invitation = created.get(key);
            AuditTargetEntry target = AuditTargetEntry.email(item.getEmailAddress(), item.getRole().toString());
            if (invitation != null) {
                results.add(new InvitationResult(item.getEmailAddress(), InvitationResultStatus.CREATED)
                        .invitation(InvitationMapper.toApi(invitation, accountId, null, now)));
                audited.add(target.withResult(TargetResult.CREATED, null));
                audited.add(AuditTargetEntry.invitation(invitation.invitationId()).withResult(TargetResult.CREATED, null));
            } else {
                boolean named = failed.containsKey(key);
                ItemError error = named ? InvitationMapper.error(failed.get(key)) : unnamedItem("created");
                unnamed += named ? 0 : 1;
                results.add(new InvitationResult(item.getEmailAddress(), InvitationResultStatus.FAILED).error(error));
                audited.add(target.withResult(named ? TargetResult.FAILED : TargetResult.UNKNOWN, error.getCode()));
            }
        }
        int succeeded = (int) results.stream().filter(r -> r.getStatus() == InvitationResultStatus.CREATED).count();
        audit.report(audited, overall(succeeded, results.size(), unnamed));
        return new CreateInvitationsResult(succeeded, results.size() - succeeded, results);
    }

    public UpdateInvitationsResult update(String accountId, UpdateInvitationsRequest request) {
        List<InvitationUpdate> updates = request.getUpdates();
        BatchValidation.requireDistinct(updates.stream().map(InvitationUpdate::getInvitationId).toList(),
                "updates", "invitationId");
        boolean notify = request.getNotifyInvitedUsers() == null || request.getNotifyInvitedUsers();
        audit.intend(updates.stream().map(u -> AuditTargetEntry.invitation(u.getInvitationId())).toList(),
                AuditSummaries.of(Map.of("notifyInvitedUsers", notify, "updates", updates.stream()
                        .map(u -> Map.of("invitationId", u.getInvitationId(), "action", u.getAction().toString()))
                        .toList())));

        AmcInvitationWire.UpdateResult amcResult = amc.update(accountId, updates.stream()
                .map(u -> new AmcInvitationWire.Update(u.getInvitationId(), InvitationTransitions.amcState(u.getAction())))
                .toList(), notify);

        Map<String, AmcInvitationWire.ItemError> failed = byIdentifier(amcResult.errors(), false);
        List<String> succeededIds = nullSafe(amcResult.successes()).stream().map(AmcInvitationWire.Update::invitationId).toList();
        List<UpdateResult> results = new ArrayList<>();
        List<AuditTargetEntry> audited = new ArrayList<>();
        int unnamed = 0;
        for (InvitationUpdate update : updates) {
            String id = update.getInvitationId();
            UpdateResult result = new UpdateResult(id, update.getAction(), UpdateResultStatus.UPDATED);
            TargetResult recorded = TargetResult.UPDATED;
            if (!succeededIds.contains(id)) {
                boolean named = failed.containsKey(id);
                result.status(UpdateResultStatus.FAILED).error(named ? InvitationMapper.error(failed.get(id)) : unnamedItem("changed"));
                unnamed += named ? 0 : 1;
                recorded = named ? TargetResult.FAILED : TargetResult.UNKNOWN;
            }
            results.add(result);
            audited.add(AuditTargetEntry.invitation(id).withResult(recorded, result.getError() == null ? null : result.getError().getCode()));
        }
        int succeeded = (int) results.stream().filter(r -> r.getStatus() == UpdateResultStatus.UPDATED).count();
        audit.report(audited, overall(succeeded, results.size(), unnamed));
        return new UpdateInvitationsResult(succeeded, results.size() - succeeded, results);
    }

    /** @param unnamed items AMC's answer named neither a success nor an error: what became of them is not known */
    private static AuditOutcome overall(int succeeded, int total, int unnamed) {
        if (unnamed > 0) {
            return AuditOutcome.UNKNOWN;
        }
        return succeeded == total ? AuditOutcome.SUCCEEDED : succeeded == 0 ? AuditOutcome.FAILED : AuditOutcome.PARTIAL;
    }

    /**
     * An item AMC's answer named neither as a success nor as an error, after AMC processed the call: it may
     * well have been {@code done}, so the item says so instead of reading as refused.
     */
    private static ItemError unnamedItem(String done) {
        return new ItemError(ProblemCode.UPSTREAM_OUTCOME_UNKNOWN.name(), "AMC's answer named neither a success nor an "
                + "error for this item, so it may have been " + done + ": read the account's invitations before trying again.");
    }

    private static Map<String, AmcInvitationWire.ItemError> byIdentifier(List<AmcInvitationWire.ItemError> errors,
            boolean emails) {
        Map<String, AmcInvitationWire.ItemError> result = new HashMap<>();
        for (AmcInvitationWire.ItemError error : nullSafe(errors)) {
            if (error.identifier() != null) {
                result.put(emails ? error.identifier().toLowerCase(Locale.ROOT) : error.identifier(), error);
            }
        }
        return result;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
