package io.amcfacade.access.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/**
 * One period in which a user held one role on one AMC account one way ({@link #heldVia}: directly, or through
 * manager account {@link #managerAccountId}, the role being theirs there): opened when the reconciler (or a
 * facade action it matched) saw the role begin, closed when it changed or the user was removed. An
 * unchanged snapshot writes nothing here but {@link #roleCheckedAt}: changes are stored, not copies.
 */
@Entity
@Table(name = "access_grants")
// Updates name only the columns that changed: the app role may update only a period's end and role_checked_at (V90).
@DynamicUpdate
public class GrantPeriod extends AccountPeriod {

    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(nullable = false)
    public String role;
    @Column(name = "granted_via", nullable = false)
    public String grantedVia;
    @Column(name = "granted_event_id")
    public UUID grantedEventId;
    @Column(name = "granted_by")
    public String grantedBy;
    @Column(name = "ended_via")
    public String endedVia;
    @Column(name = "ended_event_id")
    public UUID endedEventId;
    @Column(name = "ended_by")
    public String endedBy;
    @Column(name = "role_checked_at", nullable = false)
    public Instant roleCheckedAt;
    /** {@code direct} or {@code manager-account}. */
    @Column(name = "held_via", nullable = false)
    public String heldVia;
    /** The manager account the access is held through; null for a direct grant. */
    @Column(name = "manager_account_id")
    public String managerAccountId;

    public static final String DIRECT = "direct";
    public static final String MANAGER_ACCOUNT = "manager-account";

    public boolean direct() {
        return DIRECT.equals(heldVia);
    }

    /** The account's grants held now, by user id. */
    public static List<GrantPeriod> open(String accountId) {
        return list("accountId = ?1 and validTo is null order by userId, heldVia, managerAccountId", accountId);
    }

    /** Every period of one user on one account, oldest first. */
    public static List<GrantPeriod> history(String accountId, String userId) {
        return list("accountId = ?1 and userId = ?2 order by validFrom, id", accountId, userId);
    }

    /** The open grants of an account whose role was read longest ago: the next ones the role sweep reads. */
    public static List<GrantPeriod> stalestRoles(String accountId, int count) {
        return find("accountId = ?1 and validTo is null order by roleCheckedAt, userId", accountId).page(0, count).list();
    }
}
