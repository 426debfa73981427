package io.amcfacade.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.amcfacade.api.model.AuditOutcome;
import io.amcfacade.audit.integrity.CanonicalRecord;
import io.amcfacade.audit.integrity.RecordMac;
import io.amcfacade.audit.storage.AuditUnavailableException;
import io.amcfacade.audit.storage.TrailRecord;
import io.amcfacade.audit.storage.TrailRecordSql;

/**
 * What the trail says about one invitation the facade created or changed: the account it belongs to,
 * whom it invites with which role, and whether the facade saw it end (revoked, or redeemed). Lets an
 * administrator's revoke or resend go to AMC without first walking the account's invitation list.
 * <p>
 * Only records whose content hash and MAC hold are believed: a row the database role inserted by SQL
 * alone has no valid MAC (the key never reaches the database), so it cannot point the facade at another
 * account or end an invitation the facade never ended. An action with any such record is ignored whole.
 */
@ApplicationScoped
public class InvitationTrail {

    /** Every record of every action that names the invitation as a target, oldest first. */
    private static final String SQL = "SELECT " + TrailRecordSql.ALL_COLUMNS + " FROM audit_records WHERE event_id IN ("
            + "SELECT event_id FROM audit_records WHERE kind = 'TARGET' AND target_kind = 'INVITATION' AND target_id = ?)"
            + " ORDER BY seq";

    /** An invitation as the facade recorded it; {@code endedAs} is REVOKED or ACCEPTED once the facade saw it end. */
    public record TrailedInvitation(String accountId, String emailAddress, String role, Optional<String> endedAs) {
    }

    private final AgroalDataSource dataSource;
    private final RecordMac mac;

    public InvitationTrail(AgroalDataSource dataSource, RecordMac mac) {
        this.dataSource = dataSource;
        this.mac = mac;
    }

    /** The invitation as the facade created it, if it did (and its creation is on the trail, intact). */
    public Optional<TrailedInvitation> find(String invitationId) {
        return interpret(invitationId, read(invitationId));
    }

    private List<TrailRecord> read(String invitationId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SQL)) {
            query.setString(1, invitationId);
            List<TrailRecord> records = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    records.add(TrailRecordSql.read(rows));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new AuditUnavailableException(e);
        }
    }

    /** Pure: what the (MAC-checked) records of the actions naming {@code invitationId} say about it. */
    Optional<TrailedInvitation> interpret(String invitationId, List<TrailRecord> records) {
        Map<UUID, List<TrailRecord>> actions = new LinkedHashMap<>();
        records.forEach(r -> actions.computeIfAbsent(r.eventId, id -> new ArrayList<>()).add(r));
        TrailedInvitation created = null;
        String endedAs = null;
        for (List<TrailRecord> action : actions.values()) {
            if (!action.stream().allMatch(this::intact)) {
                continue;
            }
            TrailRecord intent = only(action, TrailRecord.Kind.INTENT);
            if (intent == null) {
                continue;
            }
            if (AuditAction.INVITATIONS_CREATE.name().equals(intent.action) && created == null) {
                created = creation(invitationId, intent, action);
            } else if (succeeded(action)) {
                if (AuditAction.INVITATION_REVOKE.name().equals(intent.action)) {
                    endedAs = "REVOKED";
                } else if (AuditAction.INVITATION_REDEEM.name().equals(intent.action)) {
                    endedAs = "ACCEPTED";
                }
            }
        }
        return created == null ? Optional.empty()
                : Optional.of(new TrailedInvitation(created.accountId(), created.emailAddress(), created.role(),
                        Optional.ofNullable(endedAs)));
    }

    /** The email target just before the invitation's own target names whom it invites, as the batch records them. */
    private static TrailedInvitation creation(String invitationId, TrailRecord intent, List<TrailRecord> action) {
        for (TrailRecord target : action) {
            if (target.kind == TrailRecord.Kind.TARGET && TargetKind.INVITATION.name().equals(target.targetKind)
                    && invitationId.equals(target.targetId) && TargetResult.CREATED.stored().equals(target.outcome)
                    && target.position != null) {
                for (TrailRecord email : action) {
                    if (email.kind == TrailRecord.Kind.TARGET && TargetKind.EMAIL.name().equals(email.targetKind)
                            && email.position != null && email.position == target.position - 1) {
                        return new TrailedInvitation(intent.accountId, email.targetId, email.role, Optional.empty());
                    }
                }
            }
        }
        return null;
    }

    private static boolean succeeded(List<TrailRecord> action) {
        TrailRecord outcome = only(action, TrailRecord.Kind.OUTCOME);
        return outcome != null && AuditOutcome.SUCCEEDED.toString().equals(outcome.outcome);
    }

    private static TrailRecord only(List<TrailRecord> action, TrailRecord.Kind kind) {
        return action.stream().filter(r -> r.kind == kind).findFirst().orElse(null);
    }

    private boolean intact(TrailRecord record) {
        String hash = CanonicalRecord.hashV2(record);
        return hash.equals(record.contentHash) && mac.matches(hash, record.recordMac);
    }
}
