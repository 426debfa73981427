package io.amcfacade.access.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Finds the facade action in the audit trail that explains a change the reconciler saw: one on the same
 * account, of an action that makes such a change, naming the same user or invitation (with the new role,
 * where it has one), begun after the facade last saw the old state, and not failed, denied or rejected
 * (an action whose outcome is unknown may well have done it). Reads only; the trail is written through
 * the recorder.
 */
@ApplicationScoped
public class FacadeActions {

    /** How far back an invitation that explains a new user may lie: two weeks' validity, resent a few times. */
    static final Duration INVITATION_REACH = Duration.ofDays(60);
    /** A facade action's intent is recorded just before AMC is called; AMC's change follows within the deadline. */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(30);

    private static final String SQL = """
            SELECT i.event_id, i.occurred_at, i.actor_subject
              FROM audit_records i
             WHERE i.kind = 'INTENT' AND i.account_id = ? AND i.action = ANY (?) AND i.recorded_at >= ?
               AND EXISTS (SELECT 1 FROM audit_records t
                            WHERE t.event_id = i.event_id AND t.kind = 'TARGET' AND t.recorded_at >= i.recorded_at
                              AND t.target_kind = ? AND t.target_id = ?
                              AND (?::text IS NULL OR t.role = ?) AND (?::text IS NULL OR t.outcome = ?))
               AND NOT EXISTS (SELECT 1 FROM audit_records o
                                WHERE o.event_id = i.event_id AND o.kind = 'OUTCOME' AND o.recorded_at >= i.recorded_at
                                  AND o.outcome IN ('FAILED', 'DENIED', 'REJECTED'))
             ORDER BY i.recorded_at DESC
             LIMIT 1
            """;

    /**
     * The facade actions that explain access through a manager account beginning (the account linked to it) or ending
     * (unlinked): each action's name and the kind of change it explains. Such an action explains the change when it
     * records a target whose id is the AMC account (its per-account result, not failed) and names the manager account
     * as its account or as another target, began after the facade last saw the old state (less {@link #CLOCK_SLACK})
     * and did not fail, was not denied or rejected.
     */
    static final Map<String, Class<? extends AccessChange.UserChange>> MANAGER_ACCOUNT_ACTIONS = Map.of(
            "MANAGER_ACCOUNT_LINK", AccessChange.UserAdded.class, "MANAGER_ACCOUNT_UNLINK", AccessChange.UserRemoved.class);

    private static final String VIA_MANAGER_ACCOUNT_SQL = """
            SELECT i.event_id, i.occurred_at, i.actor_subject
              FROM audit_records i
             WHERE i.kind = 'INTENT' AND i.action = ANY (?) AND i.recorded_at >= ?
               AND EXISTS (SELECT 1 FROM audit_records t
                            WHERE t.event_id = i.event_id AND t.kind = 'TARGET' AND t.recorded_at >= i.recorded_at
                              AND t.target_id = ? AND (t.outcome IS NULL OR t.outcome NOT IN ('FAILED', 'DENIED', 'REJECTED')))
               AND (i.account_id = ? OR EXISTS (SELECT 1 FROM audit_records m
                            WHERE m.event_id = i.event_id AND m.kind = 'TARGET' AND m.recorded_at >= i.recorded_at
                              AND m.target_id = ?))
               AND NOT EXISTS (SELECT 1 FROM audit_records o
                                WHERE o.event_id = i.event_id AND o.kind = 'OUTCOME' AND o.recorded_at >= i.recorded_at
                                  AND o.outcome IN ('FAILED', 'DENIED', 'REJECTED'))
             ORDER BY i.recorded_at DESC
             LIMIT 1
            """;

    /** The facade action that explains a change: its audit event, when it began and who asked. */
    public record FacadeAction(UUID eventId, Instant occurredAt, String actor) {
    }

    private record Match(String[] actions, String targetKind, String targetId, String role, String targetOutcome,
            Instant notBefore) {
    }

    private final AgroalDataSource dataSource;

    public FacadeActions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param oldStateSeenAt when the facade last saw the state before the change */
    public Optional<FacadeAction> explaining(AccessChange change, Instant oldStateSeenAt, Instant now) {
        Instant after = oldStateSeenAt.minus(CLOCK_SLACK);
        if (change instanceof AccessChange.UserChange user && !user.heldVia().direct()) {
            return viaManagerAccount(user, after);
        }
        Match match;
        if (change instanceof AccessChange.UserAdded added) {
            match = new Match(new String[] { "INVITATIONS_CREATE" }, "EMAIL",
                    added.emailAddress() == null ? "" : added.emailAddress().toLowerCase(Locale.ROOT), added.toRole(),
                    null, now.minus(INVITATION_REACH));
        } else if (change instanceof AccessChange.UserRemoved removed) {
            match = new Match(new String[] { "USER_REMOVE", "USERS_UPDATE" }, "USER", removed.userId(), null,
                    "REMOVED", after);
        } else if (change instanceof AccessChange.RoleChanged role) {
            match = new Match(new String[] { "USER_ROLE_CHANGE", "USERS_UPDATE" }, "USER", role.userId(),
                    role.toRole(), "UPDATED", after);
        } else {
            AccessChange.InvitationChanged invitation = (AccessChange.InvitationChanged) change;
            match = invitation.fromState() == null
                    ? new Match(new String[] { "INVITATIONS_CREATE" }, "INVITATION", invitation.invitationId(), null,
                            "CREATED", now.minus(INVITATION_REACH))
                    : new Match(new String[] { "INVITATION_REVOKE", "INVITATION_RESEND", "INVITATIONS_UPDATE" },
                            "INVITATION", invitation.invitationId(), null, null, after);
        }
        return find(change.accountId(), match);
    }

    /** A link or unlink through the facade ({@link #MANAGER_ACCOUNT_ACTIONS}); a role there is no facade action's. */
    private Optional<FacadeAction> viaManagerAccount(AccessChange.UserChange change, Instant after) {
        return viaManagerAccount(change, after, MANAGER_ACCOUNT_ACTIONS.entrySet().stream()
                .filter(action -> action.getValue().isInstance(change)).map(Map.Entry::getKey).sorted().toList());
    }

    /** The newest of {@code actions} that explains the change (no query at all while there are none). */
    Optional<FacadeAction> viaManagerAccount(AccessChange.UserChange change, Instant after, List<String> actions) {
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        String managerAccountId = change.heldVia().managerAccountId();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(VIA_MANAGER_ACCOUNT_SQL)) {
            query.setArray(1, connection.createArrayOf("text", actions.toArray()));
            query.setTimestamp(2, Timestamp.from(after));
            query.setString(3, change.accountId());
            query.setString(4, managerAccountId);
            query.setString(5, managerAccountId);
            return action(query);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail to explain a change of " + change.accountId(), e);
        }
    }

    private static Optional<FacadeAction> action(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new FacadeAction(row.getObject(1, UUID.class), row.getTimestamp(2).toInstant(),
                    row.getString(3)));
        }
    }

    private Optional<FacadeAction> find(String accountId, Match match) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SQL)) {
            query.setString(1, accountId);
            query.setArray(2, connection.createArrayOf("text", match.actions()));
            query.setTimestamp(3, Timestamp.from(match.notBefore()));
            query.setString(4, match.targetKind());
            query.setString(5, match.targetId());
            query.setString(6, match.role());
            query.setString(7, match.role());
            query.setString(8, match.targetOutcome());
            query.setString(9, match.targetOutcome());
            return action(query);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail to explain a change of " + accountId, e);
        }
    }
}
