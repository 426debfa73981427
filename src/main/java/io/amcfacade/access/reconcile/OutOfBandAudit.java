package io.amcfacade.access.reconcile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.AuditAction;
import io.amcfacade.audit.AuditSummaries;
import io.amcfacade.audit.AuditTargetEntry;
import io.amcfacade.audit.SystemActions;
import io.amcfacade.audit.SystemActions.SystemAction;

/**
 * The reconciler's entries in the audit trail: one {@code OUT_OF_BAND_CHANGE} per change no facade action
 * explains, and one {@code ACCESS_BASELINE} when an account is first observed (not a change per user).
 * The actor is {@code amc-out-of-band}, a system subject, never a person. Event ids are derived from the
 * account, the change and the state it changed from, so a pass repeated after a crash between the audit
 * write and the store's commit finds its record instead of writing a second one.
 */
@ApplicationScoped
public class OutOfBandAudit {

    public static final String ACTOR = "amc-out-of-band";
    
    private final SystemActions actions;

    public OutOfBandAudit(SystemActions actions) {
        this.actions = actions;
    }

    /**
     * @param since the state changed from: the open period's start, or the account's last observation
     * @return the event id, recorded now or by an earlier attempt of the same pass
     */
    public UUID changed(AccessChange change, Instant since, Instant observedAt, Instant previousObservation) {
        Map<String, Object> summary = new LinkedHashMap<>(change.summary());
        summary.put("observedAt", observedAt.toString());
        if (previousObservation != null) {
            summary.put("previousObservationAt", previousObservation.toString());
        }
        UUID eventId = UUID.nameUUIDFromBytes(("oob|" + change.accountId() + "|" + change.summary() + "|" + since)
                .getBytes(StandardCharsets.UTF_8));
        List<AuditTargetEntry> targets = new ArrayList<>();
        targets.add(new AuditTargetEntry(change.targetKind(), change.targetId(), change.role(), change.change(), null));
        Object email = change.summary().get("emailAddress");
        if (email != null) {
            targets.add(AuditTargetEntry.email(email.toString(), change.role()));
        }
        record(new SystemAction(eventId, observedAt, ACTOR, AuditAction.OUT_OF_BAND_CHANGE, change.accountId(), targets,
                AuditSummaries.of(summary), AuditOutcome.SUCCEEDED));
        return eventId;
    }

    /** The first snapshot of an account: how many users and invitations it had. */
    public UUID baseline(String accountId, Instant observedAt, int users, int invitations) {
        UUID eventId = UUID.nameUUIDFromBytes(("baseline|" + accountId).getBytes(StandardCharsets.UTF_8));
        record(new SystemAction(eventId, observedAt, ACTOR, AuditAction.ACCESS_BASELINE, accountId, List.of(),
                AuditSummaries.of(Map.of("users", users, "invitations", invitations, "observedAt", observedAt.toString())),
                AuditOutcome.SUCCEEDED));
        return eventId;
    }

    private void record(SystemAction action) {
        if (!actions.recorded(action.eventId())) {
            actions.record(action);
        }
    }
}
