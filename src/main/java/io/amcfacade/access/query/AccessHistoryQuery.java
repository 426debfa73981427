package io.amcfacade.access.query;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.amcfacade.access.store.GrantPeriod;
import io.amcfacade.api.model.AccessHistory;
import io.amcfacade.api.model.AccessPeriod;

/** Every role one user held on one account, oldest first, each with the event that began and ended it. */
@ApplicationScoped
public class AccessHistoryQuery {

    @Transactional
    public AccessHistory history(String accountId, String userId) {
        AccessHistory history = new AccessHistory().accountId(accountId).userId(userId);
        for (GrantPeriod period : GrantPeriod.history(accountId, userId)) {
            AccessPeriod answer = new AccessPeriod().role(period.role).heldVia(AccessInventory.heldVia(period))
                    .emailAddress(period.emailAddress)
                    .since(period.validFrom.atOffset(ZoneOffset.UTC))
                    .grantedBy(AccessInventory.by(period.grantedVia, period.grantedEventId, period.grantedBy));
            if (period.validTo != null) {
                answer.until(period.validTo.atOffset(ZoneOffset.UTC));
            }
            if (period.endedVia != null) {
                answer.endedBy(AccessInventory.by(period.endedVia, period.endedEventId, period.endedBy));
            }
            history.addPeriodsItem(answer);
        }
        return history;
    }
}
